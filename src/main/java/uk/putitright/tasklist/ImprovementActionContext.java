package uk.putitright.tasklist;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.learning.ImprovementAction;
import uk.putitright.learning.ImprovementActionRepository;
import uk.putitright.learning.ImprovementActionTasks;

/** What the "Complete the improvement action" form shows: the action and its due date, from our table. */
@Component
class ImprovementActionContext implements TaskFormContext {

    private final ImprovementActionRepository actions;
    private final WorkingDays workingDays;

    ImprovementActionContext(ImprovementActionRepository actions, WorkingDays workingDays) {
        this.actions = actions;
        this.workingDays = workingDays;
    }

    @Override
    public Map<String, Object> of(DelegateTask task) {
        if (!(task.getVariable(ImprovementActionTasks.ACTION_ID) instanceof Number id)) {
            return Map.of();
        }
        ImprovementAction action = actions.findById(id.longValue()).orElseThrow();
        return Map.of("improvementAction", action.getDescription(),
                "improvementDue", workingDays.ukDate(workingDays.endOfWorkingDayOnOrAfter(action.getDueOn())));
    }
}
