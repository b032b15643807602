package uk.putitright.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/**
 * What the public complaint form at {@code /complaint} posts. Field rules are checked here with Bean Validation;
 * rules that depend on other fields (the preferred contact needs its detail, a representative needs a name)
 * are checked by {@link PublicComplaintPageController}. Messages are written for the customer to read.
 */
public class PublicComplaintPageForm {

    /** UK postcode, e.g. PE29 3QW (spaces optional). */
    static final String POSTCODE = "(?i)\\s*[A-Z]{1,2}[0-9][A-Z0-9]?\\s*[0-9][A-Z]{2}\\s*";

    /** CUSTOMER (the customer writes) or REPRESENTATIVE (someone writes on their behalf). */
    @NotBlank(message = "Tell us whether you are the customer or complaining on someone’s behalf")
    @Pattern(regexp = "CUSTOMER|REPRESENTATIVE", message = "Choose one of the options")
    @PlainText(value = Kind.LINE, subject = "The answer")
    private String who = "CUSTOMER";

    @NotBlank(message = "Enter the customer’s full name")
    @Size(max = 200, message = "The name must be 200 characters or fewer")
    @PlainText(value = Kind.NAME, subject = "The name")
    private String name;

    @Email(message = "Enter an email address in the right format, like name@example.com")
    @Size(max = 320, message = "The email address must be 320 characters or fewer")
    @PlainText(value = Kind.LINE, subject = "The email address")
    private String email;

    @Size(max = 40, message = "The phone number must be 40 characters or fewer")
    @Pattern(regexp = "[0-9+() -]*", message = "Enter a phone number using only numbers, spaces, +, ( and )")
    @PlainText(value = Kind.LINE, subject = "The phone number")
    private String phone;

    @Size(max = 450, message = "The address must be 450 characters or fewer")
    @PlainText(value = Kind.ADDRESS, subject = "The address")
    private String address;

    @Pattern(regexp = "(" + POSTCODE + ")?", message = "Enter a UK postcode, like PE29 3QW")
    @PlainText(value = Kind.LINE, subject = "The postcode")
    private String postcode;

    @NotBlank(message = "Choose how we should contact the customer")
    @Pattern(regexp = "EMAIL|POST|PHONE", message = "Choose email, post or phone")
    @PlainText(value = Kind.LINE, subject = "The answer")
    private String preferredContact;

    @Size(max = 200, message = "Your name must be 200 characters or fewer")
    @PlainText(value = Kind.NAME, subject = "Your name")
    private String representativeName;

    @Email(message = "Enter your email address in the right format, like name@example.com")
    @Size(max = 320, message = "Your email address must be 320 characters or fewer")
    @PlainText(value = Kind.LINE, subject = "Your email address")
    private String representativeEmail;

    @Size(max = 40, message = "Your phone number must be 40 characters or fewer")
    @Pattern(regexp = "[0-9+() -]*", message = "Enter your phone number using only numbers, spaces, +, ( and )")
    @PlainText(value = Kind.LINE, subject = "Your phone number")
    private String representativePhone;

    @NotBlank(message = "Tell us what your complaint is about")
    @Size(max = 4000, message = "The complaint must be 4000 characters or fewer")
    @PlainText(value = Kind.FREE_TEXT, subject = "The complaint")
    private String summary;

    @Size(max = 2000, message = "What you would like us to do must be 2000 characters or fewer")
    @PlainText(value = Kind.FREE_TEXT, subject = "What you would like us to do")
    private String desiredOutcome;

    boolean onBehalf() {
        return "REPRESENTATIVE".equals(who);
    }

    /** The address as stored: the lines, then the postcode in capitals, so the status page can find it. */
    String storedAddress() {
        String lines = IntakeText.strippedOrNull(address);
        String code = IntakeText.strippedOrNull(postcode);
        if (code != null) {
            code = normalisePostcode(code);
        }
        if (lines == null) {
            return code;
        }
        return code == null ? lines.strip() : lines.strip() + ", " + code;
    }

    /** "pe293qw" and "PE29  3QW" both become "PE29 3QW". */
    static String normalisePostcode(String value) {
        String compact = value.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
        return compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3)
                : compact;
    }


    public String getWho() {
        return who;
    }

    public void setWho(String who) {
        this.who = who;
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

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPostcode() {
        return postcode;
    }

    public void setPostcode(String postcode) {
        this.postcode = postcode;
    }

    public String getPreferredContact() {
        return preferredContact;
    }

    public void setPreferredContact(String preferredContact) {
        this.preferredContact = preferredContact;
    }

    public String getRepresentativeName() {
        return representativeName;
    }

    public void setRepresentativeName(String representativeName) {
        this.representativeName = representativeName;
    }

    public String getRepresentativeEmail() {
        return representativeEmail;
    }

    public void setRepresentativeEmail(String representativeEmail) {
        this.representativeEmail = representativeEmail;
    }

    public String getRepresentativePhone() {
        return representativePhone;
    }

    public void setRepresentativePhone(String representativePhone) {
        this.representativePhone = representativePhone;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getDesiredOutcome() {
        return desiredOutcome;
    }

    public void setDesiredOutcome(String desiredOutcome) {
        this.desiredOutcome = desiredOutcome;
    }
}
