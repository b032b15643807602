package uk.putitright.tasklist;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.process.ExtensionRules;
import uk.putitright.process.ProcessNames;

/**
 * Rules a form alone cannot enforce, checked as the worker completes the task so Tasklist shows the
 * problem straight away and nothing moves on: an extension needs a reason and a date the policy allows;
 * a Stage 2 response sent back at sign-off needs a comment saying why.
 */
@Component
public class CompletionChecks implements TaskListener {

    private final ComplaintRepository complaints;
    private final ExtensionRules extensions;

    CompletionChecks(ComplaintRepository complaints, ExtensionRules extensions) {
        this.complaints = complaints;
        this.extensions = extensions;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            if ("EXTEND".equals(task.getVariable("stage1Decision"))
                    && "Task_InvestigateComplaint".equals(task.getTaskDefinitionKey())) {
                checkExtension(task, DeadlineType.STAGE_1_RESPONSE);
            } else if ("EXTEND".equals(task.getVariable("stage2Decision"))
                    && "Task_ReviewComplaint".equals(task.getTaskDefinitionKey())) {
                checkExtension(task, DeadlineType.STAGE_2_RESPONSE);
            } else if (FourEyesRule.SIGN_OFF_TASK.equals(task.getTaskDefinitionKey())
                    && Boolean.FALSE.equals(task.getVariable("signOffApproved"))) {
                Object comment = task.getExecution().getVariable("signOffComment");
                if (comment == null || comment.toString().isBlank()) {
                    throw new IllegalArgumentException("Say what must change when you send the response back");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }

    private void checkExtension(DelegateTask task, DeadlineType deadline) {
        Long id = ((Number) task.getVariable(ProcessNames.COMPLAINT_ID)).longValue();
        extensions.check(task.getExecution(), complaints.findById(id).orElseThrow(), deadline);
    }
}
