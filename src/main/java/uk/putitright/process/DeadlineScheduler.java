package uk.putitright.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterType;
import uk.putitright.policy.ComplaintPolicy;

/**
 * Computes a deadline from the complaint's policy row and milestones, and writes it both to the complaint
 * and to the process variable the timers read. Which moment a clock starts from is policy (stage1ClockStart,
 * stage2ClockStart), so process owners change it in the DMN.
 */
@Component
class DeadlineScheduler {

    private final WorkingDays workingDays;
    private final LetterRepository letters;
    private final ComplaintPolicy policies;

    DeadlineScheduler(WorkingDays workingDays, LetterRepository letters, ComplaintPolicy policies) {
        this.workingDays = workingDays;
        this.letters = letters;
        this.policies = policies;
    }

    Instant schedule(DelegateExecution execution, Complaint complaint, DeadlineType type) {
        Instant due = compute(policies.of(complaint), complaint, type);
        complaint.getDeadlines().set(type, due);
        execution.setVariable(type.variable(), Date.from(due));
        return due;
    }

    private Instant compute(Map<String, Object> policy, Complaint c, DeadlineType type) {
        Instant now = ComplaintRecords.now();
        return switch (type) {
            case ACKNOWLEDGEMENT -> workingDays.add(c.getReceivedAt(), days(policy, "acknowledgeWorkingDays"));
            case INFORMAL_RESOLUTION ->
                    workingDays.add(c.getReceivedAt(), days(policy, "informalStageWorkingDays"));
            case STAGE_1_RESPONSE -> workingDays.add(switch (clock(policy, "stage1ClockStart")) {
                case "RECEIVED" -> c.getReceivedAt();
                case "ACKNOWLEDGED" -> orNow(c.getAcknowledgedAt(), now);
                case "STAGE_STARTED" -> orNow(c.getStage1StartedAt(), now);
                default -> throw unknownClock(policy, "stage1ClockStart");
            }, days(policy, "stage1ResponseWorkingDays"));
            case STAGE_2_ACKNOWLEDGEMENT -> workingDays.add(orNow(c.getStage2RequestedAt(), now),
                    days(policy, "stage2AcknowledgeWorkingDays"));
            case STAGE_2_RESPONSE -> workingDays.add(switch (clock(policy, "stage2ClockStart")) {
                case "ESCALATION_REQUESTED" -> orNow(c.getStage2RequestedAt(), now);
                case "ACKNOWLEDGED" -> orNow(c.getStage2AcknowledgedAt(), now);
                default -> throw unknownClock(policy, "stage2ClockStart");
            }, days(policy, "stage2ResponseWorkingDays"));
            // from the response letter, so the date the letter promises is the date the timer uses
            case ESCALATION_WINDOW -> workingDays.add(orNow(letters.lastWrittenAt(c.getId(),
                            List.of(LetterType.PUT_IT_RIGHT_OUTCOME, LetterType.STAGE_1_RESPONSE)), now),
                    days(policy, "escalationWindowWorkingDays"));
            // calendar weeks after the final response in which the designated person and the ICP stay offered; the
            // Ombudsman is open to the tenant from the final response (no wait since the Scheme of 1 October 2022)
            case OMBUDSMAN_ELIGIBLE -> orNow(c.getFinalResponseAt(), now).atZone(workingDays.zone())
                    .plusWeeks(days(policy, "ombudsmanWaitWeeks")).toInstant();
        };
    }

    private static int days(Map<String, Object> policy, String output) {
        if (!(policy.get(output) instanceof Number number)) {
            throw new IllegalStateException("complaint-policy output '" + output + "' is missing");
        }
        return number.intValue();
    }

    private static String clock(Map<String, Object> policy, String output) {
        Object value = policy.get(output);
        return value == null ? "" : value.toString();
    }

    private static IllegalStateException unknownClock(Map<String, Object> policy, String output) {
        return new IllegalStateException("Unknown " + output + " '" + policy.get(output) + "'");
    }

    private static Instant orNow(Instant moment, Instant now) {
        return moment == null ? now : moment;
    }
}
