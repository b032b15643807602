package uk.putitright.cases;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.audit.AuditLog;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.intake.InvalidFieldException;

/**
 * A phone call, email or visit with the customer (or their representative) recorded from the case page: a
 * complaint note at the time it happened, so it is on the timeline and erased with the customer's other
 * personal data, plus an audit entry of who recorded it when.
 */
@Service
class CaseContacts {

    /** The note field of a contact. */
    static final String FIELD = "customerContact";

    enum Kind {
        PHONE_IN("Phone call in"), PHONE_OUT("Phone call out"), EMAIL_IN("Email in"), EMAIL_OUT("Email out"),
        VISIT("Visit"), LETTER_IN("Letter in");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** @param at the local UK time it happened ("2026-12-04T14:05"), or null for now */
    record NewContact(String kind, String with, String at, String summary) {
    }

    private final ComplaintRegister complaints;
    private final ComplaintNoteRepository notes;
    private final WorkingDays workingDays;
    private final AuditLog audit;

    CaseContacts(ComplaintRegister complaints, ComplaintNoteRepository notes, WorkingDays workingDays, AuditLog audit) {
        this.complaints = complaints;
        this.notes = notes;
        this.workingDays = workingDays;
        this.audit = audit;
    }

    @Transactional
    public ComplaintNote record(String reference, NewContact contact, String recordedBy) {
        Kind kind = kind(contact.kind());
        String with = text(contact.with(), "with", 200, true);
        String summary = text(contact.summary(), "summary", 3000, true);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant at = now;
        if (contact.at() != null && !contact.at().isBlank()) {
            try {
                at = LocalDateTime.parse(contact.at().strip()).atZone(workingDays.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException("at", "must be a date and time like 2026-12-04T14:05");
            }
            if (at.isAfter(now.plusSeconds(300))) {
                throw new InvalidFieldException("at", "must not be in the future");
            }
        }
        Complaint complaint = complaints.find(reference);
        ComplaintNote note = notes.save(new ComplaintNote(complaint.getId(), FIELD,
                kind.label + " with " + with + "\n" + summary, null, recordedBy, at));
        audit.record(complaint.getId(), recordedBy, "CONTACT_RECORDED", kind.label);
        return note;
    }

    private static Kind kind(String value) {
        try {
            return Kind.valueOf(value == null ? "" : value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("kind", "must be one of " + java.util.Arrays.toString(Kind.values()));
        }
    }

    private static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidFieldException(field, "must not be blank");
            }
            return null;
        }
        if (value.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }
}
