package uk.putitright.intake;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/** A complaint as staff or the public form send it. */
public record NewComplaintRequest(
        @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a landlord id such as chorus-homes")
        @PlainText String landlord,
        @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a business line id such as care-plus")
        @PlainText String businessLine,
        @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a service area id such as repairs")
        @PlainText String serviceArea,
        @NotNull Channel channel,
        @Schema(description = "Staff only: when a letter or call logged later arrived (at most max-backdating ago,"
                + " not before earliest-received-on). Sent by anyone else it is a 400; left out, the complaint is"
                + " received now.")
        @PastOrPresent OffsetDateTime receivedAt,
        @NotNull @Valid Customer customer,
        @Valid Representative representative,
        @NotBlank @Size(max = 4000) @PlainText(Kind.FREE_TEXT) String summary,
        @Size(max = 2000) @PlainText(Kind.FREE_TEXT) String desiredOutcome) {

    public record Customer(
            @NotBlank @Size(max = 200) @PlainText(Kind.NAME) String name,
            @Email @Size(max = 320) @PlainText String email,
            @Size(max = 40) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number") @PlainText String phone,
            @Size(max = 500) @PlainText(Kind.ADDRESS) String address,
            @NotNull ContactMethod preferredContact) {
    }

    /** Someone complaining on the customer's behalf; the customer's consent is checked before anything is shared. */
    public record Representative(
            @NotBlank @Size(max = 200) @PlainText(Kind.NAME) String name,
            @Email @Size(max = 320) @PlainText String email,
            @Size(max = 40) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number") @PlainText String phone,
            @Size(max = 500) @PlainText(Kind.ADDRESS) String address) {
    }
}
