package uk.putitright.complaint;

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

/** More time taken to respond, with the reason the customer is told. */
@Entity
@Table(name = "complaint_extension")
public class Extension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Complaint complaint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Stage stage;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "previous_due_at", nullable = false)
    private Instant previousDueAt;

    @Column(name = "new_due_at", nullable = false)
    private Instant newDueAt;

    @Column(name = "granted_by", length = 100)
    private String grantedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Extension() {
    }

    Extension(Complaint complaint, Stage stage, String reason, Instant previousDueAt, Instant newDueAt,
              String grantedBy, Instant recordedAt) {
        this.complaint = complaint;
        this.stage = stage;
        this.reason = reason;
        this.previousDueAt = previousDueAt;
        this.newDueAt = newDueAt;
        this.grantedBy = grantedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Stage getStage() {
        return stage;
    }

    public String getReason() {
        return reason;
    }

    public Instant getPreviousDueAt() {
        return previousDueAt;
    }

    public Instant getNewDueAt() {
        return newDueAt;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
