package uk.putitright.intake;

import uk.putitright.complaint.EscalationRefusal;
import uk.putitright.process.StepNotOpenException;

/** The answer to a Stage 2 request the landlord has refused (now, for a late request, or earlier). */
public class EscalationRefusedException extends StepNotOpenException {

    private final transient EscalationRefusal refusal;

    EscalationRefusedException(String reference, EscalationRefusal refusal) {
        super("Complaint " + reference + " will not go to Stage 2: " + (refusal.isLateRequest()
                ? "the request came after the escalation window closed" : "the landlord refused it")
                + "; the refusal letter explains why and offers the Ombudsman now");
        this.refusal = refusal;
    }

    public EscalationRefusal refusal() {
        return refusal;
    }
}
