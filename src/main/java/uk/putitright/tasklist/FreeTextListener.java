package uk.putitright.tasklist;

import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.process.FormVariables;
import uk.putitright.process.ProcessNames;
import uk.putitright.security.TaskAuthor;
import uk.putitright.text.TextRules;

/**
 * Runs when a user task completes: moves the free text the worker wrote into complaint notes and out of the
 * process, so the engine holds no such text, and notes a changed decision for the letters. (What the form
 * showed comes from {@link CaseContext} when the form is opened.)
 */
@Component
public class FreeTextListener implements TaskListener {

    private final ComplaintNoteRepository notes;
    private final CaseContext caseContext;

    FreeTextListener(ComplaintNoteRepository notes, CaseContext caseContext) {
        this.notes = notes;
        this.caseContext = caseContext;
    }

    @Override
    public void notify(DelegateTask task) {
        Long complaintId = ProcessNames.complaintId(task);
        if (complaintId != null && EVENTNAME_COMPLETE.equals(task.getEventName())) {
            keepFreeText(task, complaintId);
        }
    }

    /** What staff typed follows the same character rules as the public's text (uk.putitright.text). */
    private static void checkCharacters(DelegateExecution execution) {
        for (String field : TYPED) {
            if (execution.getVariable(field) instanceof String text) {
                TextRules.problem(text, TextRules.Kind.FREE_TEXT).ifPresent(problem -> {
                    throw new ProcessEngineException(field + " " + problem);
                });
            }
        }
    }

    private static final java.util.Set<String> TYPED = java.util.stream.Stream.of(FormVariables.FREE_TEXT,
            FormVariables.IMPROVEMENT).flatMap(java.util.Set::stream).collect(java.util.stream.Collectors.toSet());

    private void keepFreeText(DelegateTask task, Long complaintId) {
        DelegateExecution execution = task.getExecution();
        checkCharacters(execution);
        String author = TaskAuthor.of(task);
        Map<String, String> latest = null;
        for (String field : FormVariables.FREE_TEXT) {
            // a completed form's values land on the execution
            Object written = execution.getVariable(field);
            if (written != null) {
                execution.removeVariable(field);
            }
            if (written instanceof String text && !text.isBlank()) {
                latest = latest != null ? latest : caseContext.latestNotes(complaintId);
                // unchanged from what the form showed: nothing new to note
                if (!Objects.equals(text, caseContext.shownBefore(field, latest, complaintId))) {
                    note(task, complaintId, field, text, author);
                }
            }
        }
        // decisions stay variables (gateways and reports use them); a changed one is also noted for letters
        for (String field : FormVariables.DECISIONS) {
            if (execution.getVariable(field) instanceof String decision && !decision.isBlank()) {
                latest = latest != null ? latest : caseContext.latestNotes(complaintId);
                if (!decision.equals(latest.get(field))) {
                    note(task, complaintId, field, decision, author);
                }
            }
        }
    }

    private void note(DelegateTask task, Long complaintId, String field, String text, String author) {
        notes.save(new ComplaintNote(complaintId, field, text.strip(), task.getTaskDefinitionKey(), author,
                ClockUtil.getCurrentTime().toInstant()));
    }
}
