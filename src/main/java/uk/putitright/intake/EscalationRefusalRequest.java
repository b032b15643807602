package uk.putitright.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/** Why the landlord will not take the complaint to Stage 2, as the refusal letter tells the resident. */
public record EscalationRefusalRequest(@NotBlank @Size(max = 2000) @PlainText(Kind.FREE_TEXT) String reason) {
}
