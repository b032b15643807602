package uk.putitright.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.audit.AuditLog;
import uk.putitright.audit.DeadlineVerdict;
import uk.putitright.cases.CaseSearchSql.Facet;
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
        String teamWork = teams.workSql();

        CaseSearchSql.Where all = CaseSearchSql.where(query, teamWork, panelOnly, now, dueBy, workingDays.zone());
        Map<String, Object> paged = new LinkedHashMap<>(all.params());
        paged.put("limit", query.size());
        paged.put("offset", (long) query.page() * query.size());
        List<Row> rows = jdbc.query("select c.reference, c.customer_name, c.stage, c.status, c.landlord,"
                + " c.business_line, c.channel, c.received_at, c.next_deadline, c.next_deadline_at, c.case_handler"
                + CaseSearchSql.FROM + all.sql() + CaseSearchSql.orderBy(query.sort())
                + " limit :limit offset :offset", paged, (rs, n) -> row(rs, now));
        // the case handlers' names, read as the engine: a reader may not read other users' profiles
        List<Row> items = EngineReads.asEngine(identity, () -> rows.stream().map(this::named).toList());

        Counts counts = counts(query, panelOnly, now, dueBy);
        counts.byFilter.put("team", teamCounts(query, teamWork, panelOnly, now, dueBy));

        audit.record(null, reader, "CASE_SEARCH", query.describe() + " found=" + counts.total);
        return new Result(items, counts.total, query.page(), query.size(), counts.byFilter);
    }

    private record Counts(long total, Map<String, Map<String, Long>> byFilter) {
    }

    /**
     * The total and every filter's counts but the team's from one grouped statement
     * ({@link CaseSearchSql#facets}): a group counts for a filter's value when it passes every other filter,
     * and for the total when it passes them all. The deadline counts leave out both deadline filters.
     */
    private Counts counts(CaseQuery query, boolean panelOnly, Instant now, Instant dueBy) {
        Facet[] facets = Facet.values();
        Map<Facet, Map<String, Long>> byFacet = new EnumMap<>(Facet.class);
        for (Facet facet : facets) {
            byFacet.put(facet, new HashMap<>());
        }
        long[] total = {0};
        CaseSearchSql.Where groups = CaseSearchSql.facets(query, teams.workSql(), panelOnly, now, dueBy,
                workingDays.zone());
        jdbc.query(groups.sql(), groups.params(), rs -> {
            String[] values = new String[facets.length];
            boolean[] passes = new boolean[facets.length];
            int failing = 0;
            for (Facet facet : facets) {
                values[facet.ordinal()] = rs.getString(facet.alias());
                passes[facet.ordinal()] = passes(query, facet, values[facet.ordinal()]);
                failing += passes[facet.ordinal()] ? 0 : 1;
            }
            long n = rs.getLong("n");
            if (failing == 0) {
                total[0] += n;
            }
            for (Facet facet : facets) {
                // passes every other filter: none fails, or only this one
                if (failing == 0 || (failing == 1 && !passes[facet.ordinal()])) {
                    String value = facet == Facet.STATUS && values[facet.ordinal()] != null
                            ? values[facet.ordinal()].toLowerCase(Locale.ROOT) : values[facet.ordinal()];
                    byFacet.get(facet).merge(value == null ? "none" : value, n, Long::sum);
                }
            }
        });
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put("status", largestFirst(byFacet.get(Facet.STATUS)));
        counts.put("stage", largestFirst(byFacet.get(Facet.STAGE)));
        counts.put("handler", largestFirst(byFacet.get(Facet.HANDLER)));
        counts.put("landlord", largestFirst(byFacet.get(Facet.LANDLORD)));
        counts.put("businessLine", largestFirst(byFacet.get(Facet.BUSINESS_LINE)));
        counts.put("channel", largestFirst(byFacet.get(Facet.CHANNEL)));
        Map<String, Long> byDeadline = byFacet.get(Facet.DEADLINE);
        Map<String, Long> deadlines = new LinkedHashMap<>();
        deadlines.put("overdue", byDeadline.getOrDefault(CaseSearchSql.OVERDUE, 0L));
        deadlines.put("dueWithin" + (query.dueWithin() == null ? 0 : query.dueWithin()),
                byDeadline.getOrDefault(CaseSearchSql.DUE, 0L));
        counts.put("deadline", deadlines);
        return new Counts(total[0], counts);
    }

    /** Whether a group with this value of the facet passes the query's filter on it. */
    private static boolean passes(CaseQuery query, Facet facet, String value) {
        return switch (facet) {
            case STATUS -> query.status() == null || query.status().name().equals(value);
            case STAGE -> query.stage() == null || query.stage().name().equals(value);
            case HANDLER -> query.handler() == null || query.handler().equals(value);
            case LANDLORD -> query.landlord() == null || query.landlord().equals(value);
            case BUSINESS_LINE -> query.businessLine() == null || query.businessLine().equals(value);
            case CHANNEL -> query.channel() == null || query.channel().name().equals(value);
            case DEADLINE -> (!query.overdue() || CaseSearchSql.OVERDUE.equals(value))
                    && (query.dueWithin() == null || CaseSearchSql.DUE.equals(value));
        };
    }

    /** Most cases first, then by value. */
    private static Map<String, Long> largestFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** For every team, the matching complaints (all other filters applied) it has work on: one grouped query. */
    private Map<String, Long> teamCounts(CaseQuery query, String teamWork, boolean panelOnly, Instant now,
                                         Instant dueBy) {
        Map<String, Long> counts = new LinkedHashMap<>();
        teams.teams().forEach(team -> counts.put(team, 0L));
        CaseSearchSql.Where others = CaseSearchSql.where(query.without(CaseQuery.Filter.TEAM), teamWork, panelOnly,
                now, dueBy, workingDays.zone());
        Map<String, Object> params = new HashMap<>(others.params());
        params.put("teams", counts.keySet());
        jdbc.query("select w.team, count(*) as n from (" + teamWork + ") w join complaint c on c.reference = w.reference"
                + others.sql() + " group by w.team", params,
                rs -> {
                    counts.put(rs.getString("team"), rs.getLong("n"));
                });
        return counts;
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
