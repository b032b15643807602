package uk.putitright.feedback;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.security.TaskAuthor;

/**
 * On the feedback process's user tasks. When a task opens: copies who sent the feedback, what they said and
 * who it is about into task-local variables for the form (their names are in FormVariables.FEEDBACK_CONTEXT,
 * so the history keeps none of them). When it completes: records that the compliment was passed on or the
 * comment logged, by whom, and drops any copy a form sent back.
 */
@Component("feedbackTask")
public class FeedbackTaskListener implements TaskListener {

    /** The task-local copies the forms show; keep in step with FormVariables.FEEDBACK_CONTEXT. */
    public static final Set<String> CONTEXT = Set.of("feedbackFrom", "feedbackText", "staffMemberName", "feedbackTeam");

    private final FeedbackRepository feedback;

    FeedbackTaskListener(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public void notify(DelegateTask task) {
        Object id = task.getVariable(FeedbackRegister.FEEDBACK_ID);
        if (id == null) {
            return;
        }
        Feedback item = feedback.findById(((Number) id).longValue()).orElseThrow();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("feedbackFrom", item.getPersonName());
            task.setVariableLocal("feedbackText", item.getText());
            task.setVariableLocal("staffMemberName", item.getStaffMember());
            task.setVariableLocal("feedbackTeam", item.getTeam());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            CONTEXT.forEach(task.getExecution()::removeVariable);
            var now = ClockUtil.getCurrentTime().toInstant();
            String by = TaskAuthor.of(task);
            if (item.getKind() == FeedbackKind.COMPLIMENT) {
                item.markRecognised(now, by);
            } else {
                item.markLogged(now, by);
            }
        }
    }
}
