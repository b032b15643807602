package uk.putitright.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone           where the landlord works; deadlines are wall-clock times there
 * @param endOfWorkingDay the time a deadline falls due on its day
 * @param closureDates   extra non-working days (e.g. an office closure between Christmas and New Year)
 */
@ConfigurationProperties("putitright.calendar")
public record CalendarProperties(ZoneId zone, LocalTime endOfWorkingDay, List<LocalDate> closureDates) {

    public CalendarProperties {
        zone = zone == null ? ZoneId.of("Europe/London") : zone;
        endOfWorkingDay = endOfWorkingDay == null ? LocalTime.of(17, 0) : endOfWorkingDay;
        closureDates = closureDates == null ? List.of() : List.copyOf(closureDates);
    }
}
