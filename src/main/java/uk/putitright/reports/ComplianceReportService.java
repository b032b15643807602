package uk.putitright.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.complaint.Outcome;
import uk.putitright.complaint.Stage;
import uk.putitright.intake.InvalidFieldException;
import uk.putitright.reports.ComplianceReport.Action;
import uk.putitright.reports.ComplianceReport.Ch01;
import uk.putitright.reports.ComplianceReport.Ch02;
import uk.putitright.reports.ComplianceReport.DataQualityProblem;
import uk.putitright.reports.ComplianceReport.ImprovementActions;
import uk.putitright.reports.ComplianceReport.Received;
import uk.putitright.reports.ComplianceReport.StageVolume;
import uk.putitright.reports.ComplianceReport.Survey;
import uk.putitright.reports.ComplianceReport.Timeliness;

/**
 * Works out the {@link ComplianceReport} with a handful of aggregate queries, each reading one landlord's
 * index range for one date in the period (V6 and V7 indexes), so a year over a million complaints stays well
 * under a second on PostgreSQL. The SQL is plain enough for H2 too ({@code count(*) filter (where ...)}, no
 * GROUPING SETS): one GROUP BY over every dimension, rolled up here.
 */
@Service
public class ComplianceReportService {

    /** How many references or actions a report lists; the counts are always complete. */
    public static final int LIST_LIMIT = 100;

    /** Closures that follow a response, where whoever responded should have named a root cause. */
    private static final String RESPONSE_CLOSURES = "('RESOLVED_AT_STAGE_1', 'FINAL_RESPONSE', "
            + "'REFERRED_BY_DESIGNATED_PERSON', 'ICP_CONCLUDED')";

    private final NamedParameterJdbcTemplate jdbc;
    private final LandlordProperties landlords;
    private final WorkingDays workingDays;

    public ComplianceReportService(NamedParameterJdbcTemplate jdbc, LandlordProperties landlords,
                                   WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.landlords = landlords;
        this.workingDays = workingDays;
    }

    /** This installation's landlord ({@code putitright.landlord}) when none is asked for. */
    public String landlordOrDefault(String requested) {
        String landlord = requested == null || requested.isBlank() ? landlords.landlord() : requested.strip();
        if (!landlords.isKnown(landlord)) {
            throw new InvalidFieldException("landlord", "is not a known landlord (one of "
                    + String.join(", ", landlords.landlords().keySet().stream().sorted().toList()) + ")");
        }
        return landlord;
    }

    public ReportPeriod period(String from, String to) {
        return ReportPeriod.parse(from, to, workingDays.zone());
    }

    public ReportPeriod financialYear(int year) {
        return ReportPeriod.financialYear(year, workingDays.zone());
    }

    /** The current financial year (1 April to 31 March) by the application's clock. */
    public ReportPeriod currentFinancialYear() {
        return ReportPeriod.financialYearOf(today(), workingDays.zone());
    }

    @Transactional(readOnly = true)
    public ComplianceReport report(String landlordKey, ReportPeriod period) {
        String landlord = landlordOrDefault(landlordKey);
        LandlordProperties.Landlord config = landlords.get(landlord);
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("landlord", landlord)
                .addValue("start", period.start())
                .addValue("end", period.end())
                .addValue("today", today());

        List<DataQualityProblem> problems = new ArrayList<>();
        Received received = received(p, problems);
        Ch01 ch01 = new Ch01(volume(count(p, "stage1_started_at"), config.homes()),
                volume(count(p, "stage2_requested_at"), config.homes()));
        Ch02 ch02 = new Ch02(timeliness(p, StageColumns.STAGE_1, problems),
                timeliness(p, StageColumns.STAGE_2, problems));
        long closed = closed(p, problems);
        return new ComplianceReport(landlord, config.name(), period.from(), period.to(), config.homes(),
                ClockUtil.getCurrentTime().toInstant(), ch01, ch02, received, closed,
                extensionsByStage(p), breachesByDeadline(p),
                count(p, "icp_referred_at"), count(p, "ombudsman_enquiry_at"),
                survey(p), improvementActions(p), problems);
    }

    // ---------------------------------------------------------------- complaints received

    private Received received(MapSqlParameterSource p, List<DataQualityProblem> problems) {
        List<Group> groups = jdbc.query("""
                select channel, nullif(trim(service_area), '') as category, business_line,
                       coalesce(stage2_outcome, stage1_outcome) as outcome, root_cause, status, count(*) as n
                from complaint
                where landlord = :landlord and received_at >= :start and received_at < :end
                group by channel, nullif(trim(service_area), ''), business_line,
                         coalesce(stage2_outcome, stage1_outcome), root_cause, status
                """, p, (rs, i) -> new Group(rs.getString("channel"), rs.getString("category"),
                rs.getString("business_line"), rs.getString("outcome"), rs.getString("root_cause"),
                rs.getString("status"), rs.getLong("n")));
        long total = groups.stream().mapToLong(Group::n).sum();
        Map<String, Long> byCategory = rollUp(groups, Group::category, List.of());
        long noCategory = byCategory.getOrDefault(ComplianceReport.NOT_RECORDED, 0L);
        problem(problems, "NO_CATEGORY", "Complaints received in the period with no category (service area)",
                noCategory, p, """
                        landlord = :landlord and received_at >= :start and received_at < :end
                        and nullif(trim(service_area), '') is null""", "received_at");
        return new Received(total,
                rollUp(groups, Group::status, names(ComplaintStatus.values())),
                rollUp(groups, Group::channel, names(Channel.values())),
                byCategory,
                rollUp(groups, Group::businessLine, List.of()),
                rollUp(groups, Group::outcome, names(Outcome.values())),
                rollUp(groups, Group::rootCause, List.of()));
    }

