package uk.putitright.learning;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.audit.AuditLog;
import uk.putitright.security.TaskAuthor;

/**
 * The "Complete the improvement action" task: completing it marks the action done, with who did it and what
 * they did. (Its form shows the action from tasklist.ImprovementActionContext.)
 */
@Component("improvementActionTasks")
public class ImprovementActionTasks implements TaskListener {

    /** The process variable naming the improvement_action row. */
    public static final String ACTION_ID = "improvementActionId";
    static final String COMPLETION_NOTE = "improvementCompletionNote";

    private final ImprovementActionRepository actions;
    private final AuditLog audit;

    ImprovementActionTasks(ImprovementActionRepository actions, AuditLog audit) {
        this.actions = actions;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        ImprovementAction action = actions.findById(((Number) task.getVariable(ACTION_ID)).longValue()).orElseThrow();
        Object note = task.getExecution().getVariable(COMPLETION_NOTE);
        if (note == null || note.toString().isBlank()) {
            throw new ProcessEngineException("Say what was done before closing the action");
        }
        String by = TaskAuthor.of(task);
        action.complete(by, note.toString().strip(), ClockUtil.getCurrentTime().toInstant());
        task.getExecution().removeVariable(COMPLETION_NOTE);
        audit.record(action.getComplaintId(), by, "IMPROVEMENT_ACTION_DONE", action.getDescription());
    }
}
