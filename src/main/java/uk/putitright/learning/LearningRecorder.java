package uk.putitright.learning;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.Outcome;
import uk.putitright.complaint.RootCause;
import uk.putitright.complaint.Stage;
import uk.putitright.process.FormVariables;
import uk.putitright.process.ProcessNames;
import uk.putitright.process.ResponseTasks;
import uk.putitright.security.TaskAuthor;

/**
 * Runs as a Stage 1 or Stage 2 response is completed: records on the complaint the outcome and the root
 * cause, and turns a service improvement the responder raised into an {@link ImprovementAction} with its own
 * process, so the owning team sees it in Tasklist until it is done. The improvement's text leaves the process.
 */
@Component
public class LearningRecorder implements TaskListener {

    static final String IMPROVEMENT_PROCESS = "improvement-action";

    private final ComplaintRepository complaints;
    private final ImprovementActionRepository actions;
    private final WorkingDays workingDays;

    LearningRecorder(ComplaintRepository complaints, ImprovementActionRepository actions, WorkingDays workingDays) {
        this.complaints = complaints;
        this.actions = actions;
        this.workingDays = workingDays;
    }

    @Override
    public void notify(DelegateTask task) {
        Stage stage = ResponseTasks.answeredStage(task).orElse(null);
        Long complaintId = ProcessNames.complaintId(task);
        if (stage == null || complaintId == null) {
            return;
        }
        DelegateExecution execution = task.getExecution();
        Complaint complaint = complaints.findById(complaintId).orElseThrow();
        String prefix = stage == Stage.STAGE_1 ? "stage1" : "stage2";
        complaint.recordDecision(stage, parse(Outcome.class, execution.getVariable(prefix + "Outcome")),
                parse(RootCause.class, execution.getVariable("rootCause")));
        if (Boolean.TRUE.equals(execution.getVariable("improvementNeeded"))) {
            raise(task, complaint, execution);
        }
        FormVariables.IMPROVEMENT.forEach(execution::removeVariable);
    }

    private void raise(DelegateTask task, Complaint complaint, DelegateExecution execution) {
        String description = text(execution.getVariable("improvementAction"));
        String owner = text(execution.getVariable("improvementOwner"));
        LocalDate due = date(execution.getVariable("improvementDueDate"));
        if (description == null || owner == null || due == null) {
            throw new ProcessEngineException("Describe the service improvement, choose the team that owns it and"
                    + " the date it is due by, or untick \"This complaint needs a service improvement\"");
        }
        if (!due.isAfter(ClockUtil.getCurrentTime().toInstant().atZone(workingDays.zone()).toLocalDate())) {
            throw new ProcessEngineException("The service improvement's due date must be in the future");
        }
        if (task.getProcessEngineServices().getIdentityService().createGroupQuery().groupId(owner).count() == 0) {
            throw new ProcessEngineException("No team called " + owner + " owns improvement actions");
        }
        ImprovementAction action = actions.save(new ImprovementAction(complaint.getId(), description, owner, due,
                TaskAuthor.of(task), ClockUtil.getCurrentTime().toInstant()));
        Map<String, Object> variables = Map.of(
                ProcessNames.COMPLAINT_ID, complaint.getId(),
                ProcessNames.REFERENCE, complaint.getReference(),
                ImprovementActionTasks.ACTION_ID, action.getId(),
                "ownerGroup", owner,
                "improvementDueAt", Date.from(workingDays.endOfWorkingDayOnOrAfter(due)));
        // the responder need not be allowed to start processes: raising the action is part of their response
        String processInstanceId = Context.getCommandContext().runWithoutAuthorization(() ->
                task.getProcessEngineServices().getRuntimeService()
                        .startProcessInstanceByKey(IMPROVEMENT_PROCESS, complaint.getReference(), variables).getId());
        action.linkProcess(processInstanceId);
    }

    /** Null for a missing or unknown value: the reports count and flag a response without one. */
    private static <E extends Enum<E>> E parse(Class<E> type, Object value) {
        String text = text(value);
        return text == null ? null : Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equals(text)).findFirst().orElse(null);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** form-js date fields send "2027-03-31"; Java API callers may send a Date. */
    private LocalDate date(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(workingDays.zone()).toLocalDate();
        }
        try {
            String text = text(value);
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
