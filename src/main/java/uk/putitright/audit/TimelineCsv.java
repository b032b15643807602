package uk.putitright.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The timeline as CSV (RFC 4180): a header row, then one row per entry; CRLF line ends; a field with a comma,
 * quote or line break is quoted, its quotes doubled. Notes appear by field name only, never their text. A field
 * a spreadsheet would run as a formula (starting with = + - @) is prefixed with an apostrophe.
 */
final class TimelineCsv {

    static final List<String> HEADER = List.of("time", "endTime", "kind", "title", "actor", "actorGroups",
            "detail", "dueAt", "verdict", "processInstanceId");

    private TimelineCsv() {
    }

    static String of(ComplaintTimeline.Timeline timeline) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER.stream());
        for (TimelineEntry e : timeline.entries()) {
            row(csv, Stream.of(instant(e.time()), instant(e.endTime()), e.kind().name(), e.title(), e.actor(),
                    String.join(";", e.actorGroups()), e.detail(), instant(e.dueAt()),
                    e.verdict() == null ? null : e.verdict().name(), e.processInstanceId()));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, Stream<String> fields) {
        csv.append(fields.map(SpreadsheetCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String instant(Instant at) {
        return at == null ? null : at.toString();
    }
}
