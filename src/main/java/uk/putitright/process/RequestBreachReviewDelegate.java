package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Throws the {@code BreachReviewRequested} message: starts a separate {@code breach-review} process for the
 * {@code reviewGroup}, so a manager's review never holds up the complaint itself.
 */
@Component("requestBreachReview")
class RequestBreachReviewDelegate implements JavaDelegate {

    static final String MESSAGE = "BreachReviewRequested";

    @Override
    public void execute(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariable(ProcessNames.COMPLAINT_ID, execution.getVariable(ProcessNames.COMPLAINT_ID))
                .setVariable(ProcessNames.REFERENCE, execution.getProcessBusinessKey())
                .setVariable("deadline", ComplaintRecords.requiredInput(execution, "deadline"))
                .setVariable("reviewGroup", ComplaintRecords.requiredInput(execution, "reviewGroup"))
                .correlateStartMessage();
    }
}
