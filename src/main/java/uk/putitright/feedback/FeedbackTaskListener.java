package uk.putitright.feedback;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.security.TaskAuthor;

/**
 * On the feedback process's user tasks, when one completes: records that the compliment was passed on or the
 * comment logged, and by whom, and drops any copy of the feedback a client sent back.
 */
@Component("feedbackTask")
public class FeedbackTaskListener implements TaskListener {

    /** What the compliment and comment forms show of the feedback (read by tasklist.FeedbackContext). */
    public static final Set<String> SHOWN_ON_FORMS =
            Set.of("feedbackFrom", "feedbackText", "staffMemberName", "feedbackTeam");

    private final FeedbackRepository feedback;

    FeedbackTaskListener(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateTask task) {
        Object id = task.getVariable(FeedbackRegister.FEEDBACK_ID);
        if (id == null || !EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        Feedback item = feedback.findById(((Number) id).longValue()).orElseThrow();
        SHOWN_ON_FORMS.forEach(task.getExecution()::removeVariable);
        var now = ClockUtil.getCurrentTime().toInstant();
        String by = TaskAuthor.of(task);
        if (item.getKind() == FeedbackKind.COMPLIMENT) {
            item.markRecognised(now, by);
        } else {
            item.markLogged(now, by);
        }
    }
}
