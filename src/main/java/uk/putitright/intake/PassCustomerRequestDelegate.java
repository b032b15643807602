package uk.putitright.intake;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ComplaintNotFoundException;
import uk.putitright.process.CustomerMessage;
import uk.putitright.process.StepNotOpenException;

/**
 * A customer's request taken by staff in Tasklist (the "Record a customer's request" start form): passed to
 * the complaint exactly as the API would. Runs while the form is submitted, so staff see at once when the
 * complaint cannot take the request.
 */
@Component("passCustomerRequest")
class PassCustomerRequestDelegate implements JavaDelegate {

    private final ComplaintIntake intake;

    PassCustomerRequestDelegate(ComplaintIntake intake) {
        this.intake = intake;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = String.valueOf(execution.getVariable("reference")).strip();
        CustomerMessage request;
        try {
            request = CustomerMessage.valueOf(String.valueOf(execution.getVariable("request")));
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Choose what the customer asks for");
        }
        String reason = (String) execution.getVariable("stage2Reason");
        String outcome = (String) execution.getVariable("stage2DesiredOutcome");
        execution.removeVariable("stage2Reason");
        execution.removeVariable("stage2DesiredOutcome");
        execution.setProcessBusinessKey(reference);
        try {
            // staff may record the request; the complaint's own processes need no extra grants for it
            Context.getCommandContext().runWithoutAuthorization(() -> request == CustomerMessage.ESCALATE
                    ? intake.escalate(reference, new EscalationRequest(reason, outcome))
                    : intake.send(reference, request));
        } catch (EscalationRefusedException e) {
            // answered: the refusal and its letter are recorded (they would roll back with an error here)
        } catch (ComplaintNotFoundException | StepNotOpenException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }
}
