package uk.putitright.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import uk.putitright.intake.InvalidFieldException;

/**
 * The days a report covers, both inclusive, as the landlord's calendar (Europe/London) counts them: a
 * complaint at 23:30 on 31 March BST belongs to March, though it is 22:30 UTC.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new InvalidFieldException("from", "must not be after to (" + to + ")");
        }
    }

    /** Reads from and to as YYYY-MM-DD, naming the field that is missing or wrong. */
    public static ReportPeriod parse(String from, String to, ZoneId zone) {
        return new ReportPeriod(date("from", from), date("to", to), zone);
    }

    /** The landlord's financial year starting 1 April of {@code year}. */
    public static ReportPeriod financialYear(int year, ZoneId zone) {
        return new ReportPeriod(LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31), zone);
    }

    /** The financial year (1 April to 31 March) that {@code day} falls in. */
    public static ReportPeriod financialYearOf(LocalDate day, ZoneId zone) {
        return financialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1, zone);
    }

    /** First instant of the period, for SQL {@code >=}. */
    public OffsetDateTime start() {
        return from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** First instant after the period, for SQL {@code <}. */
    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date as YYYY-MM-DD");
        }
    }
}
