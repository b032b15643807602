package uk.putitright.letters;

import java.util.ArrayList;
import java.util.List;

/**
 * The ombudsmen a customer may be signposted to, keyed by the {@code ombudsman} output of the
 * complaint-policy DMN, with the contact details the landlords publish (seeds 001 and 004; the New Homes
 * Ombudsman Service's public details, as the County Town Homes procedure publishes none).
 */
public enum OmbudsmanDirectory {

    HOUSING_OMBUDSMAN("Housing Ombudsman Service", "the Housing Ombudsman",
            List.of("Housing Ombudsman Service", "PO Box 152", "Liverpool", "L33 7WQ"),
            "0300 111 3000", "info@housing-ombudsman.org.uk", "www.housing-ombudsman.org.uk",
            "www.housing-ombudsman.org.uk/residents/make-a-complaint/",
            "The Housing Ombudsman Service is set up by law to look at complaints about housing organisations"
                    + " that are registered with it. Its service is free, independent and impartial."),

    LGSCO("Local Government and Social Care Ombudsman", "the Local Government and Social Care Ombudsman",
            List.of("Local Government and Social Care Ombudsman", "PO Box 4771", "Coventry", "CV4 0EH"),
            "0300 061 0614", null, "www.lgo.org.uk", "www.lgo.org.uk/how-to-complain",
            "The Local Government and Social Care Ombudsman looks at complaints about the care people receive."
                    + " Its service is free, independent and impartial."),

    NEW_HOMES_OMBUDSMAN("New Homes Ombudsman Service", "the New Homes Ombudsman Service",
            List.of(), null, null, "www.nhos.org.uk", "www.nhos.org.uk",
            "The New Homes Ombudsman Service looks at complaints about new homes from developers registered"
                    + " with it. Its service is free and independent.");

    private final String name;
    private final String inSentence;
    private final List<String> postalAddress;
    private final String phone;
    private final String email;
    private final String website;
    private final String onlineForm;
    private final String description;

    OmbudsmanDirectory(String name, String inSentence, List<String> postalAddress, String phone, String email,
                       String website, String onlineForm, String description) {
        this.name = name;
        this.inSentence = inSentence;
        this.postalAddress = postalAddress;
        this.phone = phone;
        this.email = email;
        this.website = website;
        this.onlineForm = onlineForm;
        this.description = description;
    }

    /** The ombudsman the policy names, e.g. "LGSCO"; the Housing Ombudsman when it names none. */
    public static OmbudsmanDirectory forPolicy(Object ombudsman) {
        if (ombudsman == null || ombudsman.toString().isBlank()) {
            return HOUSING_OMBUDSMAN;
        }
        return valueOf(ombudsman.toString().strip());
    }

    public String getName() {
        return name;
    }

    /** How a sentence names it, e.g. "the Housing Ombudsman". */
    public String getInSentence() {
        return inSentence;
    }

    public List<String> getPostalAddress() {
        return postalAddress;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getWebsite() {
        return website;
    }

    public String getOnlineForm() {
        return onlineForm;
    }

    public String getDescription() {
        return description;
    }

    /** Each way to reach it, one a line, e.g. "Phone: 0300 111 3000". */
    public List<String> getContactLines() {
        List<String> lines = new ArrayList<>();
        if (!postalAddress.isEmpty()) {
            lines.add("Write to: " + String.join(", ", postalAddress));
        }
        if (phone != null) {
            lines.add("Phone: " + phone);
        }
        if (email != null) {
            lines.add("Email: " + email);
        }
        if (onlineForm != null && !onlineForm.equals(website)) {
            lines.add("Online form: " + onlineForm);
        }
        if (website != null) {
            lines.add("Website: " + website);
        }
        return lines;
    }
}
