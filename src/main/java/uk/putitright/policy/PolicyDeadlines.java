package uk.putitright.policy;

import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;

/**
 * A deadline from a policy row and the complaint's milestones, in working days. Which moment a clock starts
 * from is policy (stage1ClockStart, stage2ClockStart), so process owners change it in the DMN. The process
 * schedules its deadlines with this, and the policy-change preview recomputes last year's with a candidate row.
 */
@Component
public class PolicyDeadlines {

    /** The moments a complaint's clocks start from (null: not reached). */
    public record Milestones(Instant receivedAt, Instant acknowledgedAt, Instant stage1StartedAt,
                             Instant stage2RequestedAt, Instant stage2AcknowledgedAt, Instant finalResponseAt) {

        public static Milestones of(Complaint c) {
            return new Milestones(c.getReceivedAt(), c.getAcknowledgedAt(), c.getStage1StartedAt(),
                    c.getStage2RequestedAt(), c.getStage2AcknowledgedAt(), c.getFinalResponseAt());
        }
    }

    private final WorkingDays workingDays;

    PolicyDeadlines(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /**
     * @param now                  stands in for a milestone not reached yet (the deadline is set as it is reached)
     * @param lastResponseLetterAt when the put-it-right outcome or Stage 1 response was written (escalation window)
     */
    public Instant compute(Map<String, Object> policy, Milestones c, DeadlineType type, Instant now,
                           Supplier<Instant> lastResponseLetterAt) {
        return switch (type) {
            case ACKNOWLEDGEMENT -> workingDays.add(c.receivedAt(), days(policy, "acknowledgeWorkingDays"));
            case INFORMAL_RESOLUTION ->
                    workingDays.add(c.receivedAt(), days(policy, "informalStageWorkingDays"));
            case STAGE_1_RESPONSE -> workingDays.add(switch (clock(policy, "stage1ClockStart")) {
                case "RECEIVED" -> c.receivedAt();
                case "ACKNOWLEDGED" -> orNow(c.acknowledgedAt(), now);
                case "STAGE_STARTED" -> orNow(c.stage1StartedAt(), now);
                default -> throw unknownClock(policy, "stage1ClockStart");
            }, days(policy, "stage1ResponseWorkingDays"));
            case STAGE_2_ACKNOWLEDGEMENT -> workingDays.add(orNow(c.stage2RequestedAt(), now),
                    days(policy, "stage2AcknowledgeWorkingDays"));
            case STAGE_2_RESPONSE -> workingDays.add(switch (clock(policy, "stage2ClockStart")) {
                case "ESCALATION_REQUESTED" -> orNow(c.stage2RequestedAt(), now);
                case "ACKNOWLEDGED" -> orNow(c.stage2AcknowledgedAt(), now);
                default -> throw unknownClock(policy, "stage2ClockStart");
            }, days(policy, "stage2ResponseWorkingDays"));
            // from the response letter, so the date the letter promises is the date the timer uses
            case ESCALATION_WINDOW -> workingDays.add(orNow(lastResponseLetterAt.get(), now),
                    days(policy, "escalationWindowWorkingDays"));
            // calendar weeks after the final response in which the designated person and the ICP stay offered; the
            // Ombudsman is open to the tenant from the final response (no wait since the Scheme of 1 October 2022)
            case OMBUDSMAN_ELIGIBLE -> orNow(c.finalResponseAt(), now).atZone(workingDays.zone())
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
