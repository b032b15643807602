package uk.putitright.learning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The customer's rating of how their complaint was handled (1 very dissatisfied .. 5 very satisfied). */
@Entity
@Table(name = "survey_response")
public class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "complaint_id", nullable = false, unique = true)
    private Long complaintId;

    @Column(nullable = false)
    private short rating;

    @Column(name = "recorded_by", length = 100)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SurveyResponse() {
    }

    public SurveyResponse(Long complaintId, int rating, String recordedBy, Instant recordedAt) {
        this.complaintId = complaintId;
        this.rating = (short) rating;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getComplaintId() {
        return complaintId;
    }

    public int getRating() {
        return rating;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
