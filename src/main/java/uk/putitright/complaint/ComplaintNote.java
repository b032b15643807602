package uk.putitright.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Text a member of staff wrote in a task form, e.g. the Stage 1 findings. */
@Entity
@Table(name = "complaint_note")
public class ComplaintNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false)
    private Long complaintId;

    @Column(nullable = false, length = 60)
    private String field;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(name = "task_key", length = 100)
    private String taskKey;

    @Column(length = 100)
    private String author;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ComplaintNote() {
    }

    public ComplaintNote(Long complaintId, String field, String body, String taskKey, String author,
                         Instant recordedAt) {
        this.complaintId = complaintId;
        this.field = field;
        this.body = body;
        this.taskKey = taskKey;
        this.author = author;
        this.recordedAt = recordedAt;
    }

    /** GDPR erasure: who wrote which field when stays; what they wrote about the customer goes. */
    public void erase() {
        body = Complaint.ERASED;
    }

    public Long getComplaintId() {
        return complaintId;
    }

    public String getField() {
        return field;
    }

    public String getBody() {
        return body;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
