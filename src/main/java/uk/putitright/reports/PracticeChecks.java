package uk.putitright.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.reports.Finding.Evidence;

/**
 * The Code's timescales and rules as they were kept over a period, from the complaint records: each check
 * counts the cases and the failures, and lists the first {@link ComplianceReportService#LIST_LIMIT} failing
 * complaint references (the counts are always complete).
 */
@Service
class PracticeChecks {

    /**
     * One check's result over the period. {@code notAssessedBecause}: the records cannot answer the provision, so
     * the result only lists the cases for the complaints officer to look at ({@code failingReferences} are those).
     */
    record Result(String provision, String check, String description, long cases, long failing,
                  List<String> failingReferences, String notAssessedBecause) {

        Result(String provision, String check, String description, long cases, long failing,
               List<String> failingReferences) {
            this(provision, check, description, cases, failing, failingReferences, null);
        }

        Finding finding() {
            if (notAssessedBecause != null) {
                List<Evidence> evidence = new ArrayList<>();
                evidence.add(new Evidence("history", check, description + ": " + cases + " in the period"));
                failingReferences.forEach(ref -> evidence.add(new Evidence("history", ref, "to check: " + check)));
                return new Finding(Finding.NOT_ASSESSED, evidence, notAssessedBecause);
            }
            String share = cases == 0 ? "no cases in the period"
                    : (cases - failing) + " of " + cases + " (" + ComplianceReport.percent(cases - failing, cases)
                    + "%) met the Code";
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(new Evidence("history", check, description + ": " + share));
            failingReferences.forEach(ref -> evidence.add(new Evidence("history", ref, "fails " + check)));
            return failing == 0 ? new Finding(Finding.YES, evidence, null) : new Finding(Finding.NO, evidence,
                    failing + " of " + cases + " cases in the period did not meet the Code (" + description
                            + "); the first " + failingReferences.size() + " are listed.");
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDays workingDays;

    PracticeChecks(NamedParameterJdbcTemplate jdbc, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
    }

    List<Result> check(String landlord, ReportPeriod period) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("landlord", landlord)
                .addValue("start", period.start()).addValue("end", period.end())
                .addValue("fromDay", period.from()).addValue("afterDay", period.to().plusDays(1))
                .addValue("today", java.time.LocalDate.ofInstant(
                        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), workingDays.zone()));
        List<Result> results = new ArrayList<>();
        results.add(onTime(p, "6.2", "ACKNOWLEDGED_LATE", "Stage 1 acknowledgements within the timescale",
                "acknowledged_at", "acknowledge_by"));
        results.add(onTime(p, "6.3", "STAGE_1_RESPONSE_LATE", "Stage 1 responses within the timescale",
                "stage1_responded_at", "stage1_response_by"));
        results.add(onTime(p, "6.11", "STAGE_2_ACKNOWLEDGED_LATE", "Stage 2 acknowledgements within the timescale",
                "stage2_acknowledged_at", "stage2_acknowledge_by"));
        results.add(onTime(p, "6.14", "STAGE_2_RESPONSE_LATE", "Stage 2 responses within the timescale",
                "final_response_at", "stage2_response_by"));
        results.addAll(extensions(p));
        results.add(query(p, "6.13", "STAGE_2_BY_STAGE_1_HANDLER",
                "Stage 2 decisions recorded by someone who recorded the Stage 1 decision",
                "c.final_response_at >= :start and c.final_response_at < :end", """
                        exists (select 1 from complaint_note n1 join complaint_note n2 on n2.complaint_id = n1.complaint_id
                                where n1.complaint_id = c.id and n1.field = 'stage1Outcome'
                                and n2.field = 'stage2Outcome' and n1.author = n2.author)""", "c.final_response_at"));
        results.add(query(p, "5.12", "RESPONSE_WITHOUT_LETTER", "Responses with a response letter on record",
                "((c.stage1_responded_at >= :start and c.stage1_responded_at < :end)"
                        + " or (c.final_response_at >= :start and c.final_response_at < :end))", """
                        ((c.stage1_responded_at >= :start and c.stage1_responded_at < :end and not exists (
                            select 1 from letter l where l.complaint_id = c.id and l.letter_type = 'STAGE_1_RESPONSE'))
                         or (c.final_response_at >= :start and c.final_response_at < :end and not exists (
                            select 1 from letter l where l.complaint_id = c.id
                            and l.letter_type = 'STAGE_2_FINAL_RESPONSE')))""", "c.received_at"));
        results.add(query(p, "5.11", "REFUSAL_LETTER_NOT_SENT",
                "Escalations refused with the refusal letter sent (emailed or posted)", """
                        exists (select 1 from escalation_refusal r where r.complaint_id = c.id
                                and r.refused_at >= :start and r.refused_at < :end)""", """
                        not exists (select 1 from letter l where l.complaint_id = c.id
                                    and l.letter_type = 'ESCALATION_REFUSAL' and not l.copy_for_representative
                                    and (l.delivered_at is not null or l.posted_at is not null))""", "c.received_at"));
        results.add(remediesPromised(p));
        results.add(query(p, "9.1", "UPHELD_WITHOUT_ROOT_CAUSE",
                "Upheld or partly upheld complaints with the root cause recorded", """
                        ((c.stage1_responded_at >= :start and c.stage1_responded_at < :end
                          and c.stage1_outcome in ('UPHELD', 'PARTLY_UPHELD'))
                         or (c.final_response_at >= :start and c.final_response_at < :end
                          and c.stage2_outcome in ('UPHELD', 'PARTLY_UPHELD')))""", "c.root_cause is null",
                "c.received_at"));
        results.add(query(p, "9.1", "IMPROVEMENT_ACTION_LATE",
                "Complaints whose service improvement actions (due in the period) were done by their due date", """
                        exists (select 1 from improvement_action a where a.complaint_id = c.id
                                and a.due_on >= :fromDay and a.due_on < :afterDay)""", """
                        exists (select 1 from improvement_action a where a.complaint_id = c.id
                                and a.due_on >= :fromDay and a.due_on < :afterDay
                                and ((a.status = 'OPEN' and a.due_on < :today)
                                     or cast(a.completed_at as date) > a.due_on))""", "c.received_at"));
        return results;
    }

