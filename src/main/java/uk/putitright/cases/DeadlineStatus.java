package uk.putitright.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import uk.putitright.calendar.WorkingDays;

/**
 * A due time as staff read it: "on time", "due today" (by the end of today, UK time) or "overdue by N working
 * days" (at least 1 once the time has passed).
 */
public record DeadlineStatus(String verdict, int workingDaysOverdue, String text) {

    public static final String ON_TIME = "ON_TIME";
    public static final String DUE_TODAY = "DUE_TODAY";
    public static final String OVERDUE = "OVERDUE";

    public static DeadlineStatus of(Instant dueAt, Instant now, WorkingDays workingDays) {
        if (dueAt == null) {
            return null;
        }
        ZoneId zone = workingDays.zone();
        if (now.isAfter(dueAt)) {
            int days = Math.max(1, workingDays.between(dueAt, now));
            return new DeadlineStatus(OVERDUE, days, "overdue by " + days + " working day" + (days == 1 ? "" : "s"));
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        if (dueAt.atZone(zone).toLocalDate().equals(today)) {
            return new DeadlineStatus(DUE_TODAY, 0, "due today");
        }
        return new DeadlineStatus(ON_TIME, 0, "on time");
    }
}
