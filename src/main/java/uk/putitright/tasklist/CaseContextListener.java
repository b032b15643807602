package uk.putitright.tasklist;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.Stage;
import uk.putitright.policy.ComplaintPolicy;
import uk.putitright.process.FormVariables;
import uk.putitright.process.ProcessNames;
import uk.putitright.process.StepProperties;
import uk.putitright.security.StaffNames;
import uk.putitright.security.TaskAuthor;

/**
 * Runs on every user task. When it opens: copies the case context (customer, summary, stage, earlier
 * findings, and the policy outputs the task's form names in its {@code formShowsPolicy} extension property)
 * from our tables into task-local variables the form shows. When it completes: moves the free text the worker
 * wrote into complaint notes and out of the process, so the engine holds no such text.
 */
@Component
public class CaseContextListener implements TaskListener {

    private static final Map<Stage, String> STAGE_LABELS = Map.of(
            Stage.INTAKE, "New complaint", Stage.PUT_IT_RIGHT, "Put it right (informal)",
            Stage.STAGE_1, "Stage 1", Stage.STAGE_2, "Stage 2",
            Stage.INDEPENDENT_COMPLAINTS_PANEL, "Independent Complaints Panel",
            Stage.DESIGNATED_PERSON, "Designated person", Stage.OMBUDSMAN_WAIT, "Final response given");

    /** The user task's extension property listing the policy outputs its form shows, e.g. acknowledgeWorkingDays. */
    static final String FORM_SHOWS_POLICY = "formShowsPolicy";

    private final ComplaintRepository complaints;
    private final ComplaintNoteRepository notes;
    private final StaffNames staffNames;
    private final ComplaintPolicy policies;

    CaseContextListener(ComplaintRepository complaints, ComplaintNoteRepository notes, StaffNames staffNames,
                        ComplaintPolicy policies) {
        this.complaints = complaints;
        this.notes = notes;
        this.staffNames = staffNames;
        this.policies = policies;
    }

    @Override
    public void notify(DelegateTask task) {
        Object id = task.getVariable(ProcessNames.COMPLAINT_ID);
        if (id == null) {
            return;
        }
        Long complaintId = ((Number) id).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            showContext(task, complaintId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            keepFreeText(task, complaintId);
        }
    }

    private void showContext(DelegateTask task, Long complaintId) {
        Complaint complaint = complaints.findById(complaintId).orElseThrow();
        task.setVariableLocal("stageLabel", STAGE_LABELS.get(complaint.getStage()));
        task.setVariableLocal("customerName", complaint.getCustomer().getName());
        task.setVariableLocal("complaintSummary", complaint.getSummary());
        task.setVariableLocal("desiredOutcome", complaint.getDesiredOutcome());
        task.setVariableLocal("caseHandlerName", staffNames.of(complaint.getCaseHandler()));
        showPolicy(task, complaint);
        Map<String, String> latest = latestNotes(complaintId);
        for (String field : FormVariables.FREE_TEXT) {
            String noted = latest.get(field);
            String earlier = noted != null ? noted : fromComplaint(complaint, field);
            if (earlier != null) {
                task.setVariableLocal(field, earlier);
            }
        }
    }

    /** The policy outputs the form shows ("the policy allows 10 working days"), from the complaint's pinned row. */
    private void showPolicy(DelegateTask task, Complaint complaint) {
        String shown = StepProperties.of(task.getBpmnModelElementInstance(), FORM_SHOWS_POLICY);
        if (shown == null || shown.isBlank()) {
            return;
        }
        Map<String, Object> policy = policies.of(complaint);
        for (String output : shown.split(",")) {
            Object value = policy.get(output.strip());
            if (value != null) {
                task.setVariableLocal(output.strip(), value);
            }
        }
    }

    private static String fromComplaint(Complaint complaint, String field) {
        return switch (field) {
            case "stage2Reason" -> complaint.getStage2Reason();
            case "stage2DesiredOutcome" -> complaint.getStage2DesiredOutcome();
            default -> null;
        };
    }

    private void keepFreeText(DelegateTask task, Long complaintId) {
        DelegateExecution execution = task.getExecution();
        String author = TaskAuthor.of(task);
        for (String field : FormVariables.FREE_TEXT) {
            // a completed form's values land on the execution; the task-local copy is what we showed
            Object written = execution.getVariable(field);
            Object shown = task.getVariableLocal(field);
            if (written != null) {
                execution.removeVariable(field);
            }
            if (written instanceof String text && !text.isBlank() && !Objects.equals(text, shown)) {
                note(task, complaintId, field, text, author);
            }
        }
        // decisions stay variables (gateways and reports use them); a changed one is also noted for letters
        Map<String, String> latest = null;
        for (String field : FormVariables.DECISIONS) {
            if (execution.getVariable(field) instanceof String decision && !decision.isBlank()) {
                latest = latest != null ? latest : latestNotes(complaintId);
                if (!decision.equals(latest.get(field))) {
                    note(task, complaintId, field, decision, author);
                }
            }
        }
    }

    /** The latest note per field, from one query: a form shows up to 19 fields. */
    private Map<String, String> latestNotes(Long complaintId) {
        Map<String, String> latest = new HashMap<>();
        for (ComplaintNote note : notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaintId)) {
            latest.put(note.getField(), note.getBody());
        }
        return latest;
    }

    private void note(DelegateTask task, Long complaintId, String field, String text, String author) {
        notes.save(new ComplaintNote(complaintId, field, text.strip(), task.getTaskDefinitionKey(), author,
                ClockUtil.getCurrentTime().toInstant()));
    }
}
