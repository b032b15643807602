package uk.putitright.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;

/**
 * The case handler decided they need more time ({@code extensionReason}, {@code extendedResponseBy}):
 * records the extension and moves the response deadline the extended task's timer reads. The new date
 * must be later than the current one and within the policy's maximum extension.
 */
@Component("recordExtension")
class RecordExtensionDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final WorkingDays workingDays;

    RecordExtensionDelegate(ComplaintRecords records, WorkingDays workingDays) {
        this.records = records;
        this.workingDays = workingDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String stage = ComplaintRecords.requiredInput(execution, "stage");
        DeadlineType deadline = switch (stage) {
            case "STAGE_1" -> DeadlineType.STAGE_1_RESPONSE;
            case "STAGE_2" -> DeadlineType.STAGE_2_RESPONSE;
            default -> throw new IllegalStateException("Extensions apply to STAGE_1 or STAGE_2, not " + stage);
        };
        Complaint complaint = records.of(execution);
        Object reason = execution.getVariable(ProcessNames.EXTENSION_REASON);
        if (reason == null || reason.toString().isBlank()) {
            throw new IllegalArgumentException("An extension needs a reason to give the customer");
        }
        Instant current = complaint.getDeadlines().get(deadline);
        Instant requested = endOfWorkingDay(execution.getVariable(ProcessNames.EXTENDED_RESPONSE_BY));
        int maxDays = ((Number) execution.getVariable(
                stage.equals("STAGE_1") ? "stage1ExtensionMaxWorkingDays" : "stage2ExtensionMaxWorkingDays")).intValue();
        if (!requested.isAfter(current)) {
            throw new IllegalArgumentException("The extended date must be after the current deadline " + current);
        }
        if (requested.isAfter(workingDays.add(current, maxDays))) {
            throw new IllegalArgumentException("The policy allows at most " + maxDays + " more working days");
        }
        complaint.recordExtension(deadline, reason.toString().strip(), requested, lastTaskAssignee(execution),
                ComplaintRecords.now());
        execution.setVariable(deadline.variable(), Date.from(requested));
    }

    /** Forms send a date as text ("2026-12-10"); the API and tests may send a Date. */
    private Instant endOfWorkingDay(Object value) {
        if (value instanceof Date date) {
            return workingDays.endOfWorkingDayOnOrAfter(
                    date.toInstant().atZone(workingDays.zone()).toLocalDate());
        }
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("An extension needs the new response date");
        }
        String text = value.toString().strip();
        try {
            LocalDate date = text.length() <= 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
            return workingDays.endOfWorkingDayOnOrAfter(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The new response date '" + text + "' is not an ISO date", e);
        }
    }

    /** The extension is the decision of whoever completed the task just before this step. */
    private static String lastTaskAssignee(DelegateExecution execution) {
        List<HistoricTaskInstance> last = execution.getProcessEngineServices().getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .finished()
                .orderByHistoricTaskInstanceEndTime().desc()
                .listPage(0, 1);
        return last.isEmpty() ? null : last.get(0).getAssignee();
    }
}
