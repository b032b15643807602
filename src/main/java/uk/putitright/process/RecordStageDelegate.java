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
import uk.putitright.policy.ComplaintPolicy;

/**
 * Records on the complaint the stage it enters ({@code stage}) and, when it ends, {@code status} and
 * {@code closureReason}; a closed complaint invites the customer to the satisfaction survey where the policy
 * says so.
 */
@Component("recordStage")
class RecordStageDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final LetterWriter letters;
    private final ComplaintPolicy policies;

    RecordStageDelegate(ComplaintRecords records, LetterWriter letters, ComplaintPolicy policies) {
        this.records = records;
        this.letters = letters;
        this.policies = policies;
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
            if (invitesToSurvey(complaint, reason)) {
                letters.write(complaint, LetterType.SATISFACTION_SURVEY_INVITATION,
                        execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":survey",
                        ComplaintRecords.now());
            }
        }
    }

    /** emh: "please let us know how you would rate our handling of this complaint" (policy satisfactionSurvey). */
    private boolean invitesToSurvey(Complaint complaint, ClosureReason reason) {
        return Boolean.TRUE.equals(policies.of(complaint).get("satisfactionSurvey"))
                && reason != ClosureReason.NO_CONSENT && reason != ClosureReason.WITHDRAWN;
    }
}
