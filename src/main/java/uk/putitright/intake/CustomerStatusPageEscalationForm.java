package uk.putitright.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/**
 * A Stage 2 request from the status page: what the customer wants (needed) and why they are unhappy (optional:
 * the Complaint Handling Code 6.12 says a resident must not be required to explain why they ask for Stage 2).
 */
public class CustomerStatusPageEscalationForm {

    @Size(max = 2000, message = "Why you are unhappy must be 2000 characters or fewer")
    @PlainText(value = Kind.FREE_TEXT, subject = "Why you are unhappy")
    private String reason;

    @NotBlank(message = "Tell us what you would like us to do")
    @Size(max = 2000, message = "What you would like us to do must be 2000 characters or fewer")
    @PlainText(value = Kind.FREE_TEXT, subject = "What you would like us to do")
    private String desiredOutcome;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDesiredOutcome() {
        return desiredOutcome;
    }

    public void setDesiredOutcome(String desiredOutcome) {
        this.desiredOutcome = desiredOutcome;
    }
}
