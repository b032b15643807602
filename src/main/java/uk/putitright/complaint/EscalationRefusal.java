package uk.putitright.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The landlord's decision not to take a complaint to Stage 2, with the reason the resident is told, who decided
 * and when. {@code lateRequest}: the resident asked after the escalation window had closed, and the refusal was
 * recorded when the request was answered; otherwise a member of staff refused.
 */
@Entity
@Table(name = "escalation_refusal")
public class EscalationRefusal {

    /** Who refused a request that came after the window: the procedure itself, not a person. */
    public static final String BY_PROCEDURE = "procedure";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false, updatable = false)
    private Long complaintId;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "refused_by", nullable = false, length = 100)
    private String refusedBy;

    @Column(name = "refused_at", nullable = false)
    private Instant refusedAt;

    @Column(name = "late_request", nullable = false)
    private boolean lateRequest;

    protected EscalationRefusal() {
    }

    public EscalationRefusal(Complaint complaint, String reason, String refusedBy, Instant refusedAt,
                             boolean lateRequest) {
        this.complaintId = complaint.getId();
        this.reason = reason;
        this.refusedBy = refusedBy;
        this.refusedAt = refusedAt;
        this.lateRequest = lateRequest;
    }

    public Long getId() {
        return id;
    }

    public Long getComplaintId() {
        return complaintId;
    }

    public String getReason() {
        return reason;
    }

    public String getRefusedBy() {
        return refusedBy;
    }

    public Instant getRefusedAt() {
        return refusedAt;
    }

    public boolean isLateRequest() {
        return lateRequest;
    }
}
