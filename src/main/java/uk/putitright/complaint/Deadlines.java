package uk.putitright.complaint;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The deadlines of one complaint, as the process really uses them (extensions included). */
@Embeddable
public class Deadlines {

    @Column(name = "acknowledge_by")
    private Instant acknowledgeBy;
    @Column(name = "informal_resolution_by")
    private Instant informalResolutionBy;
    @Column(name = "stage1_response_by")
    private Instant stage1ResponseBy;
    @Column(name = "stage2_acknowledge_by")
    private Instant stage2AcknowledgeBy;
    @Column(name = "stage2_response_by")
    private Instant stage2ResponseBy;
    @Column(name = "escalation_window_ends_at")
    private Instant escalationWindowEndsAt;
    @Column(name = "ombudsman_eligible_from")
    private Instant ombudsmanEligibleFrom;

    public Instant get(DeadlineType type) {
        return switch (type) {
            case ACKNOWLEDGEMENT -> acknowledgeBy;
            case INFORMAL_RESOLUTION -> informalResolutionBy;
            case STAGE_1_RESPONSE -> stage1ResponseBy;
            case STAGE_2_ACKNOWLEDGEMENT -> stage2AcknowledgeBy;
            case STAGE_2_RESPONSE -> stage2ResponseBy;
            case ESCALATION_WINDOW -> escalationWindowEndsAt;
            case OMBUDSMAN_ELIGIBLE -> ombudsmanEligibleFrom;
        };
    }

    public void set(DeadlineType type, Instant value) {
        switch (type) {
            case ACKNOWLEDGEMENT -> acknowledgeBy = value;
            case INFORMAL_RESOLUTION -> informalResolutionBy = value;
            case STAGE_1_RESPONSE -> stage1ResponseBy = value;
            case STAGE_2_ACKNOWLEDGEMENT -> stage2AcknowledgeBy = value;
            case STAGE_2_RESPONSE -> stage2ResponseBy = value;
            case ESCALATION_WINDOW -> escalationWindowEndsAt = value;
            case OMBUDSMAN_ELIGIBLE -> ombudsmanEligibleFrom = value;
        }
    }
}
