package uk.putitright.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.audit.AuditLog;
import uk.putitright.audit.DeadlineVerdict;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.security.StaffNames;

/**
 * Finds and lists complaints for staff: one page of rows in the asked order, the total, and for each filter
 * the count of each of its values given the other filters (so a manager sees "overdue 7" before clicking).
 * Every search is written to the audit log with who asked and what.
 */
@Service
public class CaseSearch {

    /** One row of the case list. */
    public record Row(String reference, String customer, String stage, String status, String landlord,
                      String businessLine, String channel, Instant receivedAt, NextDeadline nextDeadline,
                      String caseHandler, String caseHandlerName) {
    }

    public record NextDeadline(String deadline, String label, Instant dueAt, String verdict,
                               int workingDaysOverdue, String text) {
    }

    /** The answer: {@code items}, {@code total}, and {@code counts} per filter and value. */
    public record Result(List<Row> items, long total, int page, int size, Map<String, Map<String, Long>> counts) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseTeams teams;
    private final WorkingDays workingDays;
    private final LandlordProperties landlords;
    private final StaffNames staffNames;
    private final AuditLog audit;
    private final org.camunda.bpm.engine.IdentityService identity;
    private final CaseAccess access;

    CaseSearch(NamedParameterJdbcTemplate jdbc, CaseTeams teams, WorkingDays workingDays,
               LandlordProperties landlords, StaffNames staffNames, AuditLog audit,
               org.camunda.bpm.engine.IdentityService identity, CaseAccess access) {
        this.access = access;
        this.identity = identity;
        this.jdbc = jdbc;
        this.teams = teams;
        this.workingDays = workingDays;
        this.landlords = landlords;
        this.staffNames = staffNames;
        this.audit = audit;
    }

    public CaseQuery parse(Map<String, String> params) {
        return CaseQuery.parse(params, landlords.landlords().keySet(), teams.teams());
    }

    /** The search a reader asked for, within the cases they may read ({@link CaseAccess}): API and page alike. */
    @Transactional
    public Result search(Map<String, String> params, org.springframework.security.core.Authentication reader) {
        return search(parse(params), access.scope(reader), reader.getName());
    }

    @Transactional
    public Result search(CaseQuery query, CaseAccess.Scope scope, String reader) {
        boolean panelOnly = scope == CaseAccess.Scope.REFERRED_TO_PANEL;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant dueBy = workingDays.add(now, query.dueWithin() == null ? 0 : query.dueWithin());
        Map<String, Set<String>> byTeam = teams.referencesByTeam();
        Function<CaseQuery, CaseSearchSql.Where> where = q -> CaseSearchSql.where(q,
                q.team() == null ? null : byTeam.get(q.team()), panelOnly, now, dueBy, workingDays.zone());

        CaseSearchSql.Where all = where.apply(query);
        long total = jdbc.queryForObject("select count(*)" + CaseSearchSql.FROM + all.sql(), all.params(), Long.class);
        Map<String, Object> paged = new LinkedHashMap<>(all.params());
        paged.put("limit", query.size());
        paged.put("offset", (long) query.page() * query.size());
        List<Row> rows = jdbc.query("select c.reference, c.customer_name, c.stage, c.status, c.landlord,"
                + " c.business_line, c.channel, c.received_at, c.next_deadline, c.next_deadline_at, c.case_handler"
                + CaseSearchSql.FROM + all.sql() + CaseSearchSql.orderBy(query.sort())
                + " limit :limit offset :offset", paged, (rs, n) -> row(rs, now));
        // the case handlers' names, read as the engine: a reader may not read other users' profiles
        List<Row> items = EngineReads.asEngine(identity, () -> rows.stream().map(this::named).toList());

        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("status", grouped("lower(c.status)", where.apply(query.without(CaseQuery.Filter.STATUS))));
        counts.put("stage", grouped("c.stage", where.apply(query.without(CaseQuery.Filter.STAGE))));
        counts.put("handler", grouped("c.case_handler", where.apply(query.without(CaseQuery.Filter.HANDLER))));
        counts.put("landlord", grouped("c.landlord", where.apply(query.without(CaseQuery.Filter.LANDLORD))));
        counts.put("businessLine", grouped("c.business_line",
                where.apply(query.without(CaseQuery.Filter.BUSINESS_LINE))));
        counts.put("channel", grouped("c.channel", where.apply(query.without(CaseQuery.Filter.CHANNEL))));
        CaseQuery withoutDeadlines = query.without(CaseQuery.Filter.OVERDUE).without(CaseQuery.Filter.DUE_WITHIN);
        Map<String, Long> deadlines = new LinkedHashMap<>();
        deadlines.put("overdue", count(where.apply(withFlag(withoutDeadlines, true, null))));
        int days = query.dueWithin() == null ? 0 : query.dueWithin();
        deadlines.put("dueWithin" + days, count(CaseSearchSql.where(withFlag(withoutDeadlines, false, days),
                query.team() == null ? null : byTeam.get(query.team()), panelOnly, now, dueBy, workingDays.zone())));
        counts.put("deadline", deadlines);
        Map<String, Long> teamCounts = new LinkedHashMap<>();
        CaseQuery withoutTeam = query.without(CaseQuery.Filter.TEAM);
        byTeam.forEach((team, references) -> teamCounts.put(team, count(CaseSearchSql.where(withoutTeam, references,
                panelOnly, now, dueBy, workingDays.zone()))));
        counts.put("team", teamCounts);

        audit.record(null, reader, "CASE_SEARCH", query.describe() + " found=" + total);
        return new Result(items, total, query.page(), query.size(), counts);
    }

    private static CaseQuery withFlag(CaseQuery q, boolean overdue, Integer dueWithin) {
        return new CaseQuery(q.q(), q.status(), q.stage(), overdue, dueWithin, q.handler(), q.team(), q.landlord(),
                q.businessLine(), q.channel(), q.receivedFrom(), q.receivedTo(), q.sort(), q.page(), q.size());
    }

    private Map<String, Long> grouped(String column, CaseSearchSql.Where where) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select " + column + " as v, count(*) as n" + CaseSearchSql.FROM + where.sql() + " group by "
                + column + " order by 2 desc, 1", where.params(), rs -> {
                    String value = rs.getString("v");
                    counts.put(value == null ? "none" : value, rs.getLong("n"));
                });
        return counts;
    }

    private long count(CaseSearchSql.Where where) {
        return jdbc.queryForObject("select count(*)" + CaseSearchSql.FROM + where.sql(), where.params(), Long.class);
    }

    private Row row(ResultSet rs, Instant now) throws SQLException {
        String deadline = rs.getString("next_deadline");
        Instant dueAt = instant(rs, "next_deadline_at");
        NextDeadline next = null;
        if (deadline != null && dueAt != null) {
            DeadlineType type = DeadlineType.valueOf(deadline);
            DeadlineStatus status = DeadlineStatus.of(dueAt, now, workingDays);
            next = new NextDeadline(type.name(), DeadlineVerdict.label(type), dueAt, status.verdict(),
                    status.workingDaysOverdue(), status.text());
        }
        return new Row(rs.getString("reference"), rs.getString("customer_name"), rs.getString("stage"),
                rs.getString("status"), rs.getString("landlord"), rs.getString("business_line"),
                rs.getString("channel"), instant(rs, "received_at"), next, rs.getString("case_handler"), null);
    }

    private Row named(Row row) {
        return new Row(row.reference(), row.customer(), row.stage(), row.status(), row.landlord(), row.businessLine(),
                row.channel(), row.receivedAt(), row.nextDeadline(), row.caseHandler(), staffNames.of(row.caseHandler()));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
