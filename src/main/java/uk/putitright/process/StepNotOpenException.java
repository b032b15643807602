package uk.putitright.process;

/** The customer asked for something the complaint is not waiting for now (e.g. Stage 2 while at Stage 1). */
public class StepNotOpenException extends RuntimeException {

    public StepNotOpenException(String reference, CustomerMessage message) {
        super("Complaint " + reference + " cannot take '" + message.messageName() + "' at its current step");
    }

    /** A more specific answer, e.g. a refused escalation. */
    protected StepNotOpenException(String message) {
        super(message);
    }
}
