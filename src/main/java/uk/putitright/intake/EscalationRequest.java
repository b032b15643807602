package uk.putitright.intake;

import jakarta.validation.constraints.Size;

/** Why the customer is unhappy and what they want, as Stage 2 asks (both optional). */
public record EscalationRequest(@Size(max = 2000) String reason, @Size(max = 2000) String desiredOutcome) {
}
