package uk.putitright.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One landlord's complaint handling figures for a period: the Tenant Satisfaction Measures CH01 and CH02 and
 * what the Complaint Handling Code's annual self-assessment asks for. Maps keep a stable order; a value the
 * records lack is counted under {@link #NOT_RECORDED} rather than left out.
 */
public record ComplianceReport(
        String landlord,
        String landlordName,
        LocalDate from,
        LocalDate to,
        Integer homes,
        Instant generatedAt,
        Ch01 ch01,
        Ch02 ch02,
        Received received,
        long closedInPeriod,
        Map<String, Long> extensionsByStage,
        Map<String, Long> breachesByDeadline,
        long icpReferrals,
        long ombudsmanEnquiries,
        Survey survey,
        ImprovementActions improvementActions,
        List<DataQualityProblem> dataQuality) {

    public static final String NOT_RECORDED = "NOT_RECORDED";

    /** TSM CH01: complaints that reached each stage in the period, also per 1,000 homes. */
    public record Ch01(StageVolume stage1, StageVolume stage2) {
    }

    /** @param per1000Homes null when the landlord's number of homes is not configured */
    public record StageVolume(long complaints, BigDecimal per1000Homes) {
    }

    /** TSM CH02: responses sent in the period and how many met their deadline (extensions included). */
    public record Ch02(Timeliness stage1, Timeliness stage2) {
    }

    /**
     * @param withinTimescale responses sent on or before the stage's deadline; a response whose deadline is
     *                        missing cannot be shown to be in time and is not counted here (see dataQuality)
     * @param averageWorkingDays over the responses whose working days are recorded; null when none are
     */
    public record Timeliness(long responses, long withinTimescale, BigDecimal percentWithinTimescale,
                             BigDecimal averageWorkingDays) {
    }

    /** Complaints received in the period, counted each way. */
    public record Received(long total, Map<String, Long> byStatus, Map<String, Long> byChannel,
                           Map<String, Long> byCategory, Map<String, Long> byBusinessLine,
                           Map<String, Long> byOutcome, Map<String, Long> byRootCause) {
    }

    /** Survey answers recorded in the period; satisfied = a rating of 4 or 5 out of 5. */
    public record Survey(long responses, BigDecimal averageRating, long satisfied, BigDecimal percentSatisfied) {
    }

    /**
     * Improvement actions raised from complaints in the period, and where they stand now.
     *
     * @param actions the first {@link ComplianceReportService#LIST_LIMIT} of them, by due date
     */
    public record ImprovementActions(long raised, long done, long open, long overdue, List<Action> actions) {
    }

    public record Action(String complaintReference, String description, String ownerGroup, LocalDate dueOn,
                         String status, boolean overdue) {
    }

    /**
     * Complaints the report counts although their record is incomplete, so nobody reads the figures as
     * complete when they are not.
     *
     * @param references the first {@link ComplianceReportService#LIST_LIMIT} of them, earliest first
     */
    public record DataQualityProblem(String problem, String description, long count, List<String> references) {
    }

    /** a/b as a percentage to one decimal place (CH02 and the other shares); null when b is 0 (no share of nothing). */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_UP);
    }
}
