package uk.putitright.cases;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.audit.AuditLog;
import uk.putitright.audit.ComplaintTimeline;
import uk.putitright.audit.DeadlineVerdict;
import uk.putitright.audit.TimelineEntry;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ContactDetails;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.letters.Letter;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterTitles;
import uk.putitright.security.StaffNames;

/**
 * Everything staff need about one case on one page: who complained and how they want to hear back, where the
 * case stands and every deadline with its verdict, the open tasks and who holds them, what happened (a staff
 * view of the timeline: milestones, tasks done, letters, contacts, notes; names, UK times), the letters with
 * their delivery, and the customer's other complaints. Each view is written to the audit log.
 */
@Service
public class CaseFile {

    public record View(String reference, String landlord, String landlordName, String businessLine, String channel,
                       Instant receivedAt, String received, String stage, String stageLabel, String status,
                       String closure, boolean erased, Person customer, Person representative,
                       String preferredContact, Boolean consentGiven, String summary, String desiredOutcome,
                       String caseHandler, String caseHandlerName, List<Deadline> deadlines, List<OpenTask> tasks,
                       List<Event> timeline, List<LetterRow> letters, List<Note> notes,
                       List<OtherComplaint> otherComplaints) {
    }

    public record Person(String name, String email, String phone, String address) {
    }

    /** @param verdict MET, MISSED, OPEN or NOT_REACHED; {@code status} says it as staff do */
    public record Deadline(String deadline, String label, Instant dueAt, String due, Instant doneAt, String done,
                           String verdict, String status) {
    }

    public record OpenTask(String id, String name, String assignee, String assigneeName, List<String> candidateGroups,
                           Instant dueAt, String due, String dueStatus, String tasklistLink) {
    }

    public record Event(Instant at, String time, String kind, String title, String by, String detail, String text) {
    }

    public record LetterRow(Long id, String title, String recipient, String deliveryMethod, String delivery,
                            String created, String pdfLink) {
    }

    public record Note(String field, String title, String body, String by, String at) {
    }

    public record OtherComplaint(String reference, String stage, String status, String received, String matchedBy) {
    }

    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final ComplaintRegister complaints;
    private final ComplaintTimeline timelines;
    private final LetterRepository letters;
    private final ComplaintNoteRepository notes;
    private final TaskService tasks;
    private final IdentityService identity;
    private final StaffNames staffNames;
    private final WorkingDays workingDays;
    private final LandlordProperties landlords;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog audit;
    private final StaffTimeline staffTimeline;

    CaseFile(ComplaintRegister complaints, ComplaintTimeline timelines, LetterRepository letters,
             ComplaintNoteRepository notes, TaskService tasks, IdentityService identity, StaffNames staffNames,
             WorkingDays workingDays, LandlordProperties landlords, NamedParameterJdbcTemplate jdbc, AuditLog audit,
             StaffTimeline staffTimeline) {
        this.staffTimeline = staffTimeline;
        this.complaints = complaints;
        this.timelines = timelines;
        this.letters = letters;
        this.notes = notes;
        this.tasks = tasks;
        this.identity = identity;
        this.staffNames = staffNames;
        this.workingDays = workingDays;
        this.landlords = landlords;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** @throws uk.putitright.complaint.ComplaintNotFoundException for an unknown reference */
    @Transactional
    public View of(String reference, String reader) {
        // staff names of other users are read as the engine: the reader may not read other users' profiles
        return EngineReads.asEngine(identity, () -> view(reference, reader));
    }

    private View view(String reference, String reader) {
        Complaint c = complaints.find(reference);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ComplaintTimeline.Timeline timeline = timelines.of(c.getReference());
        boolean erased = c.isAnonymised();
        LandlordProperties.Landlord landlord = landlords.isKnown(c.getLandlord()) ? landlords.get(c.getLandlord()) : null;

        List<Deadline> deadlines = timeline.summary().deadlines().stream().map(v -> deadline(v, now)).toList();
        List<Event> events = staffTimeline.of(timeline.entries(), this::time);
        List<LetterRow> letterRows = letters.findByComplaintIdOrderByCreatedAtAscIdAsc(c.getId()).stream()
                .map(letter -> letter(c.getReference(), letter)).toList();
        List<Note> noteRows = notes.findByComplaintIdOrderByRecordedAtAscIdAsc(c.getId()).stream()
                .map(this::note).toList();

        audit.record(c.getId(), reader, "CASE_VIEWED", null);
        return new View(c.getReference(), c.getLandlord(), landlord == null ? c.getLandlord() : landlord.name(),
                c.getBusinessLine(), words(c.getChannel().name()), c.getReceivedAt(), time(c.getReceivedAt()),
                c.getStage().name(), stageLabel(c.getStage().name()), words(c.getStatus().name()),
                c.getClosureReason() == null ? null : words(c.getClosureReason().name()), erased,
                person(c.getCustomer()), c.hasRepresentative() ? person(c.getRepresentative()) : null,
                words(c.getPreferredContact().name()), c.getConsentGiven(), c.getSummary(), c.getDesiredOutcome(),
                c.getCaseHandler(), staffNames.of(c.getCaseHandler()), deadlines, openTasks(c.getReference(), now),
                events, letterRows, noteRows, erased ? List.of() : otherComplaints(c));
    }

    private Deadline deadline(DeadlineVerdict verdict, Instant now) {
        String status = switch (verdict.verdict()) {
            case MET -> "met";
            case MISSED -> verdict.doneAt() != null ? "missed (done late)" : "missed: "
                    + DeadlineStatus.of(verdict.dueAt(), now, workingDays).text();
            case NOT_REACHED -> "not needed (closed before it fell due)";
            case OPEN -> verdict.dueAt() == null ? "open" : DeadlineStatus.of(verdict.dueAt(), now, workingDays).text();
        };
        return new Deadline(verdict.deadline().name(), DeadlineVerdict.label(verdict.deadline()), verdict.dueAt(),
                time(verdict.dueAt()), verdict.doneAt(), time(verdict.doneAt()), verdict.verdict().name(), status);
    }

    private List<OpenTask> openTasks(String reference, Instant now) {
        List<OpenTask> open = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(reference).orderByTaskCreateTime()
                .asc().unlimitedList()) {
            List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(IdentityLink::getGroupId).sorted().toList();
            Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
            DeadlineStatus dueStatus = DeadlineStatus.of(due, now, workingDays);
            open.add(new OpenTask(task.getId(), task.getName(), task.getAssignee(), staffNames.of(task.getAssignee()),
                    groups, due, time(due), dueStatus == null ? null : dueStatus.text(), TASKLIST_TASK + task.getId()));
        }
        return open;
    }

