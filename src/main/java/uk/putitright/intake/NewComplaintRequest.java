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

/** A complaint as staff or the public form send it. */
public record NewComplaintRequest(
        @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a landlord id such as chorus-homes")
        String landlord,
        @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a business line id such as care-plus")
        String businessLine,
        @Size(max = 40) @Pattern(regexp = "[a-z0-9-]*", message = "must be a service area id such as repairs")
        String serviceArea,
        @NotNull Channel channel,
        @Schema(description = "Staff only: when a letter or call logged later arrived (at most max-backdating ago,"
                + " not before earliest-received-on). Sent by anyone else it is a 400; left out, the complaint is"
                + " received now.")
        @PastOrPresent OffsetDateTime receivedAt,
        @NotNull @Valid Customer customer,
        @Valid Representative representative,
        @NotBlank @Size(max = 4000) String summary,
        @Size(max = 2000) String desiredOutcome) {

    public record Customer(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number") String phone,
            @Size(max = 500) String address,
            @NotNull ContactMethod preferredContact) {
    }

    /** Someone complaining on the customer's behalf; the customer's consent is checked before anything is shared. */
    public record Representative(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 320) String email,
            @Size(max = 40) @Pattern(regexp = "[0-9+() -]*", message = "must be a phone number") String phone,
            @Size(max = 500) String address) {
    }
}
