package uk.putitright.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;

/** What the case templates call ({@code ${@casePages...}}): links that keep the other filters, labels, UK times. */
@Component("casePages")
public class CasePages {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private final WorkingDays workingDays;

    CasePages(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The list with one parameter changed (null removes it), back on the first page unless the page is changed. */
    public String link(Map<String, String> asked, String name, String value) {
        Map<String, String> params = new LinkedHashMap<>(asked);
        params.remove("page");
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        StringBuilder url = new StringBuilder("/cases");
        params.forEach((key, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(key).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return url.toString();
    }

    public String stage(String stage) {
        return CaseFile.stageLabel(stage);
    }

    public String words(String name) {
        return CaseFile.words(name);
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(workingDays.zone()));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(workingDays.zone()));
    }

    /** The CSS class of a verdict: verdict-overdue, verdict-due-today, verdict-on-time. */
    public String verdictClass(String verdict) {
        return "verdict-" + verdict.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
