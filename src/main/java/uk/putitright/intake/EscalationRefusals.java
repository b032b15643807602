package uk.putitright.intake;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.EscalationRefusal;
import uk.putitright.complaint.EscalationRefusalRepository;
import uk.putitright.letters.LetterType;
import uk.putitright.letters.LetterWriter;
import uk.putitright.security.SystemRights;

/**
 * Refusals to take a complaint to Stage 2 (Code 5.11: only for a valid reason, set out to the resident; 2.4: with
 * the right to take the decision to the Ombudsman). A refusal is recorded in our own table (the engine holds
 * nothing of it) and the refusal letter goes out through the letters outbox, once per complaint: the step key
 * is the complaint's, and a complaint has at most one refusal. Two ways in: a complaints officer refuses
 * (API), or the resident asks after the escalation window has closed and the answer is recorded as a refusal by
 * the procedure.
 */
@Service
public class EscalationRefusals {

    /** A refusal and whether this call recorded it (false: it was there already, and no letter went again). */
    public record Outcome(EscalationRefusal refusal, boolean recordedNow) {
    }

    private final ComplaintRegister register;
    private final EscalationRefusalRepository refusals;
    private final LetterWriter letters;
    private final WorkingDays workingDays;
    private final SystemRights systemRights;

    EscalationRefusals(ComplaintRegister register, EscalationRefusalRepository refusals, LetterWriter letters,
                       WorkingDays workingDays, SystemRights systemRights) {
        this.systemRights = systemRights;
        this.register = register;
        this.refusals = refusals;
        this.letters = letters;
        this.workingDays = workingDays;
    }

    /** A member of staff refuses, with the reason the resident is told. A second call returns the first refusal. */
    @Transactional
    public Outcome refuse(String reference, String reason) {
        Complaint complaint = register.find(reference);
        Optional<EscalationRefusal> existing = refusals.findByComplaintId(complaint.getId());
        if (existing.isPresent()) {
            return new Outcome(existing.get(), false);
        }
        String notRefusable = whyNotRefusable(complaint);
        if (notRefusable != null) {
            throw new EscalationNotRefusableException(reference, notRefusable);
        }
        return new Outcome(record(complaint, reason.strip(), staffMember(), false), true);
    }

    @Transactional(readOnly = true)
    public Optional<EscalationRefusal> of(Complaint complaint) {
        return complaint.getId() == null ? Optional.empty() : refusals.findByComplaintId(complaint.getId());
    }

    /**
     * What a Stage 2 request meets before it reaches the process: an earlier refusal, or, when the request comes
     * after the escalation window, a refusal recorded now (with its letter). Empty: pass the request on.
     */
    Optional<EscalationRefusal> answerToRequest(Complaint complaint) {
        Optional<EscalationRefusal> existing = of(complaint);
        if (existing.isPresent()) {
            return existing;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant windowEnd = complaint.getDeadlines().get(DeadlineType.ESCALATION_WINDOW);
        if (whyNotRefusable(complaint) != null || windowEnd == null || !now.isAfter(windowEnd)) {
            return Optional.empty();
        }
        return Optional.of(record(complaint, "The request for a Stage 2 review came on " + workingDays.ukDate(now)
                + ", after the escalation window closed on " + workingDays.ukDate(windowEnd) + ".",
                EscalationRefusal.BY_PROCEDURE, true));
    }

    /** Null when a Stage 2 request is something to refuse: Stage 1 answered, no Stage 2, not withdrawn. */
    private static String whyNotRefusable(Complaint complaint) {
        if (complaint.getStatus() == ComplaintStatus.WITHDRAWN) {
            return "it is withdrawn";
        }
        if (complaint.getStage2RequestedAt() != null || complaint.getFinalResponseAt() != null) {
            return "it has gone to Stage 2 already";
        }
        if (complaint.getStage1RespondedAt() == null) {
            return "it has no Stage 1 response yet";
        }
        return null;
    }

    private EscalationRefusal record(Complaint complaint, String reason, String by, boolean lateRequest) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        EscalationRefusal refusal = refusals.saveAndFlush(new EscalationRefusal(complaint, reason, by, now,
                lateRequest));
        // as a process step writes letters: the policy and the delivery process are the application's, not the caller's
        systemRights.run(() -> letters.write(complaint, LetterType.ESCALATION_REFUSAL,
                "escalation-refusal:" + complaint.getReference(), now));
        return refusal;
    }

    private static String staffMember() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || caller.getName() == null ? EscalationRefusal.BY_PROCEDURE : caller.getName();
    }
}
