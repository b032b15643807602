package uk.putitright.letters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import uk.putitright.complaint.Complaint;

/** A letter written for a complaint. */
@Entity
@Table(name = "letter")
public class Letter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Complaint complaint;

    @Enumerated(EnumType.STRING)
    @Column(name = "letter_type", nullable = false, length = 40)
    private LetterType type;

    @Column(nullable = false, length = 200)
    private String recipient;

    @Column(nullable = false, length = 8000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The process step that wrote it; unique, so a re-run step cannot write it twice. */
    @Column(name = "step_key", nullable = false, unique = true, length = 200)
    private String stepKey;

    protected Letter() {
    }

    public Letter(Complaint complaint, LetterType type, String recipient, String body, Instant createdAt,
                  String stepKey) {
        this.complaint = complaint;
        this.type = type;
        this.recipient = recipient;
        this.body = body;
        this.createdAt = createdAt;
        this.stepKey = stepKey;
    }

    public Long getId() {
        return id;
    }

    public Complaint getComplaint() {
        return complaint;
    }

    public LetterType getType() {
        return type;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getStepKey() {
        return stepKey;
    }
}
