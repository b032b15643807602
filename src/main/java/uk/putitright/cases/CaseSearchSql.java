package uk.putitright.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
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
     * @param teamReferences the complaints with an open task for the query's team (null when no team asked)
     * @param onlyPanelCases the reader sees only the cases referred to the Independent Complaints Panel
     */
    static Where where(CaseQuery query, Collection<String> teamReferences, boolean onlyPanelCases, Instant now,
                       Instant dueBy, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new TreeMap<>();
        if (onlyPanelCases) {
            conditions.add("c.icp_referred_at is not null");
        }
        if (query.q() != null) {
            List<String> matches = new ArrayList<>();
            List<String> terms = query.terms();
            List<String> all = new ArrayList<>();
            for (int i = 0; i < terms.size(); i++) {
                all.add("c.search_text like :term" + i + " escape '\\'");
                params.put("term" + i, "%" + escapeLike(terms.get(i)) + "%");
            }
            matches.add("(" + String.join(" and ", all) + ")");
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
            conditions.add("(" + String.join(" or ", matches) + ")");
        }
        if (query.status() != null) {
            conditions.add("c.status = :status");
            params.put("status", query.status().name());
        }
        if (query.stage() != null) {
            conditions.add("c.stage = :stage");
            params.put("stage", query.stage().name());
        }
        if (query.overdue()) {
            conditions.add("c.next_deadline_at < :now");
        }
        if (query.dueWithin() != null) {
            conditions.add("c.next_deadline_at >= :now and c.next_deadline_at <= :dueBy");
            params.put("dueBy", utc(dueBy));
        }
        if (query.overdue() || query.dueWithin() != null) {
            params.put("now", utc(now));
        }
        if (query.handler() != null) {
            conditions.add("c.case_handler = :handler");
            params.put("handler", query.handler());
        }
        if (teamReferences != null) {
            if (teamReferences.isEmpty()) {
                conditions.add("1 = 0");
            } else {
                conditions.add("c.reference in (:teamReferences)");
                params.put("teamReferences", teamReferences);
            }
        }
        if (query.landlord() != null) {
            conditions.add("c.landlord = :landlord");
            params.put("landlord", query.landlord());
        }
        if (query.businessLine() != null) {
            conditions.add("c.business_line = :businessLine");
            params.put("businessLine", query.businessLine());
        }
        if (query.channel() != null) {
            conditions.add("c.channel = :channel");
            params.put("channel", query.channel().name());
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
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
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
