package uk.putitright.audit;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import uk.putitright.complaint.Breach;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;

/**
 * Whether the landlord met one deadline of a complaint: MET (done by the due time), MISSED (done late, not done
 * and past due, or a breach was recorded for it), OPEN (not due yet and not done) or NOT_REACHED (the complaint
 * closed before it fell due, e.g. withdrawn, and the step was never needed).
 *
 * <p>"Answered within the Code's timescale" is {@link #withinTimescale()}. Only the landlord's own deadlines
 * ({@link #LANDLORD_DEADLINES}) get a verdict; the escalation window and the Ombudsman date are the customer's.
 */
public record DeadlineVerdict(DeadlineType deadline, Instant dueAt, Instant doneAt, Verdict verdict) {

    public enum Verdict { MET, MISSED, OPEN, NOT_REACHED }

    public static final Set<DeadlineType> LANDLORD_DEADLINES = EnumSet.of(DeadlineType.ACKNOWLEDGEMENT,
            DeadlineType.INFORMAL_RESOLUTION, DeadlineType.STAGE_1_RESPONSE, DeadlineType.STAGE_2_ACKNOWLEDGEMENT,
            DeadlineType.STAGE_2_RESPONSE);

    private static final Map<DeadlineType, String> LABELS = Map.of(
            DeadlineType.ACKNOWLEDGEMENT, "Acknowledgement",
            DeadlineType.INFORMAL_RESOLUTION, "Informal stage (put it right)",
            DeadlineType.STAGE_1_RESPONSE, "Stage 1 response",
            DeadlineType.STAGE_2_ACKNOWLEDGEMENT, "Stage 2 acknowledgement",
            DeadlineType.STAGE_2_RESPONSE, "Stage 2 final response",
            DeadlineType.ESCALATION_WINDOW, "Customer may ask for the next stage until",
            DeadlineType.OMBUDSMAN_ELIGIBLE, "Optional routes (designated person, ICP) offered until");

    public boolean withinTimescale() {
        return verdict == Verdict.MET;
    }

    public static boolean isLandlordDeadline(DeadlineType type) {
        return LANDLORD_DEADLINES.contains(type);
    }

    /** A name staff and auditors understand, e.g. "Stage 1 response". */
    public static String label(DeadlineType type) {
        return LABELS.get(type);
    }

    /**
     * When the complaint record says the deadline's step was done; null when not done, and always for the
     * informal stage, whose end is only in the process history.
     */
    public static Instant milestone(Complaint complaint, DeadlineType type) {
        return complaint.doneAt(type);
    }

    /**
     * The verdict from the complaint record alone (call within a transaction: breaches load lazily). Without
     * the process history the informal stage counts as met once the complaint moved on without a breach,
     * because the process records a breach whenever that stage runs out of time.
     */
    public static DeadlineVerdict of(Complaint complaint, DeadlineType type, Instant now) {
        if (type == DeadlineType.INFORMAL_RESOLUTION && !breached(complaint, type)
                && (complaint.getStage1StartedAt() != null || complaint.getClosedAt() != null)
                && complaint.getDeadlines().get(type) != null) {
            return new DeadlineVerdict(type, complaint.getDeadlines().get(type), null, Verdict.MET);
        }
        return of(complaint, type, milestone(complaint, type), now);
    }

    /** The verdict when the caller knows when the step was done (e.g. from the process history). */
    public static DeadlineVerdict of(Complaint complaint, DeadlineType type, Instant doneAt, Instant now) {
        return judge(type, complaint.getDeadlines().get(type), doneAt, breached(complaint, type),
                complaint.getClosedAt(), now);
    }

    /** The rule itself. A null due time (never scheduled) gives OPEN if still possible, else NOT_REACHED. */
    public static DeadlineVerdict judge(DeadlineType type, Instant dueAt, Instant doneAt, boolean breached,
                                        Instant closedAt, Instant now) {
        Verdict verdict;
        if (breached) {
            verdict = Verdict.MISSED;
        } else if (doneAt != null) {
            verdict = dueAt == null || !doneAt.isAfter(dueAt) ? Verdict.MET : Verdict.MISSED;
        } else if (closedAt != null && (dueAt == null || !closedAt.isAfter(dueAt))) {
            verdict = Verdict.NOT_REACHED;
        } else if (dueAt == null || now.isBefore(dueAt)) {
            verdict = Verdict.OPEN;
        } else {
            verdict = Verdict.MISSED;
        }
        return new DeadlineVerdict(type, dueAt, doneAt, verdict);
    }

    private static boolean breached(Complaint complaint, DeadlineType type) {
        return complaint.getBreaches().stream().map(Breach::getDeadline).anyMatch(type::equals);
    }
}
