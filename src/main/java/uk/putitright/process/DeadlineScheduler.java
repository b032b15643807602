package uk.putitright.process;

import java.time.Instant;
import java.util.Optional;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.letters.Letter;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterType;

/**
 * Computes a deadline from the policy variables and the complaint's milestones, and writes it both to the
 * complaint and to the process variable the timers read. Which moment a clock starts from is policy
 * (stage1ClockStart, stage2ClockStart), so process owners change it in the DMN.
 */
@Component
class DeadlineScheduler {

    private final WorkingDays workingDays;
    private final LetterRepository letters;

    DeadlineScheduler(WorkingDays workingDays, LetterRepository letters) {
        this.workingDays = workingDays;
        this.letters = letters;
    }

    /** When the latest response the customer may answer (put-it-right outcome or Stage 1 response) was written. */
    private Optional<Instant> lastResponseLetter(Complaint c) {
        return letters.findByComplaintIdOrderByCreatedAtAscIdAsc(c.getId()).stream()
                .filter(letter -> letter.getType() == LetterType.PUT_IT_RIGHT_OUTCOME
                        || letter.getType() == LetterType.STAGE_1_RESPONSE)
                .map(Letter::getCreatedAt)
                .reduce((first, second) -> second);
    }

    Instant schedule(DelegateExecution execution, Complaint complaint, DeadlineType type) {
        Instant due = compute(execution, complaint, type);
        complaint.getDeadlines().set(type, due);
        execution.setVariable(type.variable(), Date.from(due));
        return due;
    }

    private Instant compute(DelegateExecution execution, Complaint c, DeadlineType type) {
        Instant now = ComplaintRecords.now();
        return switch (type) {
            case ACKNOWLEDGEMENT -> workingDays.add(c.getReceivedAt(), days(execution, "acknowledgeWorkingDays"));
            case INFORMAL_RESOLUTION ->
                    workingDays.add(c.getReceivedAt(), days(execution, "informalStageWorkingDays"));
            case STAGE_1_RESPONSE -> workingDays.add(switch (policy(execution, "stage1ClockStart")) {
                case "RECEIVED" -> c.getReceivedAt();
                case "ACKNOWLEDGED" -> orNow(c.getAcknowledgedAt(), now);
                case "STAGE_STARTED" -> orNow(c.getStage1StartedAt(), now);
                default -> throw unknownClock(execution, "stage1ClockStart");
            }, days(execution, "stage1ResponseWorkingDays"));
            case STAGE_2_ACKNOWLEDGEMENT -> workingDays.add(orNow(c.getStage2RequestedAt(), now),
                    days(execution, "stage2AcknowledgeWorkingDays"));
            case STAGE_2_RESPONSE -> workingDays.add(switch (policy(execution, "stage2ClockStart")) {
                case "ESCALATION_REQUESTED" -> orNow(c.getStage2RequestedAt(), now);
                case "ACKNOWLEDGED" -> orNow(c.getStage2AcknowledgedAt(), now);
                default -> throw unknownClock(execution, "stage2ClockStart");
            }, days(execution, "stage2ResponseWorkingDays"));
            // from the response letter, so the date the letter promises is the date the timer uses
            case ESCALATION_WINDOW -> workingDays.add(lastResponseLetter(c).orElse(now),
                    days(execution, "escalationWindowWorkingDays"));
            // "eight weeks after we have given you our final response": calendar weeks, not working days
            case OMBUDSMAN_ELIGIBLE -> orNow(c.getFinalResponseAt(), now).atZone(workingDays.zone())
                    .plusWeeks(days(execution, "ombudsmanWaitWeeks")).toInstant();
        };
    }

    private static int days(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Policy variable '" + variable + "' is missing; was the policy determined?");
        }
        return number.intValue();
    }

    private static String policy(DelegateExecution execution, String variable) {
        Object value = execution.getVariable(variable);
        return value == null ? "" : value.toString();
    }

    private static IllegalStateException unknownClock(DelegateExecution execution, String variable) {
        return new IllegalStateException("Unknown " + variable + " '" + execution.getVariable(variable) + "'");
    }

    private static Instant orNow(Instant moment, Instant now) {
        return moment == null ? now : moment;
    }
}
