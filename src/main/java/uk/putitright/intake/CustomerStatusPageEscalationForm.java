package uk.putitright.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/** A Stage 2 request from the status page: why the customer is unhappy and what they want (both needed). */
public class CustomerStatusPageEscalationForm {

    @NotBlank(message = "Tell us why you are unhappy with our Stage 1 reply")
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
