package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.policy.ComplaintPolicy;

/**
 * Throws the {@code BreachReviewRequested} message: starts a separate {@code breach-review} process for the
 * {@code reviewGroup}, so a manager's review never holds up the complaint itself. The review is due in the
 * complaint policy's {@code breachReviewWorkingDays}.
 */
@Component("requestBreachReview")
class RequestBreachReviewDelegate implements JavaDelegate {

    static final String MESSAGE = "BreachReviewRequested";

    private final ComplaintRecords records;
    private final ComplaintPolicy policies;

    RequestBreachReviewDelegate(ComplaintRecords records, ComplaintPolicy policies) {
        this.records = records;
        this.policies = policies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reviewDays = policies.of(records.of(execution)).get(ProcessNames.BREACH_REVIEW_WORKING_DAYS);
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariable(ProcessNames.COMPLAINT_ID, execution.getVariable(ProcessNames.COMPLAINT_ID))
                .setVariable(ProcessNames.REFERENCE, execution.getProcessBusinessKey())
                .setVariable("deadline", ComplaintRecords.requiredInput(execution, "deadline"))
                .setVariable("reviewGroup", ComplaintRecords.requiredInput(execution, "reviewGroup"))
                .setVariable(ProcessNames.BREACH_REVIEW_WORKING_DAYS, reviewDays)
                .correlateStartMessage();
    }
}
