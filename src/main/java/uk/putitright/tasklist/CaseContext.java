package uk.putitright.tasklist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
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

/**
 * What a task form shows about its complaint, read from our tables when the form is opened: the customer,
 * summary, stage and case handler, the policy outputs the task's {@code formShowsPolicy} extension property
 * names, and what staff wrote earlier (the latest note per free-text field). Nothing of it is stored in the
 * engine.
 */
@Component
public class CaseContext implements TaskFormContext {

    private static final Map<Stage, String> STAGE_LABELS = Map.of(
            Stage.INTAKE, "New complaint", Stage.PUT_IT_RIGHT, "Put it right (informal)",
            Stage.STAGE_1, "Stage 1", Stage.STAGE_2, "Stage 2",
            Stage.INDEPENDENT_COMPLAINTS_PANEL, "Independent Complaints Panel",
            Stage.DESIGNATED_PERSON, "Designated person", Stage.OMBUDSMAN_WAIT, "Final response given");

    /** The user task's extension property listing the policy outputs its form shows, e.g. acknowledgeWorkingDays. */
    static final String FORM_SHOWS_POLICY = "formShowsPolicy";

    /** Free-text fields whose first value, before any note, is what the customer gave when escalating. */
    private static final Map<String, Function<Complaint, String>> FROM_COMPLAINT = Map.of(
            "stage2Reason", Complaint::getStage2Reason,
            "stage2DesiredOutcome", Complaint::getStage2DesiredOutcome);

    private final ComplaintRepository complaints;
    private final ComplaintNoteRepository notes;
    private final StaffNames staffNames;
    private final ComplaintPolicy policies;

    CaseContext(ComplaintRepository complaints, ComplaintNoteRepository notes, StaffNames staffNames,
                ComplaintPolicy policies) {
        this.complaints = complaints;
        this.notes = notes;
        this.staffNames = staffNames;
        this.policies = policies;
    }

    /** The values the task's form shows, by form field key; empty for a task of no complaint. */
    @Override
    public Map<String, Object> of(DelegateTask task) {
        Long complaintId = ProcessNames.complaintId(task);
        if (complaintId == null) {
            return Map.of();
        }
        Complaint complaint = complaints.findById(complaintId).orElseThrow();
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("stageLabel", STAGE_LABELS.get(complaint.getStage()));
        shown.put("customerName", complaint.getCustomer().getName());
        shown.put("complaintSummary", complaint.getSummary());
        shown.put("desiredOutcome", complaint.getDesiredOutcome());
        shown.put("caseHandlerName", staffNames.of(complaint.getCaseHandler()));
        shown.putAll(policyHints(task, complaint));
        Map<String, String> latest = latestNotes(complaintId);
        for (String field : FormVariables.FREE_TEXT) {
            shown.put(field, earlierText(field, latest, () -> complaint));
        }
        return shown;
    }

    /**
     * What the form showed in a free-text field before the worker wrote in it: the latest note, or for the
     * Stage 2 reasons what the customer gave when escalating. The complaint is loaded only for those.
     */
    String shownBefore(String field, Map<String, String> latest, Long complaintId) {
        return earlierText(field, latest, () -> complaints.findById(complaintId).orElseThrow());
    }

    /** The latest note per field, from one query: a form shows up to 19 fields. */
    Map<String, String> latestNotes(Long complaintId) {
        Map<String, String> latest = new HashMap<>();
        for (ComplaintNote note : notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaintId)) {
            latest.put(note.getField(), note.getBody());
        }
        return latest;
    }

    /** The policy outputs the form shows ("the policy allows 10 working days"), from the complaint's pinned row. */
    private Map<String, Object> policyHints(DelegateTask task, Complaint complaint) {
        String names = StepProperties.of(task.getBpmnModelElementInstance(), FORM_SHOWS_POLICY);
        if (names == null || names.isBlank()) {
            return Map.of();
        }
        Map<String, Object> policy = policies.of(complaint);
        Map<String, Object> hints = new HashMap<>();
        for (String output : names.split(",")) {
            Object value = policy.get(output.strip());
            if (value != null) {
                hints.put(output.strip(), value);
            }
        }
        return hints;
    }

    /** The latest note, else for the Stage 2 reasons the complaint's own (asked for only then). */
    private static String earlierText(String field, Map<String, String> latest, Supplier<Complaint> complaint) {
        String noted = latest.get(field);
        Function<Complaint, String> fromComplaint = FROM_COMPLAINT.get(field);
        return noted != null || fromComplaint == null ? noted : fromComplaint.apply(complaint.get());
    }
}
