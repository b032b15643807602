package uk.putitright.learning;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.audit.AuditLog;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.security.TaskAuthor;

/**
 * The "Complete the improvement action" task: shows what must be done (task-local, for the form) when it
 * opens, and marks the action done, with who did it and what they did, when it is completed.
 */
@Component("improvementActionTasks")
public class ImprovementActionTasks implements TaskListener {

    static final String ACTION_ID = "improvementActionId";
    static final String COMPLETION_NOTE = "improvementCompletionNote";

    private final ImprovementActionRepository actions;
    private final AuditLog audit;
    private final WorkingDays workingDays;

    ImprovementActionTasks(ImprovementActionRepository actions, AuditLog audit, WorkingDays workingDays) {
        this.actions = actions;
        this.audit = audit;
        this.workingDays = workingDays;
    }

    @Override
    public void notify(DelegateTask task) {
        ImprovementAction action = actions.findById(((Number) task.getVariable(ACTION_ID)).longValue()).orElseThrow();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("improvementAction", action.getDescription());
            task.setVariableLocal("improvementDue", workingDays.ukDate(
                    workingDays.endOfWorkingDayOnOrAfter(action.getDueOn())));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object note = task.getExecution().getVariable(COMPLETION_NOTE);
            if (note == null || note.toString().isBlank()) {
                throw new org.camunda.bpm.engine.ProcessEngineException("Say what was done before closing the action");
            }
            String by = TaskAuthor.of(task);
            action.complete(by, note.toString().strip(), ClockUtil.getCurrentTime().toInstant());
            task.getExecution().removeVariable(COMPLETION_NOTE);
            audit.record(action.getComplaintId(), by, "IMPROVEMENT_ACTION_DONE", action.getDescription());
        }
    }
}
