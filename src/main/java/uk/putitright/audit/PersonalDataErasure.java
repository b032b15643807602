package uk.putitright.audit;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNotFoundException;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.letters.Letter;
import uk.putitright.letters.LetterRepository;
import uk.putitright.process.FormVariables;
import uk.putitright.security.SystemRights;

/**
 * Erases a customer's personal data from a closed complaint (a GDPR erasure request, or the end of the
 * retention period): our tables are anonymised and any personal value the engine's history holds is
 * deleted, while the dates, stages, outcomes, breaches and who-did-what stay, so the complaint is still
 * counted in every report. Each erasure is written to the audit log.
 */
@Service
public class PersonalDataErasure {

    /** @param entriesRedacted entries elsewhere ({@link PersonalDataHolder}) that held the customer's data */
    public record Result(String reference, int lettersErased, int notesErased, int historyValuesDeleted,
                         int entriesRedacted) {
    }

    private final ComplaintRepository complaints;
    private final LetterRepository letters;
    private final ComplaintNoteRepository notes;
    private final HistoryService history;
    private final AuditLog audit;
    private final SystemRights systemRights;
    private final ObjectProvider<PersonalDataHolder> holders;

    PersonalDataErasure(ComplaintRepository complaints, LetterRepository letters, ComplaintNoteRepository notes, HistoryService history,
                        AuditLog audit, SystemRights systemRights, ObjectProvider<PersonalDataHolder> holders) {
        this.holders = holders;
        this.complaints = complaints;
        this.letters = letters;
        this.notes = notes;
        this.history = history;
        this.audit = audit;
        this.systemRights = systemRights;
    }

    /** Idempotent: erasing an erased complaint again changes nothing but the audit log. */
    @Transactional
    public Result erase(String reference, String requestedBy, String reason) {
        Complaint complaint = complaints.findByReference(reference)
                .orElseThrow(() -> new ComplaintNotFoundException(reference));
        if (complaint.isOpen()) {
            throw new IllegalStateException(complaint.getReference()
                    + " is still open: its personal data is needed to answer the customer; erase it once it is closed");
        }
        int redacted = holders.orderedStream().mapToInt(holder -> holder.erase(complaint)).sum();
        complaint.anonymise(ClockUtil.getCurrentTime().toInstant());
        List<Letter> sent = letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint.getId());
        sent.forEach(Letter::erase);
        List<ComplaintNote> written = notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint.getId()).stream()
                .filter(note -> FormVariables.FREE_TEXT.contains(note.getField()))
                .toList();
        written.forEach(ComplaintNote::erase);
        // who may erase is the endpoint's rule; deleting a value from history is otherwise an administrator's right
        int deleted = systemRights.run(() -> deletePersonalHistory(complaint.getReference()));
        audit.record(complaint.getId(), requestedBy, "PERSONAL_DATA_ERASED", reason);
        return new Result(complaint.getReference(), sent.size(), written.size(), deleted, redacted);
    }

    /**
     * The history level keeps personal values out of ACT_HI_*; this also removes any that got there another
     * way (a variable set in Cockpit, history written before that level was configured).
     */
    private int deletePersonalHistory(String reference) {
        int deleted = 0;
        List<String> instanceIds = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .unlimitedList().stream().map(HistoricProcessInstance::getId).toList();
        for (String rootId : instanceIds) {
            // the root and every stage it called
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .rootProcessInstanceId(rootId).unlimitedList()) {
                for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId()).disableCustomObjectDeserialization().unlimitedList()) {
                    if (FormVariables.NOT_IN_HISTORY.contains(variable.getName())) {
                        history.deleteHistoricVariableInstance(variable.getId());
                        deleted++;
                    }
                }
            }
        }
        return deleted;
    }
}
