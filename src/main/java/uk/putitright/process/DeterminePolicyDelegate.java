package uk.putitright.process;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;

/**
 * Looks up the landlord's timescales and routing in the {@code complaint-policy} DMN and copies each output
 * into a process variable of the same name (plain integers, booleans and strings, never a serialized map),
 * then sets the acknowledgement deadline.
 */
@Component("determinePolicy")
class DeterminePolicyDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final DeadlineScheduler deadlines;

    DeterminePolicyDelegate(ComplaintRecords records, DeadlineScheduler deadlines) {
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.of(execution);
        DmnDecisionResultEntries policy = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionByKey(ProcessNames.POLICY_DECISION)
                .variables(Map.of(
                        ProcessNames.LANDLORD, complaint.getLandlord(),
                        ProcessNames.BUSINESS_LINE, complaint.getBusinessLine() == null ? "" : complaint.getBusinessLine()))
                .evaluate()
                .getSingleResult();
        if (policy == null) {
            throw new IllegalStateException("complaint-policy has no rule for landlord '" + complaint.getLandlord()
                    + "' and business line '" + complaint.getBusinessLine() + "'");
        }
        policy.getEntryMap().forEach(execution::setVariable);
        deadlines.schedule(execution, complaint, DeadlineType.ACKNOWLEDGEMENT);
    }
}
