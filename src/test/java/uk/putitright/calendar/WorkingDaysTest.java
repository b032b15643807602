package uk.putitright.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final WorkingDays workingDays = new WorkingDays(new CalendarProperties(null, null, null));

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
        // Christmas 2026: Fri 25 Dec, Boxing Day Sat 26 is moved to Mon 28 Dec
        "2026-12-23T10:00, 2, 2026-12-29",
        "2026-12-24T09:00, 1, 2026-12-29",
        "2026-12-23T10:00, 5, 2027-01-04",   // New Year's Day 2027 is a Friday
        "2026-12-31T12:00, 1, 2027-01-04",
        // Easter 2027: Good Friday 26 March, Easter Monday 29 March
        "2027-03-25T11:00, 1, 2027-03-30",
        "2027-03-24T11:00, 10, 2027-04-09",
        // Early May and Spring bank holidays 2027: Mon 3 May, Mon 31 May
        "2027-04-30T11:00, 1, 2027-05-04",
        "2027-05-28T11:00, 1, 2027-06-01",
        // Summer bank holiday (England and Wales, not Scotland's 2 August): Mon 30 August 2027
        "2027-08-27T11:00, 1, 2027-08-31",
        "2027-08-02T11:00, 1, 2027-08-03",
        // ordinary weeks
        "2026-11-25T10:00, 10, 2026-12-09",
        "2026-11-27T10:00, 0, 2026-11-27",
    })
    void addsWorkingDaysSkippingWeekendsAndEnglandAndWalesBankHolidays(String from, int days, String expected) {
        Instant due = workingDays.add(at(from), days);
        assertThat(due).isEqualTo(LocalDate.parse(expected).atTime(17, 0).atZone(LONDON).toInstant());
    }

    @Test
    void aComplaintArrivingAtTheWeekendOrAfterHoursCountsFromTheNextWorkingDay() {
        // Saturday 28 Nov 2026 -> day 0 is Monday 30 Nov
        assertThat(workingDays.add(at("2026-11-28T10:00"), 0)).isEqualTo(endOfDay("2026-11-30"));
        assertThat(workingDays.add(at("2026-11-28T10:00"), 2)).isEqualTo(endOfDay("2026-12-02"));
        // Friday after 17:00 -> Monday
        assertThat(workingDays.add(at("2026-11-27T17:30"), 0)).isEqualTo(endOfDay("2026-11-30"));
        // Christmas Eve evening -> Tuesday 29 Dec
        assertThat(workingDays.add(at("2026-12-24T18:00"), 0)).isEqualTo(endOfDay("2026-12-29"));
    }

    @Test
    void deadlinesAreEndOfTheWorkingDayInLondonTimeAcrossTheClockChange() {
        // British Summer Time starts Sun 28 March 2027: 17:00 London is 16:00 UTC from then on
        assertThat(workingDays.add(at("2027-03-24T11:00"), 5)).isEqualTo(Instant.parse("2027-04-02T16:00:00Z"));
        assertThat(workingDays.add(at("2027-03-22T11:00"), 1)).isEqualTo(Instant.parse("2027-03-23T17:00:00Z"));
    }

    @Test
    void configuredClosureDatesAreNotWorkingDays() {
        WorkingDays withClosures = new WorkingDays(new CalendarProperties(LONDON, LocalTime.of(17, 0),
                List.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-29"))));
        assertThat(withClosures.add(at("2026-12-23T10:00"), 2)).isEqualTo(endOfDay("2026-12-31"));
        assertThat(withClosures.isWorkingDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.parse("2026-12-24"))).isTrue();
    }

    @Test
    void countsWorkingDaysBetweenTwoMoments() {
        assertThat(workingDays.between(at("2026-12-23T10:00"), endOfDay("2026-12-29"))).isEqualTo(2);
        assertThat(workingDays.between(at("2026-12-23T10:00"), endOfDay("2026-12-23"))).isZero();
    }

    @Test
    void refusesNegativeDays() {
        assertThatThrownBy(() -> workingDays.add(at("2026-12-23T10:00"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Instant at(String londonDateTime) {
        return LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant();
    }

    private static Instant endOfDay(String date) {
        return LocalDate.parse(date).atTime(17, 0).atZone(LONDON).toInstant();
    }
}
