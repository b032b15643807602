package uk.putitright.tasklist;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.process.ExtensionRules;
import uk.putitright.process.ProcessNames;
import uk.putitright.process.ResponseTasks;
import uk.putitright.process.TaskRole;

/**
 * Rules a form alone cannot enforce, checked as the worker completes the task so Tasklist shows the
 * problem straight away and nothing moves on: an extension needs a reason and a date the policy allows;
 * a Stage 1 or Stage 2 response needs findings and an outcome (the letter gives the decision and reasons);
 * a Stage 2 response sent back at sign-off needs a comment saying why.
 */
@Component
public class CompletionChecks implements TaskListener {

    private static final Set<String> OUTCOMES = Set.of("UPHELD", "PARTLY_UPHELD", "NOT_UPHELD");

    private final ComplaintRepository complaints;
    private final ComplaintNoteRepository notes;
    private final ExtensionRules extensions;

    CompletionChecks(ComplaintRepository complaints, ComplaintNoteRepository notes, ExtensionRules extensions) {
        this.complaints = complaints;
        this.notes = notes;
        this.extensions = extensions;
    }

    @Override
    public void notify(DelegateTask task) {
        Optional<Stage> answered = ResponseTasks.answeredStage(task);
        try {
            if ("EXTEND".equals(task.getVariable("stage1Decision")) && TaskRole.STAGE_1_INVESTIGATION.is(task)) {
                checkExtension(task, DeadlineType.STAGE_1_RESPONSE);
            } else if ("EXTEND".equals(task.getVariable("stage2Decision")) && TaskRole.STAGE_2_REVIEW.is(task)) {
                checkExtension(task, DeadlineType.STAGE_2_RESPONSE);
            } else if (answered.isPresent()) {
                checkDecision(task, answered.get() == Stage.STAGE_1 ? "stage1" : "stage2");
            } else if (TaskRole.STAGE_2_SIGN_OFF.is(task)
                    && Boolean.FALSE.equals(task.getVariable("signOffApproved"))) {
                Object comment = task.getExecution().getVariable("signOffComment");
                if (comment == null || comment.toString().isBlank()) {
                    throw new IllegalArgumentException("Say what must change when you send the response back");
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }

    /**
     * The response letter must give the decision and its reasons: findings (as just written, or as written
     * before, e.g. before a sign-off sent it back, which the form shows again) and an outcome.
     */
    private void checkDecision(DelegateTask task, String stage) {
        String findings = writtenOrNoted(task, stage + "Findings");
        String outcome = writtenOrNoted(task, stage + "Outcome");
        String stageName = stage.equals("stage1") ? "Stage 1" : "Stage 2";
        if (findings == null) {
            throw new IllegalArgumentException("Write your findings before sending the " + stageName
                    + " response: the letter must give the decision on each point and the reasons");
        }
        if (outcome == null || !OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("Choose the outcome (upheld, partly upheld or not upheld) before"
                    + " sending the " + stageName + " response");
        }
    }

    /** What the form sent now, else what was noted for the complaint before; null when neither. */
    private String writtenOrNoted(DelegateTask task, String field) {
        Object written = task.getExecution().getVariable(field);
        if (written != null && !written.toString().isBlank()) {
            return written.toString().strip();
        }
        return notes.findFirstByComplaintIdAndFieldOrderByRecordedAtDescIdDesc(ProcessNames.complaintId(task), field)
                .map(ComplaintNote::getBody)
                .filter(body -> !body.isBlank())
                .orElse(null);
    }

    private void checkExtension(DelegateTask task, DeadlineType deadline) {
        extensions.check(task.getExecution(), complaints.findById(ProcessNames.complaintId(task)).orElseThrow(),
                deadline);
    }
}
