package uk.putitright.cases;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import uk.putitright.audit.AuditLog;
import uk.putitright.audit.TimelineEntry;
import uk.putitright.audit.TimelineEntry.Kind;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.security.StaffNames;

/**
 * The case page's timeline as staff read it, from the full (auditor's) timeline: milestones, tasks done,
 * letters and their delivery, contacts, notes, decisions, breaches and extensions; names instead of login ids,
 * UK local times instead of ISO UTC, "Stage 2" instead of STAGE_2. Engine internals (gateways, jobs, messages,
 * the called processes) stay on the full view, and a failed email is said in plain words, never with the
 * exception the engine recorded.
 */
@Component
class StaffTimeline {

    private static final Set<Kind> STAFF_KINDS = EnumSet.of(Kind.MILESTONE, Kind.BREACH, Kind.EXTENSION,
            Kind.ESCALATION_REFUSED, Kind.TASK, Kind.LETTER, Kind.LETTER_DELIVERED, Kind.AUDIT_EVENT, Kind.NOTE,
            Kind.IMPROVEMENT_ACTION, Kind.INCIDENT);

    /** Audit events as staff say them (keys: the action in lower case words); null: not on the staff view. */
    private static final Map<String, String> AUDIT_TITLES = Map.ofEntries(
            Map.entry("message escalate", "Customer asked for a Stage 2 review"),
            Map.entry("message accept put it right outcome", "Customer accepted what was done to put it right"),
            Map.entry("message request icp", "Customer asked for the Independent Complaints Panel"),
            Map.entry("message choose designated person", "Customer chose to go to a designated person"),
            Map.entry("message withdraw", "Customer withdrew the complaint"),
            Map.entry("message ombudsman enquiry", "Enquiry from the Housing Ombudsman recorded"),
            Map.entry("process migrated", "Moved to the current version of the procedure"),
            Map.entry("personal data erased", "Personal data erased"),
            Map.entry("survey answer recorded", "Satisfaction survey answer recorded"),
            Map.entry("improvement action done", "Improvement action done"));
    /** Audit events that are about reading the case, or shown as their note instead. */
    private static final Set<String> NOT_SHOWN = Set.of("case viewed", "contact recorded");
    /** Details that name engine internals (a message's name, a process version), left off. */
    private static final Set<String> WITHOUT_DETAIL = Set.of("process migrated");

    private static final Pattern ISO_INSTANT = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z\\b");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b(?:CLOSED|OPEN|WITHDRAWN)\\b");
    private static final Pattern LETTER_TYPE_FIRST = Pattern.compile("^[A-Z][A-Z0-9_]* ");

    private final StaffNames staffNames;
    private final LandlordProperties landlords;

    StaffTimeline(StaffNames staffNames, LandlordProperties landlords) {
        this.staffNames = staffNames;
        this.landlords = landlords;
    }

    /** Newest first; {@code time} formats an instant as the case page does (UK local time). */
    List<CaseFile.Event> of(List<TimelineEntry> entries, Function<Instant, String> time) {
        return entries.stream()
                .filter(e -> STAFF_KINDS.contains(e.kind()))
                .filter(e -> e.kind() != Kind.AUDIT_EVENT || !NOT_SHOWN.contains(action(e)))
                .filter(e -> e.kind() != Kind.TASK || e.endTime() != null)
                .sorted(Comparator.comparing(TimelineEntry::time, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(e -> event(e, time)).toList();
    }

    private CaseFile.Event event(TimelineEntry entry, Function<Instant, String> time) {
        String by = entry.actor() == null ? null
                : AuditLog.CUSTOMER.equals(entry.actor()) ? "Customer" : staffNames.of(entry.actor());
        String title = entry.title();
        String detail = entry.detail();
        String text = entry.text();
        switch (entry.kind()) {
            case NOTE -> {
                if (text != null) {
                    title = CaseFile.noteTitle(entry.detail(), text);
                    text = CaseFile.noteBody(entry.detail(), text);
                }
                detail = null;
            }
            case TASK -> title = entry.title() + " done";
            case LETTER, LETTER_DELIVERED -> detail = detail == null ? null
                    : LETTER_TYPE_FIRST.matcher(detail).replaceFirst("");
            case AUDIT_EVENT -> {
                String action = action(entry);
                title = AUDIT_TITLES.getOrDefault(action, CaseFile.words(action));
                if (action.startsWith("message ") || WITHOUT_DETAIL.contains(action)) {
                    detail = null;
                }
            }
            case INCIDENT -> {
                boolean open = detail != null && detail.startsWith("open");
                boolean letter = detail != null && detail.contains(" in letter-delivery:");
                title = letter ? "A letter could not be emailed" : "An automatic step could not run";
                detail = (open ? "IT support has been alerted and it will be tried again"
                        : "Put right: it ran again") + (letter ? "; the letter is in the list below" : "");
            }
            case MILESTONE -> detail = withLandlordNames(detail);
            default -> {
            }
        }
        return new CaseFile.Event(entry.time(), time.apply(entry.time()), entry.kind().name(), plain(title, time), by,
                plain(detail, time), text);
    }

    /** The audit event's action as lower case words ("MESSAGE_ESCALATE" becomes "message escalate"). */
    private static String action(TimelineEntry entry) {
        return entry.title().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** "by Phone for chorus-homes" names the landlord as people do. */
    private String withLandlordNames(String detail) {
        if (detail == null) {
            return null;
        }
        String named = detail;
        for (var landlord : landlords.landlords().entrySet()) {
            named = named.replace("for " + landlord.getKey(), "for " + landlord.getValue().name());
        }
        return named;
    }

    /** ISO UTC instants as UK local times, codes (STAGE_2, CLOSED) as words (Stage 2, Closed). */
    static String plain(String text, Function<Instant, String> time) {
        if (text == null) {
            return null;
        }
        Matcher instants = ISO_INSTANT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (instants.find()) {
            String replacement;
            try {
                replacement = time.apply(Instant.parse(instants.group()));
            } catch (DateTimeParseException notAnInstant) {
                replacement = instants.group();
            }
            instants.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        instants.appendTail(out);
        Matcher codes = CODE.matcher(out.toString());
        StringBuilder worded = new StringBuilder();
        while (codes.find()) {
            String code = codes.group();
            String words = code.startsWith("STAGE_") || code.equals("PUT_IT_RIGHT") || code.equals("INTAKE")
                    ? CaseFile.stageLabel(code) : CaseFile.words(code);
            // mid-sentence, "Closed" reads as "closed"; a stage keeps its capital
            if (codes.start() > 0 && !code.startsWith("STAGE_")) {
                words = words.toLowerCase(Locale.ROOT);
            }
            codes.appendReplacement(worded, Matcher.quoteReplacement(words));
        }
        codes.appendTail(worded);
        return worded.toString();
    }
}
