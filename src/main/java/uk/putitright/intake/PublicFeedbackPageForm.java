package uk.putitright.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/**
 * What the public compliments and comments form at {@code /complaint/feedback} posts. Field rules are checked
 * here with Bean Validation; rules that depend on other fields (the preferred contact needs its detail, a
 * thank-you needs an email or an address) are checked by {@link PublicFeedbackPageController}. Messages are
 * written for the person to read.
 */
public class PublicFeedbackPageForm {

    /** COMPLIMENT or COMMENT. */
    @NotBlank(message = "Tell us whether this is a compliment or a comment")
    @Pattern(regexp = "COMPLIMENT|COMMENT", message = "Choose compliment or comment")
    @PlainText(value = Kind.LINE, subject = "The answer")
    private String kind;

    @NotBlank(message = "Enter your full name")
    @Size(max = 200, message = "Your name must be 200 characters or fewer")
    @PlainText(value = Kind.NAME, subject = "Your name")
    private String name;

    @Email(message = "Enter an email address in the right format, like name@example.com")
    @Size(max = 320, message = "The email address must be 320 characters or fewer")
    @PlainText(value = Kind.LINE, subject = "The email address")
    private String email;

    @Size(max = 500, message = "The address must be 500 characters or fewer")
    @PlainText(value = Kind.ADDRESS, subject = "The address")
    private String address;

    @NotBlank(message = "Choose how we should contact you")
    @Pattern(regexp = "EMAIL|POST|PHONE", message = "Choose email, post or phone")
    @PlainText(value = Kind.LINE, subject = "The answer")
    private String preferredContact;

    @Size(max = 200, message = "The staff member's name must be 200 characters or fewer")
    @PlainText(value = Kind.NAME, subject = "The staff member's name")
    private String staffMember;

    @Size(max = 64, message = "The team or service must be 64 characters or fewer")
    @PlainText(value = Kind.LINE, subject = "The team or service")
    private String team;

    @NotBlank(message = "Tell us your compliment or comment")
    @Size(max = 4000, message = "Your compliment or comment must be 4000 characters or fewer")
    @PlainText(value = Kind.FREE_TEXT, subject = "Your compliment or comment")
    private String text;

    boolean compliment() {
        return "COMPLIMENT".equals(kind);
    }

    /**
     * The team as the process names groups: "Repairs Team" becomes "repairs-team". A name that is not one of
     * our groups goes to the fallback group, as for the API.
     */
    String teamId() {
        String value = IntakeText.strippedOrNull(team);
        if (value == null) {
            return null;
        }
        String id = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (id.length() > 64) {
            id = id.substring(0, 64).replaceAll("-+$", "");
        }
        return id.isEmpty() ? null : id;
    }


    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPreferredContact() {
        return preferredContact;
    }

    public void setPreferredContact(String preferredContact) {
        this.preferredContact = preferredContact;
    }

    public String getStaffMember() {
        return staffMember;
    }

    public void setStaffMember(String staffMember) {
        this.staffMember = staffMember;
    }

    public String getTeam() {
        return team;
    }

    public void setTeam(String team) {
        this.team = team;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
