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

/** A deadline the landlord missed: kept for the manager's review, the Ombudsman and the Regulator. */
@Entity
@Table(name = "complaint_breach")
public class Breach {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    private Complaint complaint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private DeadlineType deadline;

    @Enumerated(EnumType.STRING)
    @Column(length = 40)
    private Stage stage;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Breach() {
    }

    Breach(Complaint complaint, DeadlineType deadline, Stage stage, Instant dueAt, Instant recordedAt) {
        this.complaint = complaint;
        this.deadline = deadline;
        this.stage = stage;
        this.dueAt = dueAt;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public DeadlineType getDeadline() {
        return deadline;
    }

    public Stage getStage() {
        return stage;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
