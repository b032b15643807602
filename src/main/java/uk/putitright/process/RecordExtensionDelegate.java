package uk.putitright.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;

/**
 * The case handler decided they need more time ({@code extensionReason}, {@code extendedResponseBy}):
 * records the extension and moves the response deadline the extended task's timer reads
 * ({@link ExtensionRules} says what is allowed).
 */
@Component("recordExtension")
class RecordExtensionDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final ExtensionRules rules;

    RecordExtensionDelegate(ComplaintRecords records, ExtensionRules rules) {
        this.records = records;
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String stage = ComplaintRecords.requiredInput(execution, "stage");
        DeadlineType deadline = switch (stage) {
            case "STAGE_1" -> DeadlineType.STAGE_1_RESPONSE;
            case "STAGE_2" -> DeadlineType.STAGE_2_RESPONSE;
            default -> throw new IllegalStateException("Extensions apply to STAGE_1 or STAGE_2, not " + stage);
        };
        Complaint complaint = records.of(execution);
        Instant requested = rules.check(execution, complaint, deadline);
        String reason = execution.getVariable(ProcessNames.EXTENSION_REASON).toString();
        complaint.recordExtension(deadline, reason.strip(), requested, lastTaskAssignee(execution),
                ComplaintRecords.now());
        execution.setVariable(deadline.variable(), Date.from(requested));
    }

    /** The extension is the decision of whoever completed the task just before this step. */
    private static String lastTaskAssignee(DelegateExecution execution) {
        List<HistoricTaskInstance> last = execution.getProcessEngineServices().getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .finished()
                .orderByHistoricTaskInstanceEndTime().desc()
                .listPage(0, 1);
        return last.isEmpty() ? null : last.get(0).getAssignee();
    }
}