    private record Group(String channel, String category, String businessLine, String outcome, String rootCause,
                         String status, long n) {
    }

    /**
     * Totals per value: the known values first in their own order (with zeros), then any others by count,
     * largest first, then the complaints without a value.
     */
    private static Map<String, Long> rollUp(List<Group> groups, Function<Group, String> key, List<String> known) {
        Map<String, Long> totals = groups.stream().collect(Collectors.groupingBy(
                g -> key.apply(g) == null ? ComplianceReport.NOT_RECORDED : key.apply(g),
                Collectors.summingLong(Group::n)));
        Map<String, Long> ordered = new LinkedHashMap<>();
        known.forEach(k -> ordered.put(k, totals.getOrDefault(k, 0L)));
        totals.entrySet().stream()
                .filter(e -> !ordered.containsKey(e.getKey()) && !e.getKey().equals(ComplianceReport.NOT_RECORDED))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        if (totals.containsKey(ComplianceReport.NOT_RECORDED)) {
            ordered.put(ComplianceReport.NOT_RECORDED, totals.get(ComplianceReport.NOT_RECORDED));
        }
        return ordered;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    // ---------------------------------------------------------------- stages (CH01, CH02)

    /** The complaint columns of one stage's response; constants only, never request input. */
    private enum StageColumns {
        STAGE_1("stage1_responded_at", "stage1_response_by", "stage1_working_days", "stage1_outcome"),
        STAGE_2("final_response_at", "stage2_response_by", "stage2_working_days", "stage2_outcome");

        final String respondedAt;
        final String deadline;
        final String workingDays;
        final String outcome;

        StageColumns(String respondedAt, String deadline, String workingDays, String outcome) {
            this.respondedAt = respondedAt;
            this.deadline = deadline;
            this.workingDays = workingDays;
            this.outcome = outcome;
        }
    }

    /** Complaints of the landlord with the given date column in the period. */
    private long count(MapSqlParameterSource p, String dateColumn) {
        return jdbc.queryForObject("select count(*) from complaint where landlord = :landlord and " + dateColumn
                + " >= :start and " + dateColumn + " < :end", p, Long.class);
    }

    private static StageVolume volume(long complaints, Integer homes) {
        BigDecimal per1000 = homes == null || homes <= 0 ? null
                : BigDecimal.valueOf(complaints * 1000L).divide(BigDecimal.valueOf(homes), 1, RoundingMode.HALF_UP);
        return new StageVolume(complaints, per1000);
    }

    private Timeliness timeliness(MapSqlParameterSource p, StageColumns stage, List<DataQualityProblem> problems) {
        String range = "landlord = :landlord and " + stage.respondedAt + " >= :start and " + stage.respondedAt
                + " < :end";
        long[] row = jdbc.queryForObject("select count(*) as responses,"
                + " count(*) filter (where " + stage.respondedAt + " <= " + stage.deadline + ") as on_time,"
                + " count(" + stage.workingDays + ") as timed, coalesce(sum(" + stage.workingDays + "), 0) as days,"
                + " count(*) filter (where " + stage.outcome + " is null) as no_outcome,"
                + " count(*) filter (where " + stage.deadline + " is null) as no_deadline"
                + " from complaint where " + range, p,
                (rs, i) -> longs(rs, "responses", "on_time", "timed", "days", "no_outcome", "no_deadline"));
        String name = stage == StageColumns.STAGE_1 ? "Stage 1" : "Stage 2";
        problem(problems, stage.name() + "_RESPONSE_WITHOUT_OUTCOME",
                name + " responses sent in the period with no outcome (upheld or not) recorded",
                row[4], p, range + " and " + stage.outcome + " is null", stage.respondedAt);
        problem(problems, stage.name() + "_RESPONSE_WITHOUT_DEADLINE",
                name + " responses sent in the period with no response deadline (counted as not within timescale)",
                row[5], p, range + " and " + stage.deadline + " is null", stage.respondedAt);
        return new Timeliness(row[0], row[1], ComplianceReport.percent(row[1], row[0]),
                ComplianceReport.average(row[3], row[2]));
    }

    private long closed(MapSqlParameterSource p, List<DataQualityProblem> problems) {
        String range = "landlord = :landlord and closed_at >= :start and closed_at < :end";
        String noRootCause = " and root_cause is null and closure_reason in " + RESPONSE_CLOSURES;
        long[] row = jdbc.queryForObject("select count(*) as closed,"
                + " count(*) filter (where 1 = 1" + noRootCause + ") as no_root_cause"
                + " from complaint where " + range, p, (rs, i) -> longs(rs, "closed", "no_root_cause"));
        problem(problems, "CLOSED_WITHOUT_ROOT_CAUSE",
                "Complaints closed in the period after a response with no root cause recorded",
                row[1], p, range + noRootCause, "closed_at");
        return row[0];
    }

    // ---------------------------------------------------------------- extensions, breaches, survey, actions

    private Map<String, Long> extensionsByStage(MapSqlParameterSource p) {
        return countsBy(p, """
                select e.stage as k, count(*) as n from complaint_extension e join complaint c on c.id = e.complaint_id
                where c.landlord = :landlord and e.recorded_at >= :start and e.recorded_at < :end
                group by e.stage""", List.of(Stage.STAGE_1.name(), Stage.STAGE_2.name()));
    }

    /** Breaches whose deadline fell in the period. */
    private Map<String, Long> breachesByDeadline(MapSqlParameterSource p) {
        return countsBy(p, """
                select b.deadline as k, count(*) as n from complaint_breach b join complaint c on c.id = b.complaint_id
                where c.landlord = :landlord and b.due_at >= :start and b.due_at < :end
                group by b.deadline""", names(DeadlineType.values()).stream()
                .filter(d -> !d.equals(DeadlineType.ESCALATION_WINDOW.name())
                        && !d.equals(DeadlineType.OMBUDSMAN_ELIGIBLE.name())).toList());
    }

    private Map<String, Long> countsBy(MapSqlParameterSource p, String sql, List<String> known) {
        Map<String, Long> found = new LinkedHashMap<>();
        jdbc.query(sql, p, rs -> {
            found.put(rs.getString("k") == null ? ComplianceReport.NOT_RECORDED : rs.getString("k"), rs.getLong("n"));
        });
        Map<String, Long> ordered = new LinkedHashMap<>();
        known.forEach(k -> ordered.put(k, found.getOrDefault(k, 0L)));
        found.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        return ordered;
    }

    private Survey survey(MapSqlParameterSource p) {
        long[] row = jdbc.queryForObject("""
                select count(*) as responses, coalesce(sum(s.rating), 0) as total,
                       count(*) filter (where s.rating >= 4) as satisfied
                from survey_response s join complaint c on c.id = s.complaint_id
                where c.landlord = :landlord and s.recorded_at >= :start and s.recorded_at < :end""", p,
                (rs, i) -> longs(rs, "responses", "total", "satisfied"));
        return new Survey(row[0], ComplianceReport.average(row[1], row[0]), row[2],
                ComplianceReport.percent(row[2], row[0]));
    }

    private ImprovementActions improvementActions(MapSqlParameterSource p) {
        String from = """
                from improvement_action a join complaint c on c.id = a.complaint_id
                where c.landlord = :landlord and a.created_at >= :start and a.created_at < :end""";
        long[] row = jdbc.queryForObject("""
                select count(*) as raised, count(*) filter (where a.status = 'DONE') as done,
                       count(*) filter (where a.status = 'OPEN') as still_open,
                       count(*) filter (where a.status = 'OPEN' and a.due_on < :today) as overdue
                """ + from, p, (rs, i) -> longs(rs, "raised", "done", "still_open", "overdue"));
        LocalDate today = (LocalDate) p.getValue("today");
        List<Action> actions = jdbc.query("select c.reference, a.description, a.owner_group, a.due_on, a.status "
                + from + " order by a.due_on, a.id fetch first " + LIST_LIMIT + " rows only", p, (rs, i) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    String status = rs.getString("status");
                    return new Action(rs.getString("reference"), rs.getString("description"),
                            rs.getString("owner_group"), due, status, "OPEN".equals(status) && due.isBefore(today));
                });
        return new ImprovementActions(row[0], row[1], row[2], row[3], actions);
    }

    // ---------------------------------------------------------------- data quality

    /**
     * Records a problem with its count, listing the first complaints in the order of the period's date column
     * ({@code orderBy}): the ids come from that date's covering index, read in its order, so only the listed
     * complaints themselves are read from the table.
     */
    private void problem(List<DataQualityProblem> problems, String code, String description, long count,
                         MapSqlParameterSource p, String where, String orderBy) {
        List<String> references = count == 0 ? List.of() : jdbc.queryForList("select reference from complaint"
                + " where id in (select id from complaint where " + where + " order by " + orderBy
                + " fetch first " + LIST_LIMIT + " rows only) order by " + orderBy + ", id", p, String.class);
        problems.add(new DataQualityProblem(code, description, count, references));
    }

    private static long[] longs(ResultSet rs, String... columns) throws SQLException {
        long[] values = new long[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = rs.getLong(columns[i]);
        }
        return values;
    }

    private LocalDate today() {
        return Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(workingDays.zone()).toLocalDate();
    }
}
