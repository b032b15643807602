package uk.putitright.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.audit.DeadlineVerdict.Verdict;
import uk.putitright.audit.ProcessHistoryEntries.ProcessHistory;
import uk.putitright.audit.TimelineEntry.Kind;
import uk.putitright.complaint.Breach;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.EscalationRefusal;
import uk.putitright.complaint.EscalationRefusalRepository;
import uk.putitright.complaint.Extension;
import uk.putitright.learning.ImprovementAction;
import uk.putitright.learning.ImprovementActionRepository;
import uk.putitright.letters.Letter;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterTitles;
import uk.putitright.policy.ComplaintPolicy;

/**
 * Everything that happened to one complaint, in time order, with a summary an auditor reads first: was it
 * handled within the Code, which deadlines were met, who handled it, the outcome and what the landlord learnt.
 */
@Service
public class ComplaintTimeline {

    /** The timeline as served (JSON) and rendered (page, CSV, PDF). */
    public record Timeline(String reference, String landlord, String stage, String status, Instant generatedAt,
                           Summary summary, List<TimelineEntry> entries) {
    }

    /**
     * @param handledWithinCode no landlord deadline missed (so far, while open)
     * @param handledBy         the case handler first, then everyone who completed a task
     * @param deadlines         each landlord deadline's verdict
     */
    public record Summary(boolean handledWithinCode, int deadlinesMet, int deadlinesMissed, int deadlinesOpen,
                          String caseHandler, List<String> handledBy, String outcome, String stage1Outcome,
                          String stage2Outcome, String rootCause, String closure, List<String> improvementActions,
                          List<DeadlineVerdict> deadlines) {
    }

    private final ComplaintRegister complaints;
    private final ProcessHistoryEntries processHistory;
    private final LetterRepository letters;
    private final AuditEventRepository auditEvents;
    private final ImprovementActionRepository improvementActions;
    private final ComplaintNoteRepository notes;
    private final IdentityService identity;
    private final EscalationRefusalRepository refusals;
    private final ComplaintPolicy policies;

    ComplaintTimeline(ComplaintRegister complaints, ProcessHistoryEntries processHistory, LetterRepository letters,
                      AuditEventRepository auditEvents, ImprovementActionRepository improvementActions,
                      ComplaintNoteRepository notes, IdentityService identity, EscalationRefusalRepository refusals,
                      ComplaintPolicy policies) {
        this.refusals = refusals;
        this.policies = policies;
        this.complaints = complaints;
        this.processHistory = processHistory;
        this.letters = letters;
        this.auditEvents = auditEvents;
        this.improvementActions = improvementActions;
        this.notes = notes;
        this.identity = identity;
    }

