package uk.putitright.complaint;

/**
 * Every deadline the procedure sets. The process variable of each is a java.util.Date with the same name
 * as the {@link Deadlines} field, so timer expressions read e.g. {@code ${stage1ResponseBy}}.
 */
public enum DeadlineType {
    ACKNOWLEDGEMENT("acknowledgeBy"),
    INFORMAL_RESOLUTION("informalResolutionBy"),
    STAGE_1_RESPONSE("stage1ResponseBy"),
    STAGE_2_ACKNOWLEDGEMENT("stage2AcknowledgeBy"),
    STAGE_2_RESPONSE("stage2ResponseBy"),
    ESCALATION_WINDOW("escalationWindowEndsAt"),
    OMBUDSMAN_ELIGIBLE("ombudsmanEligibleFrom");

    private final String variable;

    DeadlineType(String variable) {
        this.variable = variable;
    }

    /** The process variable (and API field) holding this deadline. */
    public String variable() {
        return variable;
    }
}