    private Note note(ComplaintNote note) {
        return new Note(note.getField(), noteTitle(note.getField(), note.getBody()),
                noteBody(note.getField(), note.getBody()), staffNames.of(note.getAuthor()), time(note.getRecordedAt()));
    }

    /** A contact's first line says what it was ("Phone call in with Zoë Price"); other notes their field. */
    static String noteTitle(String field, String body) {
        if (field != null && field.startsWith(CaseContacts.FIELD)) {
            return body.lines().findFirst().orElse("Contact");
        }
        return "Note: " + words(field == null ? "note" : field.split(" ")[0]);
    }

    static String noteBody(String field, String body) {
        if (field != null && field.startsWith(CaseContacts.FIELD)) {
            int newline = body.indexOf('\n');
            return newline < 0 ? "" : body.substring(newline + 1);
        }
        return body;
    }

    private LetterRow letter(String reference, Letter letter) {
        String delivery;
        if (letter.getDeliveredAt() != null) {
            delivery = "emailed " + time(letter.getDeliveredAt());
        } else if (letter.getPostedAt() != null) {
            delivery = "posted " + time(letter.getPostedAt());
        } else if (letter.getQueuedForPrintAt() != null) {
            delivery = "waiting to be printed and posted";
        } else {
            delivery = "not sent yet";
        }
        return new LetterRow(letter.getId(), LetterTitles.title(letter.getType()), letter.getRecipient(),
                words(letter.getDeliveryMethod().name()), delivery, time(letter.getCreatedAt()),
                "/api/complaints/" + reference + "/letters/" + letter.getId() + ".pdf");
    }

    /** The same customer's other complaints: same email, same phone, or same name at the same postcode. */
    private List<OtherComplaint> otherComplaints(Complaint c) {
        var params = new java.util.HashMap<String, Object>();
        params.put("id", c.getId());
        List<String> matches = new ArrayList<>();
        String email = uk.putitright.complaint.CustomerSearchKeys.email(c.getCustomer().getEmail());
        String phone = uk.putitright.complaint.CustomerSearchKeys.phone(c.getCustomer().getPhone());
        String name = uk.putitright.complaint.CustomerSearchKeys.fold(c.getCustomer().getName());
        String postcode = uk.putitright.complaint.CustomerSearchKeys.postcodeIn(c.getCustomer().getAddress());
        if (email != null) {
            matches.add("c.search_email = :email");
            params.put("email", email);
        }
        if (phone != null) {
            matches.add("c.search_phone = :phone");
            params.put("phone", phone);
        }
        if (name != null && postcode != null) {
            matches.add("(c.search_postcode = :postcode and c.search_name = :name)");
            params.put("postcode", postcode);
            params.put("name", name);
        }
        if (matches.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select c.reference, c.stage, c.status, c.received_at, c.search_email, c.search_phone"
                + " from complaint c where c.id <> :id and (" + String.join(" or ", matches) + ")"
                + " order by c.received_at desc limit 50", params, (rs, n) -> {
                    String matchedBy = email != null && email.equals(rs.getString("search_email")) ? "same email"
                            : phone != null && phone.equals(rs.getString("search_phone")) ? "same phone"
                            : "same name and postcode";
                    return new OtherComplaint(rs.getString("reference"), stageLabel(rs.getString("stage")),
                            words(rs.getString("status")), time(CaseSearch.instant(rs, "received_at")), matchedBy);
                });
    }

    private static Person person(ContactDetails details) {
        return new Person(details.getName(), details.getEmail(), details.getPhone(), details.getAddress());
    }

    String time(Instant instant) {
        return instant == null ? null : UK_TIME.format(instant.atZone(workingDays.zone()));
    }

    static String stageLabel(String stage) {
        return switch (stage) {
            case "INTAKE" -> "Being logged";
            case "PUT_IT_RIGHT" -> "Put it right (informal)";
            case "STAGE_1" -> "Stage 1";
            case "STAGE_2" -> "Stage 2";
            case "INDEPENDENT_COMPLAINTS_PANEL" -> "Independent Complaints Panel";
            case "DESIGNATED_PERSON" -> "With a designated person";
            case "OMBUDSMAN_WAIT" -> "Final response sent (Ombudsman window)";
            default -> words(stage);
        };
    }

    /** "STAGE_1" as "Stage 1", "stage1Findings" as "Stage 1 findings". */
    static String words(String name) {
        if (name == null) {
            return null;
        }
        String spaced = name.contains("_") || name.equals(name.toUpperCase(Locale.ROOT))
                ? name.replace('_', ' ').toLowerCase(Locale.ROOT)
                : name.replaceAll("([a-z])([A-Z0-9])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
