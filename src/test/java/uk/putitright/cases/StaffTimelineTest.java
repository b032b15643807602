package uk.putitright.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import uk.putitright.audit.TimelineEntry;
import uk.putitright.audit.TimelineEntry.Kind;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.security.StaffNames;

/** The staff timeline says what the full timeline records, as staff read it (no Spring, no engine). */
class StaffTimelineTest {

    private static final Function<Instant, String> UK = instant -> instant == null ? null
            : DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK).format(instant.atZone(ZoneId.of("Europe/London")));

    private final StaffTimeline timeline = new StaffTimeline(namedStaff(), new LandlordProperties("chorus-homes",
            Map.of("chorus-homes", new LandlordProperties.Landlord("Chorus Homes Group", "CHG", null, "", "", "", "",
                    1))));

    @Test
    void codesTimesEngineInternalsAndExceptionsBecomePlainWords() {
        Instant at = Instant.parse("2026-07-01T09:00:00Z");
        List<CaseFile.Event> events = of(List.of(
                entry(at, Kind.MILESTONE, "Complaint received", null, "by Phone for chorus-homes"),
                entry(at.plusSeconds(60), Kind.LETTER, "Letter: Acknowledgement", null,
                        "ACKNOWLEDGEMENT to Zoë Price by email"),
                entry(at.plusSeconds(120), Kind.BREACH, "Missed deadline: Stage 1 response", null,
                        "due 2026-07-15T16:00:00Z; at STAGE_2"),
                entry(at.plusSeconds(180), Kind.AUDIT_EVENT, "MESSAGE_ESCALATE", "customer", "EscalateComplaint"),
                entry(at.plusSeconds(240), Kind.INCIDENT, "Incident (failedJob)", null,
                        "open at Task_SendEmail in letter-delivery: jakarta.mail.MessagingException: Connection refused"),
                entry(at.plusSeconds(300), Kind.GATEWAY, "Resolved?", null, "took the default flow"),
                entry(at.plusSeconds(360), Kind.MESSAGE, "Escalate complaint", null, "EscalateComplaint"),
                entry(at.plusSeconds(420), Kind.AUDIT_EVENT, "CASE_VIEWED", "cs.smith", null),
                entry(at.plusSeconds(480), Kind.TASK, "Investigate complaint", "sm.jones", null)));

        assertThat(events).extracting(CaseFile.Event::title).containsExactly(
                "A letter could not be emailed",
                "Customer asked for a Stage 2 review",
                "Missed deadline: Stage 1 response",
                "Letter: Acknowledgement",
                "Complaint received");
        assertThat(events).extracting(CaseFile.Event::detail).containsExactly(
                "IT support has been alerted and it will be tried again; the letter is in the list below",
                null,
                "due Wed 15 Jul 2026, 17:00; at Stage 2",
                "to Zoë Price by email",
                "by Phone for Chorus Homes Group");
        assertThat(events.get(1).by()).isEqualTo("Customer");
        assertThat(events.get(4).time()).isEqualTo("Wed 1 Jul 2026, 10:00");
    }

    @Test
    void aTaskIsShownWhenDoneWithTheNameOfWhoDidIt() {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        TimelineEntry done = new TimelineEntry(at, at.plusSeconds(60), Kind.TASK, "Investigate complaint", "sm.jones",
                List.of(), null, null, null, null, null);
        assertThat(timeline.of(List.of(done), UK)).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("Investigate complaint done");
            assertThat(event.by()).isEqualTo("Sam Jones");
        });
    }

    private List<CaseFile.Event> of(List<TimelineEntry> entries) {
        return timeline.of(entries, UK);
    }

    private static TimelineEntry entry(Instant at, Kind kind, String title, String actor, String detail) {
        return new TimelineEntry(at, null, kind, title, actor, List.of(), detail, null, null, null, null);
    }

    /** sm.jones is "Sam Jones"; nobody else has a name. */
    private static StaffNames namedStaff() {
        StaffNames names = Mockito.mock(StaffNames.class);
        Mockito.when(names.of(Mockito.anyString())).thenAnswer(call -> "sm.jones".equals(call.getArgument(0))
                ? "Sam Jones" : call.getArgument(0));
        return names;
    }
}
