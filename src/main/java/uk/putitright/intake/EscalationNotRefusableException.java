package uk.putitright.intake;

/** Staff asked to refuse an escalation the complaint is not open to: no Stage 1 response yet, or already past it. */
public class EscalationNotRefusableException extends RuntimeException {

    EscalationNotRefusableException(String reference, String why) {
        super("Complaint " + reference + " has no escalation to refuse: " + why);
    }
}
