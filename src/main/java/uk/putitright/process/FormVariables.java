package uk.putitright.process;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.putitright.feedback.FeedbackTaskListener;

/**
 * The variable names Tasklist forms read and write that carry personal data or free text. They never stay
 * in the engine: case context is read from our tables when a form opens (tasklist.CaseContext), free text is
 * moved to our complaint_note table when a task completes, and the history level keeps none of them.
 */
public final class FormVariables {

    /** Case context shown read-only at the top of every task form. */
    public static final Set<String> CASE_CONTEXT = Set.of(
            "stageLabel", "customerName", "complaintSummary", "desiredOutcome", "caseHandlerName");

    /** Free text staff write; each is kept as a complaint note. */
    public static final Set<String> FREE_TEXT = Set.of(
            "consentNote", "acknowledgementNote", "putItRightAction",
            "stage1Findings", "stage1Remedy", "stage1OutstandingActions",
            "stage2Reason", "stage2DesiredOutcome", "stage2ContactNote",
            "stage2Findings", "stage2Remedy", "stage2OutstandingActions", "signOffComment",
            "breachReviewNote", "icpReferralNote", "icpRecommendations",
            "designatedPersonName", "designatedPersonResponse", "ombudsmanResponse",
            // a phone call, email or visit recorded on the case page (cases.CaseContacts)
            "customerContact");

    /** Decisions the gateways and reports need as variables, also kept as notes for the letters. */
    public static final Set<String> DECISIONS = Set.of("stage1Outcome", "stage2Outcome", "icpOutcome");

    /**
     * The service improvement a response may raise (learning.LearningRecorder turns it into an improvement
     * action and removes it from the process); rootCause stays a variable, like the outcomes.
     */
    public static final Set<String> IMPROVEMENT = Set.of(
            "improvementNeeded", "improvementAction", "improvementOwner", "improvementDueDate",
            "improvementDue", "improvementCompletionNote");

    /** What the "Log a complaint" start form sends about the customer and representative. */
    public static final Set<String> START_FORM_PERSONAL = Set.of(
            "customerEmail", "customerPhone", "customerAddress",
            // the same, asked for in a required field when it is how the customer wants an answer
            "customerEmailNeeded", "customerPhoneNeeded", "customerAddressNeeded",
            "representativeName", "representativeEmail", "representativePhone");

    /** What the compliment and comment forms show about the feedback. */
    public static final Set<String> FEEDBACK_CONTEXT = FeedbackTaskListener.SHOWN_ON_FORMS;

    /** Every name whose values the history must not keep. */
    public static final Set<String> NOT_IN_HISTORY = Stream.of(CASE_CONTEXT, FREE_TEXT, START_FORM_PERSONAL,
                    FEEDBACK_CONTEXT, IMPROVEMENT)
            .flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    private FormVariables() {
    }
}
