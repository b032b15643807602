package uk.putitright.process;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names shared between the BPMN models and Java; keep them in step with processes/*.bpmn. */
public final class ProcessNames {

    public static final String COMPLAINT_PROCESS = "complaint";

    public static final String COMPLAINT_ID = "complaintId";
    /** The complaint reference again, for Tasklist columns and forms (the business key is not a variable). */
    public static final String REFERENCE = "reference";
    public static final String LANDLORD = "landlord";
    public static final String BUSINESS_LINE = "businessLine";
    public static final String HAS_REPRESENTATIVE = "hasRepresentative";
    public static final String CASE_HANDLER = "caseHandler";
    public static final String STAGE1_GROUP = "stage1Group";
    public static final String CONSENT_GIVEN = "consentGiven";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENDED_RESPONSE_BY = "extendedResponseBy";

    /**
     * The complaint-policy outputs the models route on (gateways, candidate groups), which the policy step
     * sets as process variables. The timescales and clock starts stay out of the process: the steps read
     * them from the complaint's policy row (policy.ComplaintPolicy), so they are not copied into every
     * stage and its history.
     */
    public static final List<String> ROUTING_POLICY = List.of("informalStage", STAGE1_GROUP, "stage2ReviewerGroup",
            "stage2SignOffRequired", "stage2SignOffGroup", "ombudsmanWaitWeeks");

    /**
     * The complaint-policy outputs that user tasks' due dates read ({@code ${workingDays.fromNow(icpReferralWorkingDays)}}),
     * set as process variables by the policy step beside {@link #ROUTING_POLICY}: these tasks have no deadline of
     * the complaint's own, so their timescale travels with the process (called processes get it through camunda:in).
     */
    public static final List<String> TASK_TIMESCALES = List.of("ombudsmanResponseWorkingDays",
            "designatedPersonResponseWorkingDays", "icpReferralWorkingDays", "icpOutcomeWorkingDays");
    /** The breach review's timescale, passed to the breach-review process it starts. */
    public static final String BREACH_REVIEW_WORKING_DAYS = "breachReviewWorkingDays";

    /** The complaint a step or task works on; null where there is none (a compliment, an unsubmitted start form). */
    public static Long complaintId(VariableScope scope) {
        return scope.getVariable(COMPLAINT_ID) instanceof Number id ? id.longValue() : null;
    }

    private ProcessNames() {
    }
}
