package uk.putitright.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Adds working days to a moment. Named {@code workingDays} so BPMN expressions can call it, e.g.
 * {@code camunda:dueDate="${workingDays.fromNow(2)}"}.
 *
 * <p>Counting rule: a moment on a non-working day, or after the end of the working day, counts from the
 * next working day ("day 0"); the result is the end of the working day N working days later. So 0 days
 * means "by the end of the working day it arrived".
 */
@Component("workingDays")
public class WorkingDays {

    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final CalendarProperties properties;
    private final HolidayManager holidays =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private final Map<Integer, Set<LocalDate>> bankHolidaysByYear = new ConcurrentHashMap<>();

    public WorkingDays(CalendarProperties properties) {
        this.properties = properties;
    }

    public ZoneId zone() {
        return properties.zone();
    }

    /** The day of a moment where the landlord works, as letters and pages write it: "Tuesday 29 December 2026". */
    public String ukDate(Instant moment) {
        return UK_DATE.format(moment.atZone(properties.zone()));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !bankHolidays(date.getYear()).contains(date)
                && !properties.closureDates().contains(date);
    }

    /** The end of the working day {@code days} working days after {@code from}. */
    public Instant add(Instant from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + days);
        }
        LocalDate date = firstCountingDay(from);
        for (int counted = 0; counted < days; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return endOfWorkingDay(date);
    }

    /** For process expressions: java.util.Date in, java.util.Date out. */
    public Date add(Date from, int days) {
        return Date.from(add(from.toInstant(), days));
    }

    /** N working days from the engine's clock (which tests move with ClockUtil). */
    public Date fromNow(int days) {
        return add(ClockUtil.getCurrentTime(), days);
    }

    /** The end of the working day on {@code date}, or on the next working day if it is not one. */
    public Instant endOfWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return endOfWorkingDay(day);
    }

    /** Working days strictly after {@code from}'s counting day up to and including {@code to}'s date. */
    public int between(Instant from, Instant to) {
        LocalDate start = firstCountingDay(from);
        LocalDate end = to.atZone(properties.zone()).toLocalDate();
        int count = 0;
        for (LocalDate d = start.plusDays(1); !d.isAfter(end); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private LocalDate firstCountingDay(Instant from) {
        ZonedDateTime local = from.atZone(properties.zone());
        LocalDate date = local.toLocalDate();
        if (local.toLocalTime().isAfter(properties.endOfWorkingDay()) || !isWorkingDay(date)) {
            date = date.plusDays(1);
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
        }
        return date;
    }

    private Instant endOfWorkingDay(LocalDate date) {
        return date.atTime(properties.endOfWorkingDay()).atZone(properties.zone()).toInstant();
    }

    private Set<LocalDate> bankHolidays(int year) {
        return bankHolidaysByYear.computeIfAbsent(year, y -> holidays.getHolidays(Year.of(y), "eng").stream()
                // a weekend holiday's substitute Monday is the day off; the weekend date itself is no working day anyway
                .map(holiday -> holiday.getObservedDate().orElse(holiday.getDate()))
                .collect(Collectors.toUnmodifiableSet()));
    }
}
