package uk.putitright.process;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.policy.ComplaintPolicy;

/**
 * Pins the complaint to the landlord's row of the latest {@code complaint-policy} DMN, copies the outputs
 * the models route on ({@link ProcessNames#ROUTING_POLICY}) and the task timescales
 * ({@link ProcessNames#TASK_TIMESCALES}) into process variables of the same name (plain
 * booleans, integers and strings), then sets the acknowledgement deadline.
 */
@Component("determinePolicy")
class DeterminePolicyDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final ComplaintPolicy policies;
    private final DeadlineScheduler deadlines;

    DeterminePolicyDelegate(ComplaintRecords records, ComplaintPolicy policies, DeadlineScheduler deadlines) {
        this.records = records;
        this.policies = policies;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.of(execution);
        Map<String, Object> policy = policies.determine(complaint);
        for (String name : ProcessNames.ROUTING_POLICY) {
            execution.setVariable(name, policy.get(name));
        }
        for (String name : ProcessNames.TASK_TIMESCALES) {
            execution.setVariable(name, policy.get(name));
        }
        deadlines.schedule(execution, complaint, DeadlineType.ACKNOWLEDGEMENT);
    }
}
