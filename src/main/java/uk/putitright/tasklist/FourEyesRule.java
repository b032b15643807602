package uk.putitright.tasklist;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.putitright.process.TaskRole;
import uk.putitright.security.TaskAuthor;

/**
 * Housing Plus: "A Stage 2 complaint will be reviewed by the senior advocacy officer and signed off by the
 * director". Whoever wrote the Stage 2 response may not claim or complete its sign-off.
 */
@Component
public class FourEyesRule implements TaskListener {

    static final String AUTHOR_VARIABLE = "stage2ResponseAuthor";
    /** The tasks (by their role in the model, TaskRole) that write the Stage 2 response. */
    static final Set<TaskRole> RESPONSE_TASKS = Set.of(TaskRole.STAGE_2_REVIEW, TaskRole.STAGE_2_EXTENDED_RESPONSE);

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        TaskRole role = TaskRole.of(task).orElse(null);
        if (role != null && RESPONSE_TASKS.contains(role) && EVENTNAME_COMPLETE.equals(event)) {
            task.setVariable(AUTHOR_VARIABLE, TaskAuthor.of(task));
        } else if (role == TaskRole.STAGE_2_SIGN_OFF) {
            String author = (String) task.getVariable(AUTHOR_VARIABLE);
            String user = EVENTNAME_ASSIGNMENT.equals(event) ? task.getAssignee() : TaskAuthor.of(task);
            if (author != null && author.equals(user)
                    && (EVENTNAME_ASSIGNMENT.equals(event) || EVENTNAME_COMPLETE.equals(event))) {
                throw new ProcessEngineException("Four-eyes rule: " + user
                        + " wrote this Stage 2 response, so another director must sign it off");
            }
        }
    }
}
