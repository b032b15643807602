package uk.putitright.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import uk.putitright.text.PlainText;
import uk.putitright.text.TextRules.Kind;

/** The reference number and the email address or postcode the customer gave when they complained. */
public class CustomerStatusPageLookupForm {

    @NotBlank(message = "Enter your reference number, like CHG-2026-000042")
    @Size(max = 40, message = "Enter your reference number, like CHG-2026-000042")
    @PlainText(value = Kind.LINE, subject = "The reference number")
    private String reference;

    @NotBlank(message = "Enter the email address or postcode you gave us")
    @Size(max = 320, message = "Enter the email address or postcode you gave us")
    @PlainText(value = Kind.LINE, subject = "The email address or postcode")
    private String contact;

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }
}
