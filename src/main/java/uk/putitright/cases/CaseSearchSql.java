package uk.putitright.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL of one case search (H2 and PostgreSQL alike): the conditions of a {@link CaseQuery} with every
 * value a bind parameter, and what staff typed matched as literal text ({@code %}, {@code _} and the escape
 * character are escaped, {@code *} means nothing to LIKE). Engine-free.
 */
final class CaseSearchSql {

    static final String FROM = " from complaint c";

    /** The condition and its named parameters. */
    record Where(String sql, Map<String, Object> params) {
    }

    private CaseSearchSql() {
    }

    /**
     * Every condition of the query.
     *
     * @param teamWork       {@link CaseTeams#workSql()}: the complaints each team has work on
     * @param onlyPanelCases the reader sees only the cases referred to the Independent Complaints Panel
     */
    static Where where(CaseQuery query, String teamWork, boolean onlyPanelCases, Instant now, Instant dueBy,
                       ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        base(query, teamWork, onlyPanelCases, zone, conditions, params);
        conditions.addAll(filters(query, now, dueBy, params).values());
        return new Where(sql(conditions), params);
    }

    /** The query's filters that have a count of their own, by facet (both deadline filters as one). */
    private static Map<Facet, String> filters(CaseQuery query, Instant now, Instant dueBy,
                                              Map<String, Object> params) {
        Map<Facet, String> filters = new java.util.EnumMap<>(Facet.class);
        if (query.status() != null) {
            filters.put(Facet.STATUS, "c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.stage() != null) {
            filters.put(Facet.STAGE, "c.stage = :stage");
            params.put("stage", query.stage().name());
        }
        List<String> deadline = new ArrayList<>();
        if (query.overdue()) {
            deadline.add("c.next_deadline_at < :now");
        }
        if (query.dueWithin() != null) {
            deadline.add("c.next_deadline_at >= :now and c.next_deadline_at <= :dueBy");
            params.put("dueBy", utc(dueBy));
        }
        if (!deadline.isEmpty()) {
            filters.put(Facet.DEADLINE, String.join(" and ", deadline));
            params.put("now", utc(now));
        }
        if (query.handler() != null) {
            filters.put(Facet.HANDLER, "c.case_handler = :handler");
            params.put("handler", query.handler());
        }
        if (query.landlord() != null) {
            filters.put(Facet.LANDLORD, "c.landlord = :landlord");
            params.put("landlord", query.landlord());
        }
        if (query.businessLine() != null) {
            filters.put(Facet.BUSINESS_LINE, "c.business_line = :businessLine");
            params.put("businessLine", query.businessLine());
        }
        if (query.channel() != null) {
            filters.put(Facet.CHANNEL, "c.channel = :channel");
            params.put("channel", query.channel().name());
        }
        return filters;
    }

    /** The columns the counts of every filter are made from, one value of each per group. */
    enum Facet {
        STATUS("c.status"), STAGE("c.stage"), HANDLER("c.case_handler"), LANDLORD("c.landlord"),
        BUSINESS_LINE("c.business_line"), CHANNEL("c.channel"), DEADLINE(null);

        final String column;

        Facet(String column) {
            this.column = column;
        }

        String alias() {
            return "f_" + ordinal();
        }
    }

    static final String OVERDUE = "overdue";
    static final String DUE = "due";

    /**
     * One statement for the counts of every filter: the complaints that match what was typed, the reader's scope,
     * the dates received and the team (the conditions these counts never leave out) are read once and grouped by
     * every filter's value, the next deadline as {@link #OVERDUE} / {@link #DUE} (by {@code dueBy}) / null, with the number in
     * each group ({@code n}); each filter's counts are then the groups that pass the other filters.
     */
    static Where facets(CaseQuery query, String teamWork, boolean onlyPanelCases, Instant now, Instant dueBy,
                        ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        base(query, teamWork, onlyPanelCases, zone, conditions, params);
        // only a complaint failing at most one filter counts anywhere: one that passes at least one of every
        // two (with one filter or none, every complaint counts for something)
        List<String> filters = List.copyOf(filters(query, now, dueBy, params).values());
        for (int i = 0; i < filters.size(); i++) {
            for (int j = i + 1; j < filters.size(); j++) {
                conditions.add("((" + filters.get(i) + ") or (" + filters.get(j) + "))");
            }
        }
        params.put("now", utc(now));
        params.put("dueBy", utc(dueBy));
        List<String> columns = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (Facet facet : Facet.values()) {
            String column = facet == Facet.DEADLINE ? "case when c.next_deadline_at < :now then '" + OVERDUE
                    + "' when c.next_deadline_at <= :dueBy then '" + DUE + "' end" : facet.column;
            columns.add(column + " as " + facet.alias());
            aliases.add(facet.alias());
        }
        String groups = String.join(", ", aliases);
        return new Where("select " + groups + ", count(*) as n from (select " + String.join(", ", columns) + FROM
                + sql(conditions) + ") m group by " + groups, params);
    }

    /**
     * The conditions every count keeps: the text, the reader's scope, the dates received, and the team (whose
     * own counts, a complaint having work for several teams, are a query of their own).
     */
    private static void base(CaseQuery query, String teamWork, boolean onlyPanelCases, ZoneId zone,
                             List<String> conditions, Map<String, Object> params) {
        if (onlyPanelCases) {
            conditions.add("c.icp_referred_at is not null");
        }
        if (query.q() != null) {
            conditions.add(text(query, params));
        }
        if (query.team() != null) {
            conditions.add("c.reference in (select w.reference from (" + teamWork + ") w)");
            params.put("teams", List.of(query.team()));
        }
        if (query.receivedFrom() != null) {
            conditions.add("c.received_at >= :receivedFrom");
            params.put("receivedFrom", utc(query.receivedFrom().atStartOfDay(zone).toInstant()));
        }
        if (query.receivedTo() != null) {
            conditions.add("c.received_at < :receivedBefore");
            params.put("receivedBefore",
                    utc(query.receivedTo().plusDays(1).atStartOfDay(zone).toInstant()));
        }
    }

    private static String text(CaseQuery query, Map<String, Object> params) {
        List<String> matches = new ArrayList<>();
        List<String> terms = query.terms();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            all.add("c.search_text like :term" + i + " escape '\\'");
            params.put("term" + i, "%" + escapeLike(terms.get(i)) + "%");
        }
        String email = query.wholeEmail();
        String phone = query.wholePhone();
        if (email != null || phone != null) {
            // the customer's on its B-tree key column (the trigrams of an email or phone are in nearly every
            // row's text); the representative's, which has no key column, in the text of the few that have one
            String key = email != null ? "c.search_email" : "c.search_phone";
            String representative = email != null ? "c.representative_email" : "c.representative_phone";
            matches.add("(" + key + " = :key or (" + representative + " is not null and " + all.get(0) + "))");
            params.put("key", email != null ? email : phone);
        } else {
            matches.add("(" + String.join(" and ", all) + ")");
        }
        String part = query.referencePart();
        if (part != null) {
            matches.add("c.reference like :referencePart");
            params.put("referencePart", "%" + part + "%");
        }
        Long number = query.referenceNumber();
        if (number != null) {
            String pattern = query.referencePattern();
            matches.add(pattern == null ? "c.id = :referenceNumber"
                    : "(c.id = :referenceNumber and c.reference like :referencePattern)");
            params.put("referenceNumber", number);
            if (pattern != null) {
                params.put("referencePattern", pattern);
            }
        }
        return "(" + String.join(" or ", matches) + ")";
    }

    private static String sql(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    static String orderBy(CaseQuery.Sort sort) {
        return switch (sort) {
            // open cases with the nearest deadline first, then those with none, newest first
            case DEADLINE -> " order by case when c.next_deadline_at is null then 1 else 0 end, c.next_deadline_at,"
                    + " c.received_at desc, c.id desc";
            case RECEIVED -> " order by c.received_at desc, c.id desc";
            case REFERENCE -> " order by c.id";
        };
    }

    /** A bind value both drivers store exactly in a timestamp with time zone column. */
    static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** What the user typed, as a LIKE pattern that matches exactly that text. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
