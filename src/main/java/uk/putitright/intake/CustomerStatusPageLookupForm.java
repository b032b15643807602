package uk.putitright.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The reference number and the email address or postcode the customer gave when they complained. */
public class CustomerStatusPageLookupForm {

    @NotBlank(message = "Enter your reference number, like CHG-2026-000042")
    @Size(max = 40, message = "Enter your reference number, like CHG-2026-000042")
    private String reference;

    @NotBlank(message = "Enter the email address or postcode you gave us")
    @Size(max = 320, message = "Enter the email address or postcode you gave us")
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
