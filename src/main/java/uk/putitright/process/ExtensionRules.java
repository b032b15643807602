package uk.putitright.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.policy.ComplaintPolicy;

/**
 * What an extension must be: a reason for the customer, and a new date after the current deadline and
 * within the policy's maximum (stage1ExtensionMaxWorkingDays / stage2ExtensionMaxWorkingDays). Checked when
 * the worker completes the task (so Tasklist shows the problem at once) and again when it is recorded.
 */
@Component
public class ExtensionRules {

    private final WorkingDays workingDays;
    private final ComplaintPolicy policies;

    ExtensionRules(WorkingDays workingDays, ComplaintPolicy policies) {
        this.workingDays = workingDays;
        this.policies = policies;
    }

    /** @return the new deadline, the end of the working day on (or after) the requested date */
    public Instant check(VariableScope scope, Complaint complaint, DeadlineType deadline) {
        Object reason = scope.getVariable(ProcessNames.EXTENSION_REASON);
        if (reason == null || reason.toString().isBlank()) {
            throw new IllegalArgumentException("An extension needs a reason to give the customer");
        }
        Instant current = complaint.getDeadlines().get(deadline);
        Instant requested = endOfWorkingDay(scope.getVariable(ProcessNames.EXTENDED_RESPONSE_BY));
        String maxOutput = deadline == DeadlineType.STAGE_1_RESPONSE
                ? "stage1ExtensionMaxWorkingDays" : "stage2ExtensionMaxWorkingDays";
        int maxDays = ((Number) policies.of(complaint).get(maxOutput)).intValue();
        if (!requested.isAfter(current)) {
            throw new IllegalArgumentException("The extended date must be after the current deadline, "
                    + workingDays.ukDate(current));
        }
        Instant latest = workingDays.add(current, maxDays);
        if (requested.isAfter(latest)) {
            throw new IllegalArgumentException("The policy allows at most " + maxDays
                    + " more working days, so the latest date is " + workingDays.ukDate(latest));
        }
        return requested;
    }

    /** Forms send a date as text ("2026-12-10"); the API and tests may send a Date. */
    private Instant endOfWorkingDay(Object value) {
        if (value instanceof Date date) {
            return workingDays.endOfWorkingDayOnOrAfter(date.toInstant().atZone(workingDays.zone()).toLocalDate());
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
}
