package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.Stage;

/** Records on the complaint the stage it enters ({@code stage}) and, when it ends, {@code status} and {@code closureReason}. */
@Component("recordStage")
class RecordStageDelegate implements JavaDelegate {

    private final ComplaintRecords records;

    RecordStageDelegate(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.of(execution);
        String stage = ComplaintRecords.optionalInput(execution, "stage");
        if (stage != null) {
            complaint.enterStage(Stage.valueOf(stage), ComplaintRecords.now());
        }
        String status = ComplaintRecords.optionalInput(execution, "status");
        if (status != null && ComplaintStatus.valueOf(status) != ComplaintStatus.OPEN) {
            complaint.close(ComplaintStatus.valueOf(status),
                    ClosureReason.valueOf(ComplaintRecords.requiredInput(execution, "closureReason")),
                    ComplaintRecords.now());
        }
    }
}
