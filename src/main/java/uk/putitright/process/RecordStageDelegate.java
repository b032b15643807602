package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;
import uk.putitright.letters.LetterWriter;

/**
 * Records on the complaint the stage it enters ({@code stage}) and, when it ends, {@code status} and
 * {@code closureReason}; a closed complaint invites the customer to the satisfaction survey where the policy
 * says so.
 */
@Component("recordStage")
class RecordStageDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final LetterWriter letters;

    RecordStageDelegate(ComplaintRecords records, LetterWriter letters) {
        this.records = records;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Complaint complaint = records.of(execution);
        String stage = ComplaintRecords.optionalInput(execution, "stage");
        if (stage != null) {
            complaint.enterStage(Stage.valueOf(stage), ComplaintRecords.now());
        }
        String status = ComplaintRecords.optionalInput(execution, "status");
        if (status != null && ComplaintStatus.valueOf(status) != ComplaintStatus.OPEN && complaint.isOpen()) {
            ClosureReason reason = ClosureReason.valueOf(ComplaintRecords.requiredInput(execution, "closureReason"));
            complaint.close(ComplaintStatus.valueOf(status), reason, ComplaintRecords.now());
            if (invitesToSurvey(execution, reason)) {
                letters.write(complaint, LetterType.SATISFACTION_SURVEY_INVITATION,
                        execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":survey",
                        ComplaintRecords.now());
            }
        }
    }

    /** emh: "please let us know how you would rate our handling of this complaint" (policy satisfactionSurvey). */
    private static boolean invitesToSurvey(DelegateExecution execution, ClosureReason reason) {
        return Boolean.TRUE.equals(execution.getVariable("satisfactionSurvey"))
                && reason != ClosureReason.NO_CONSENT && reason != ClosureReason.WITHDRAWN;
    }
}
