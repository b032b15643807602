package uk.putitright.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import uk.putitright.audit.DeadlineVerdict.Verdict;

/**
 * One thing that happened to a complaint (or, for a deadline, when it fell due).
 *
 * @param time         when it happened or started (a deadline's due time)
 * @param endTime      when a step, task or incident ended; null for a moment or while still open
 * @param kind         what sort of entry
 * @param title        human readable, e.g. "Investigate complaint"
 * @param actor        the user id who acted ("customer" for the public pages); null for the system
 * @param actorGroups  the task's candidate groups, else the actor's groups
 * @param detail       a short explanation, safe for the CSV (no free text a customer or note wrote)
 * @param dueAt        a task's or deadline's due time
 * @param verdict      for deadlines and breaches: met, missed, open
 * @param processInstanceId the engine process instance it came from, if any
 * @param text         the full text of a note; shown on the page, left out of the CSV
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant time, Instant endTime, Kind kind, String title, String actor,
                            List<String> actorGroups, String detail, Instant dueAt, Verdict verdict,
                            String processInstanceId, String text) {

    public enum Kind {
        /** A date on the complaint record: received, acknowledged, responded, closed... */
        MILESTONE,
        /** A landlord deadline with its verdict. */
        DEADLINE,
        /** A date that opens or closes a door for the customer (escalation window, Ombudsman). */
        WINDOW,
        BREACH,
        EXTENSION,
        /** The landlord refused to take the complaint to Stage 2 (the reason is the entry's text). */
        ESCALATION_REFUSED,
        /** A user task in Tasklist. */
        TASK,
        /** A task claimed, assigned or otherwise handled by a user. */
        TASK_ACTION,
        /** An automatic step of the process (service task, called process, event). */
        STEP,
        SUBPROCESS,
        TIMER,
        MESSAGE,
        GATEWAY,
        EVENT,
        /** Someone changed a process from outside Tasklist, e.g. in Cockpit. */
        INTERVENTION,
        INCIDENT,
        LETTER,
        LETTER_DELIVERED,
        AUDIT_EVENT,
        NOTE,
        IMPROVEMENT_ACTION,
        /** The version of the policy (with the rules that matched) or of a process the complaint ran under. */
        VERSION
    }

    public TimelineEntry {
        actorGroups = actorGroups == null ? List.of() : List.copyOf(actorGroups);
    }

    static Builder at(Instant time, Kind kind, String title) {
        return new Builder(time, kind, title);
    }

    TimelineEntry withActorGroups(List<String> groups) {
        return new TimelineEntry(time, endTime, kind, title, actor, groups, detail, dueAt, verdict,
                processInstanceId, text);
    }

    static final class Builder {
        private final Instant time;
        private final Kind kind;
        private final String title;
        private Instant endTime;
        private String actor;
        private List<String> actorGroups = List.of();
        private String detail;
        private Instant dueAt;
        private Verdict verdict;
        private String processInstanceId;
        private String text;

        private Builder(Instant time, Kind kind, String title) {
            this.time = time;
            this.kind = kind;
            this.title = title;
        }

        Builder ended(Instant value) {
            endTime = value;
            return this;
        }

        Builder actor(String value) {
            actor = value;
            return this;
        }

        Builder groups(List<String> value) {
            actorGroups = value;
            return this;
        }

        Builder detail(String value) {
            detail = value;
            return this;
        }

        Builder due(Instant value) {
            dueAt = value;
            return this;
        }

        Builder verdict(Verdict value) {
            verdict = value;
            return this;
        }

        Builder process(String value) {
            processInstanceId = value;
            return this;
        }

        Builder text(String value) {
            text = value;
            return this;
        }

        TimelineEntry build() {
            return new TimelineEntry(time, endTime, kind, title, actor, actorGroups, detail, dueAt, verdict,
                    processInstanceId, text);
        }
    }
}
