package uk.putitright.tasklist;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.putitright.feedback.Feedback;
import uk.putitright.feedback.FeedbackRegister;
import uk.putitright.feedback.FeedbackRepository;

/**
 * What the compliment and comment forms show: who sent the feedback, what they said, and the staff member
 * and team it is about, read from the feedback table when the form opens (FormVariables.FEEDBACK_CONTEXT).
 */
@Component
class FeedbackContext implements TaskFormContext {

    private final FeedbackRepository feedback;

    FeedbackContext(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        if (!(task.getVariable(FeedbackRegister.FEEDBACK_ID) instanceof Number id)) {
            return Map.of();
        }
        Feedback item = feedback.findById(id.longValue()).orElseThrow();
        Map<String, Object> shown = new HashMap<>();
        shown.put("feedbackFrom", item.getPersonName());
        shown.put("feedbackText", item.getText());
        shown.put("staffMemberName", item.getStaffMember());
        shown.put("feedbackTeam", item.getTeam());
        return shown;
    }
}
