package uk.putitright.intake;

import jakarta.validation.constraints.Size;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/** Why the customer is unhappy and what they want, as Stage 2 asks (both optional). */
public record EscalationRequest(@Size(max = 2000) @PlainText(Kind.FREE_TEXT) String reason,
                                @Size(max = 2000) @PlainText(Kind.FREE_TEXT) String desiredOutcome) {
}
