package uk.putitright.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A person's contact details; used for the customer and for a representative. */
@Embeddable
public class ContactDetails {

    @Column(length = 200)
    private String name;

    @Column(length = 320)
    private String email;

    @Column(length = 40)
    private String phone;

    @Column(length = 500)
    private String address;

    protected ContactDetails() {
    }

    public ContactDetails(String name, String email, String phone, String address) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getAddress() {
        return address;
    }
}
