package uk.putitright.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.feedback.FeedbackKind;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/**
 * A compliment or comment as the public form sends it. A compliment should name the person it is for
 * (seed 001: "so we can make sure they get the recognition they deserve"); {@code team} is their team or
 * the service, as a group id such as {@code service-managers}.
 */
public record NewFeedbackRequest(
        @NotNull FeedbackKind kind,
        @NotBlank @Size(max = 200) @PlainText(Kind.NAME) String name,
        @Email @Size(max = 320) @PlainText String email,
        @Size(max = 500) @PlainText(Kind.ADDRESS) String address,
        @NotNull ContactMethod preferredContact,
        @Size(max = 200) @PlainText(Kind.NAME) String staffMember,
        @Size(max = 64) @Pattern(regexp = "[a-z0-9-]*", message = "must be a team or service id such as repairs")
        @PlainText String team,
        @NotBlank @Size(max = 4000) @PlainText(Kind.FREE_TEXT) String text) {
}