    /** @throws uk.putitright.complaint.ComplaintNotFoundException for an unknown reference */
    @Transactional(readOnly = true)
    public Timeline of(String reference) {
        Complaint complaint = complaints.find(reference);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ProcessHistory engine = withoutEngineUser(() -> processHistory.of(complaint));

        List<DeadlineVerdict> verdicts = new ArrayList<>();
        for (DeadlineType type : DeadlineVerdict.LANDLORD_DEADLINES) {
            if (complaint.getDeadlines().get(type) != null) {
                verdicts.add(type == DeadlineType.INFORMAL_RESOLUTION && engine.informalStageEndedAt() != null
                        ? DeadlineVerdict.of(complaint, type, engine.informalStageEndedAt(), now)
                        : DeadlineVerdict.of(complaint, type, now));
            }
        }
        List<ImprovementAction> actions = improvementActions.findByComplaintIdOrderByIdAsc(complaint.getId());

        List<TimelineEntry> entries = new ArrayList<>(engine.entries());
        entries.addAll(milestones(complaint));
        policies.applied(complaint).ifPresent(applied -> entries.add(policy(complaint, applied)));
        entries.addAll(deadlines(complaint, verdicts));
        complaint.getBreaches().forEach(breach -> entries.add(breach(breach)));
        complaint.getExtensions().forEach(extension -> entries.add(extension(extension)));
        refusals.findByComplaintId(complaint.getId()).ifPresent(refusal -> entries.add(refusal(refusal)));
        letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint.getId()).forEach(letter -> letter(letter, entries));
        auditEvents.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint.getId()).forEach(event -> entries.add(
                TimelineEntry.at(event.getOccurredAt(), Kind.AUDIT_EVENT, ProcessHistoryEntries.words(event.getAction()))
                        .actor(event.getActor()).detail(event.getDetail()).build()));
        actions.forEach(action -> improvementAction(action, entries));
        List<ComplaintNote> complaintNotes = notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint.getId());
        complaintNotes.forEach(note -> entries.add(note(note)));

        List<TimelineEntry> ordered = withActorGroups(entries).stream()
                .sorted(Comparator.comparing(TimelineEntry::time, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new Timeline(complaint.getReference(), complaint.getLandlord(), complaint.getStage().name(),
                complaint.getStatus().name(), now, summary(complaint, verdicts, ordered, actions, complaintNotes), ordered);
    }

    /** Which policy the complaint runs under, placed with its receipt (its deadlines all come from it). */
    private static TimelineEntry policy(Complaint complaint, ComplaintPolicy.Applied applied) {
        String rules = applied.ruleIds().isEmpty() ? "no rule matched" : "rule " + String.join(", ", applied.ruleIds());
        return TimelineEntry.at(complaint.getReceivedAt(), Kind.VERSION, "Policy " + ComplaintPolicy.DECISION_KEY
                        + " version " + applied.version())
                .detail(rules + (applied.versionTag() == null ? "" : "; version tag " + applied.versionTag())
                        + "; decision definition " + applied.decisionDefinitionId()).build();
    }

    /**
     * The history is read as the engine itself: the reader's Camunda authorizations (which may not cover
     * another group's processes) must not hide part of the record; the HTTP layer has checked the reader.
     */
    private <T> T withoutEngineUser(Supplier<T> read) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }

    private static List<TimelineEntry> milestones(Complaint c) {
        List<TimelineEntry> entries = new ArrayList<>();
        milestone(entries, c.getReceivedAt(), "Complaint received", "by " + words(c.getChannel().name())
                + " for " + c.getLandlord());
        milestone(entries, c.getAcknowledgedAt(), "Complaint acknowledged", null);
        milestone(entries, c.getStage1StartedAt(), "Stage 1 started", null);
        milestone(entries, c.getStage1RespondedAt(), "Stage 1 response sent", outcome(c.getStage1Outcome(),
                c.getStage1WorkingDays()));
        milestone(entries, c.getStage2RequestedAt(), "Customer asked for Stage 2", null);
        milestone(entries, c.getStage2AcknowledgedAt(), "Stage 2 request acknowledged", null);
        milestone(entries, c.getFinalResponseAt(), "Final (Stage 2) response sent", outcome(c.getStage2Outcome(),
                c.getStage2WorkingDays()));
        milestone(entries, c.getIcpReferredAt(), "Referred to the Independent Complaints Panel", null);
        milestone(entries, c.getOmbudsmanEnquiryAt(), "Ombudsman enquiry received", null);
        milestone(entries, c.getClosedAt(), "Complaint closed", c.getClosureReason() == null ? c.getStatus().name()
                : words(c.getClosureReason().name()));
        milestone(entries, c.getAnonymisedAt(), "Personal data erased", null);
        return entries;
    }

    private static void milestone(List<TimelineEntry> entries, Instant at, String title, String detail) {
        if (at != null) {
            entries.add(TimelineEntry.at(at, Kind.MILESTONE, title).detail(detail).build());
        }
    }

    private static String outcome(Enum<?> outcome, Integer workingDays) {
        if (outcome == null && workingDays == null) {
            return null;
        }
        return (outcome == null ? "" : "outcome " + words(outcome.name()))
                + (workingDays == null ? "" : (outcome == null ? "" : "; ") + "took " + workingDays + " working days");
    }

    private static List<TimelineEntry> deadlines(Complaint complaint, List<DeadlineVerdict> verdicts) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (DeadlineVerdict v : verdicts) {
            String detail = switch (v.verdict()) {
                case MET -> v.doneAt() == null ? "met" : "met at " + v.doneAt();
                case MISSED -> v.doneAt() == null ? "missed, not done" : "missed, done at " + v.doneAt();
                case OPEN -> "open, not done yet";
                case NOT_REACHED -> "not reached: the complaint closed before it fell due";
            };
            entries.add(TimelineEntry.at(v.dueAt(), Kind.DEADLINE, "Deadline: " + DeadlineVerdict.label(v.deadline()))
                    .due(v.dueAt()).verdict(v.verdict()).detail(detail).build());
        }
        for (DeadlineType type : DeadlineType.values()) {
            Instant at = complaint.getDeadlines().get(type);
            if (at != null && !DeadlineVerdict.isLandlordDeadline(type)) {
                entries.add(TimelineEntry.at(at, Kind.WINDOW, DeadlineVerdict.label(type)).due(at).build());
            }
        }
        return entries;
    }

    private static TimelineEntry breach(Breach breach) {
        return TimelineEntry.at(breach.getRecordedAt(), Kind.BREACH,
                        "Missed deadline: " + DeadlineVerdict.label(breach.getDeadline()))
                .due(breach.getDueAt()).verdict(Verdict.MISSED)
                .detail("due " + breach.getDueAt() + (breach.getStage() == null ? ""
                        : "; at " + words(breach.getStage().name())))
                .build();
    }

    /** The reason is staff's own words to the resident: on the page, not in the CSV. */
    private static TimelineEntry refusal(EscalationRefusal refusal) {
        return TimelineEntry.at(refusal.getRefusedAt(), Kind.ESCALATION_REFUSED, "Stage 2 refused")
                .actor(refusal.getRefusedBy())
                .detail(refusal.isLateRequest() ? "the request came after the escalation window; refusal letter written"
                        : "refused by staff; refusal letter written")
                .text(refusal.getReason()).build();
    }

    private static TimelineEntry extension(Extension extension) {
        return TimelineEntry.at(extension.getRecordedAt(), Kind.EXTENSION,
                        "Extension: " + words(extension.getStage().name()))
                .actor(extension.getGrantedBy()).due(extension.getNewDueAt())
                .detail("reason: " + extension.getReason() + "; due moved from " + extension.getPreviousDueAt()
                        + " to " + extension.getNewDueAt())
                .build();
    }

    private static void letter(Letter letter, List<TimelineEntry> entries) {
        String title = "Letter: " + LetterTitles.title(letter.getType());
        StringBuilder detail = new StringBuilder(letter.getType().name()).append(" to ").append(letter.getRecipient())
                .append(" by ").append(letter.getDeliveryMethod().name().toLowerCase(Locale.ROOT));
        if (letter.isCopyForRepresentative()) {
            detail.append(" (representative's copy)");
        }
        if (letter.getQueuedForPrintAt() != null) {
            detail.append("; queued for print at ").append(letter.getQueuedForPrintAt());
        }
        if (!letter.isDelivered()) {
            detail.append("; not delivered yet");
        }
        entries.add(TimelineEntry.at(letter.getCreatedAt(), Kind.LETTER, title).detail(detail.toString()).build());
        if (letter.getDeliveredAt() != null) {
            boolean posted = letter.getPostedAt() != null;
            entries.add(TimelineEntry.at(letter.getDeliveredAt(), Kind.LETTER_DELIVERED,
                            (posted ? "Letter posted: " : "Letter emailed: ") + LetterTitles.title(letter.getType()))
                    .actor(posted ? letter.getPostedBy() : null)
                    .detail(letter.getType().name() + " to " + letter.getRecipient()).build());
        }
    }

    private static void improvementAction(ImprovementAction action, List<TimelineEntry> entries) {
        entries.add(TimelineEntry.at(action.getCreatedAt(), Kind.IMPROVEMENT_ACTION, "Improvement action agreed")
                .actor(action.getCreatedBy())
                .detail(action.getDescription() + "; owner " + action.getOwnerGroup() + "; due " + action.getDueOn())
                .build());
        if (action.getCompletedAt() != null) {
            entries.add(TimelineEntry.at(action.getCompletedAt(), Kind.IMPROVEMENT_ACTION, "Improvement action done")
                    .actor(action.getCompletedBy()).detail(action.getDescription()).build());
        }
    }

    /** Notes are free text: the entry names the field; the text itself is only in {@code text}. */
    private static TimelineEntry note(ComplaintNote note) {
        return TimelineEntry.at(note.getRecordedAt(), Kind.NOTE, "Note: " + note.getField())
                .actor(note.getAuthor())
                .detail(note.getField() + (note.getTaskKey() == null ? "" : " written in " + note.getTaskKey()))
                .text(note.getBody()).build();
    }

    /** An entry whose actor has no task groups gets the actor's own groups, as the identity service has them. */
    private List<TimelineEntry> withActorGroups(List<TimelineEntry> entries) {
        Map<String, List<String>> groupsOf = new HashMap<>();
        return withoutEngineUser(() -> entries.stream().map(entry -> {
            if (entry.actor() == null || !entry.actorGroups().isEmpty() || AuditLog.CUSTOMER.equals(entry.actor())) {
                return entry;
            }
            List<String> groups = groupsOf.computeIfAbsent(entry.actor(), user -> identity.createGroupQuery()
                    .groupMember(user).orderByGroupId().asc().list().stream().map(Group::getId).toList());
            return groups.isEmpty() ? entry : entry.withActorGroups(groups);
        }).toList());
    }

    private static Summary summary(Complaint c, List<DeadlineVerdict> verdicts, List<TimelineEntry> entries,
                                   List<ImprovementAction> actions, List<ComplaintNote> notes) {
        int met = count(verdicts, Verdict.MET);
        int missed = count(verdicts, Verdict.MISSED);
        int open = count(verdicts, Verdict.OPEN);
        Set<String> handledBy = new LinkedHashSet<>();
        if (c.getCaseHandler() != null) {
            handledBy.add(c.getCaseHandler());
        }
        entries.stream().filter(e -> e.kind() == Kind.TASK && e.actor() != null).forEach(e -> handledBy.add(e.actor()));
        List<String> improvements = actions.stream().map(a -> a.getDescription() + " (" + a.getOwnerGroup()
                + ", due " + a.getDueOn() + ", " + a.getStatus().name().toLowerCase(Locale.ROOT) + ")").toList();
        String closure = c.getClosedAt() == null ? "open" : c.getClosureReason() == null ? c.getStatus().name()
                : words(c.getClosureReason().name());
        return new Summary(missed == 0, met, missed, open, c.getCaseHandler(), List.copyOf(handledBy),
                c.getOutcome() != null ? name(c.getOutcome()) : latestOutcomeNote(notes),
                name(c.getStage1Outcome()), name(c.getStage2Outcome()), name(c.getRootCause()),
                closure, improvements, List.copyOf(verdicts));
    }

    /**
     * The decision the last response form recorded (the task forms note stage1Outcome, stage2Outcome and
     * icpOutcome), for complaints whose record does not hold the outcome itself.
     */
    private static String latestOutcomeNote(List<ComplaintNote> notes) {
        ComplaintNote latest = null;
        for (ComplaintNote note : notes) {
            if (OUTCOME_NOTES.contains(note.getField())) {
                latest = note;
            }
        }
        return latest == null ? null : words(latest.getBody());
    }

    private static final Set<String> OUTCOME_NOTES = Set.of("stage1Outcome", "stage2Outcome", "icpOutcome");

    private static int count(List<DeadlineVerdict> verdicts, Verdict verdict) {
        return (int) verdicts.stream().filter(v -> v.verdict() == verdict).count();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : words(value.name());
    }

    /** "PARTLY_UPHELD" -> "partly upheld". */
    private static String words(String constant) {
        return constant.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