    /** Provision to finding: all of a provision's checks together. */
    static Map<String, Finding> findings(List<Result> results) {
        Map<String, List<Finding>> byProvision = new LinkedHashMap<>();
        results.forEach(r -> byProvision.computeIfAbsent(r.provision(), k -> new ArrayList<>()).add(r.finding()));
        Map<String, Finding> findings = new LinkedHashMap<>();
        byProvision.forEach((provision, list) -> findings.put(provision, Finding.combine(list)));
        return findings;
    }

    /** Done in the period, and done after its deadline (or with no deadline recorded). */
    private Result onTime(MapSqlParameterSource p, String provision, String check, String description,
                          String doneAt, String dueBy) {
        return query(p, provision, check, description, "c." + doneAt + " >= :start and c." + doneAt + " < :end",
                "(c." + dueBy + " is null or c." + doneAt + " > c." + dueBy + ")", "c." + doneAt);
    }

    /** Column names and conditions here are constants, never request input. */
    private Result query(MapSqlParameterSource p, String provision, String check, String description,
                         String inPeriod, String failing, String orderBy) {
        String from = " from complaint c where c.landlord = :landlord and " + inPeriod;
        long[] counts = jdbc.queryForObject("select count(*) as cases, count(*) filter (where " + failing
                + ") as failing" + from, p, (rs, i) -> new long[] {rs.getLong("cases"), rs.getLong("failing")});
        List<String> references = counts[1] == 0 ? List.of() : jdbc.queryForList("select c.reference" + from
                + " and " + failing + " order by " + orderBy + ", c.id fetch first "
                + ComplianceReportService.LIST_LIMIT + " rows only", p, String.class);
        return new Result(provision, check, description, counts[0], counts[1], references);
    }

    /**
     * Code 7.3 (a remedy followed through to completion): the response forms record the remedy and the outstanding
     * actions as free text, but nothing records when each was carried out, so the check lists the responses that
     * promised outstanding actions and leaves the provision "not assessed".
     */
    private Result remediesPromised(MapSqlParameterSource p) {
        String condition = """
                exists (select 1 from complaint_note n where n.complaint_id = c.id
                        and n.field in ('stage1OutstandingActions', 'stage2OutstandingActions', 'stage1Remedy',
                                        'stage2Remedy')
                        and n.recorded_at >= :start and n.recorded_at < :end and trim(n.body) <> '')""";
        Result promised = query(p, "7.3", "REMEDY_OR_ACTIONS_PROMISED",
                "Responses that promised a remedy or outstanding actions", condition, "1 = 1", "c.received_at");
        return new Result(promised.provision(), promised.check(), promised.description(), promised.cases(), 0,
                promised.failingReferences(), "Put It Right records the remedy and the outstanding actions each"
                + " response promises, but not when each was carried out, so it cannot show that they were followed"
                + " through to completion. The complaints officer checks the " + promised.cases() + " complaints"
                + " listed (first " + ComplianceReportService.LIST_LIMIT + ") and records the evidence.");
    }

    /** Extensions recorded in the period longer than the Code allows for their stage, in working days. */
    private List<Result> extensions(MapSqlParameterSource p) {
        record Extension(String reference, String stage, Instant previous, Instant next) {
        }
        List<Extension> all = jdbc.query("""
                select c.reference, e.stage, e.previous_due_at, e.new_due_at
                from complaint_extension e join complaint c on c.id = e.complaint_id
                where c.landlord = :landlord and e.recorded_at >= :start and e.recorded_at < :end
                order by e.recorded_at, e.id""", p, (rs, i) -> new Extension(rs.getString(1), rs.getString(2),
                rs.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                rs.getObject(4, java.time.OffsetDateTime.class).toInstant()));
        List<Result> results = new ArrayList<>();
        for (String stage : List.of("STAGE_1", "STAGE_2")) {
            int limit = stage.equals("STAGE_1") ? PolicyChecks.STAGE_1_EXTENSION : PolicyChecks.STAGE_2_EXTENSION;
            List<Extension> ofStage = all.stream().filter(e -> stage.equals(e.stage())).toList();
            List<String> over = ofStage.stream().filter(e -> workingDays.between(e.previous(), e.next()) > limit)
                    .map(Extension::reference).distinct().toList();
            long failing = ofStage.stream().filter(e -> workingDays.between(e.previous(), e.next()) > limit).count();
            results.add(new Result(stage.equals("STAGE_1") ? "6.4" : "6.15", stage + "_EXTENSION_OVER_LIMIT",
                    (stage.equals("STAGE_1") ? "Stage 1" : "Stage 2") + " extensions within " + limit
                            + " working days", ofStage.size(), failing,
                    over.stream().limit(ComplianceReportService.LIST_LIMIT).toList()));
        }
        return results;
    }
}
