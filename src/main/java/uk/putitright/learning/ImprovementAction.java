package uk.putitright.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A service improvement a complaint led to: what, which team owns it, by when, and when it was done. */
@Entity
@Table(name = "improvement_action")
public class ImprovementAction {

    public enum Status { OPEN, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    @Column(nullable = false, length = 2000)
    private String description;

    /** A Camunda group, e.g. service-managers; its members see the action in Tasklist. */
    @Column(name = "owner_group", nullable = false, length = 64)
    private String ownerGroup;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.OPEN;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "completed_by", length = 100)
    private String completedBy;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completion_note", length = 2000)
    private String completionNote;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    protected ImprovementAction() {
    }

    public ImprovementAction(Long complaintId, String description, String ownerGroup, LocalDate dueOn,
                             String createdBy, Instant createdAt) {
        this.complaintId = complaintId;
        this.description = description;
        this.ownerGroup = ownerGroup;
        this.dueOn = dueOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Done once: a second completion (a retried job, a double click) changes nothing. */
    public void complete(String by, String note, Instant at) {
        if (status == Status.DONE) {
            return;
        }
        status = Status.DONE;
        completedBy = by;
        completionNote = note;
        completedAt = at;
    }

    public void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean isOverdue(LocalDate today) {
        return status == Status.OPEN && dueOn.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public Long getComplaintId() {
        return complaintId;
    }

    public String getDescription() {
        return description;
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Status getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getCompletionNote() {
        return completionNote;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
