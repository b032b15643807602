package uk.putitright.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import uk.putitright.complaint.ContactMethod;

/**
 * A compliment or comment: who sent it and how to thank them, who it is about (the named staff member and
 * their team), what they said, and when it was passed on for recognition or logged for the service owner.
 */
@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Column(nullable = false, length = 40)
    private String landlord;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private FeedbackKind kind;

    @Column(name = "person_name", nullable = false, length = 200)
    private String personName;

    @Column(name = "person_email", length = 320)
    private String personEmail;

    @Column(name = "person_address", length = 500)
    private String personAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact", nullable = false, length = 20)
    private ContactMethod preferredContact;

    @Column(name = "staff_member", length = 200)
    private String staffMember;

    /** The staff member's team or the service area: a Camunda group id when it names one. */
    @Column(length = 64)
    private String team;

    @Column(name = "feedback_text", nullable = false, length = 4000)
    private String text;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "recognised_at")
    private Instant recognisedAt;

    @Column(name = "recognised_by", length = 100)
    private String recognisedBy;

    @Column(name = "logged_at")
    private Instant loggedAt;

    @Column(name = "logged_by", length = 100)
    private String loggedBy;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    protected Feedback() {
    }

    public Feedback(String landlord, FeedbackKind kind, String personName, String personEmail, String personAddress,
                    ContactMethod preferredContact, String staffMember, String team, String text,
                    Instant receivedAt) {
        this.landlord = landlord;
        this.kind = kind;
        this.personName = personName;
        this.personEmail = personEmail;
        this.personAddress = personAddress;
        this.preferredContact = preferredContact;
        this.staffMember = staffMember;
        this.team = team;
        this.text = text;
        this.receivedAt = receivedAt;
    }

    void reference(String reference) {
        this.reference = reference;
    }

    void processInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The compliment has been passed on to the staff member's team; the first time counts. */
    void markRecognised(Instant at, String by) {
        if (recognisedAt == null) {
            recognisedAt = at;
            recognisedBy = by;
        }
    }

    /** The comment has been logged for the service owner; the first time counts. */
    void markLogged(Instant at, String by) {
        if (loggedAt == null) {
            loggedAt = at;
            loggedBy = by;
        }
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getLandlord() {
        return landlord;
    }

    public FeedbackKind getKind() {
        return kind;
    }

    public String getPersonName() {
        return personName;
    }

    public String getPersonEmail() {
        return personEmail;
    }

    public String getPersonAddress() {
        return personAddress;
    }

    public ContactMethod getPreferredContact() {
        return preferredContact;
    }

    public String getStaffMember() {
        return staffMember;
    }

    public String getTeam() {
        return team;
    }

    public String getText() {
        return text;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Instant getRecognisedAt() {
        return recognisedAt;
    }

    public String getRecognisedBy() {
        return recognisedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
