package uk.putitright.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a person did to a complaint outside Tasklist and Cockpit (whose actions the engine's user
 * operation log keeps): a customer's request through the API or the public pages, a letter marked as
 * posted, an improvement action closed, an erasure. Written once, never changed.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id")
    private Long complaintId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /** A staff user id, or "customer" for the public pages and the public API. */
    @Column(nullable = false, length = 100)
    private String actor;

    @Column(nullable = false, length = 60)
    private String action;

    @Column(length = 2000)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Long complaintId, Instant occurredAt, String actor, String action, String detail) {
        this.complaintId = complaintId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Long getComplaintId() {
        return complaintId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getDetail() {
        return detail;
    }
}
