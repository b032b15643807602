package uk.putitright.change;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.deployment.DeploymentGate;
import uk.putitright.deployment.ModelProblem;
import uk.putitright.policy.ComplaintPolicy;
import uk.putitright.policy.PolicyDeadlines;
import uk.putitright.policy.PolicyDeadlines.Milestones;
import uk.putitright.policy.PolicyTable;
import uk.putitright.reports.ComplianceReport;

/**
 * What a candidate complaint-policy.dmn would have done to the last 12 months of responses: each Stage 1 and
 * Stage 2 response deadline recomputed with the candidate's row for the complaint's landlord and business line
 * (same clock start rules and working days as the process, extensions granted kept at their length), how many
 * responses would then have been late, and CH02 (share of responses within the timescale) as recorded and as
 * it would have been. The candidate first passes the deployment gate's checks, and is never deployed.
 */
@Service
public class PolicyPreview {

    /** The two CH02 stages: what was recorded and what the candidate would have made of it. */
    public record StageFigures(long responses, long lateBefore, long lateAfter, BigDecimal ch02Before,
                               BigDecimal ch02After, long deadlinesMoved) {
    }

    /** One landlord and business line ("" for none): the rule that decided it before and the candidate's. */
    public record Line(String landlord, String businessLine, List<String> rulesBefore, String candidateRule,
                       StageFigures stage1, StageFigures stage2) {
    }

    public record Preview(String candidate, String comparedWith, LocalDate from, LocalDate to, List<Line> lines,
                          StageFigures stage1, StageFigures stage2, List<String> notes) {
    }

    /** The candidate did not pass the checks a deployment must pass. */
    public static final class CandidateRefusedException extends RuntimeException {
        private final transient List<ModelProblem> problems;

        CandidateRefusedException(List<ModelProblem> problems) {
            super(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems, listed in errors");
            this.problems = List.copyOf(problems);
        }

        public List<ModelProblem> problems() {
            return problems;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final DeploymentGate gate;
    private final ProcessEngine engine;
    private final RepositoryService repository;
    private final ComplaintPolicy policies;
    private final PolicyDeadlines deadlines;
    private final WorkingDays workingDays;

    PolicyPreview(NamedParameterJdbcTemplate jdbc, DeploymentGate gate, ProcessEngine engine,
                  ComplaintPolicy policies, PolicyDeadlines deadlines, WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.engine = engine;
        this.repository = engine.getRepositoryService();
        this.policies = policies;
        this.deadlines = deadlines;
        this.workingDays = workingDays;
    }

    @Transactional(readOnly = true)
    public Preview preview(String fileName, byte[] candidateXml) {
        DmnDecision candidate = checked(fileName, candidateXml);
        Instant end = ClockUtil.getCurrentTime().toInstant();
        Instant start = ZonedDateTime.ofInstant(end, workingDays.zone()).minusMonths(12).toInstant();

        Map<Long, Map<Stage, Integer>> extensionDays = extensionDays(start, end);
        Map<List<String>, Tally> tallies = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Map<List<String>, Optional<PolicyTable.Match>> candidateRows = new HashMap<>();
        jdbc.query("""
                select id, landlord, business_line, received_at, acknowledged_at, stage1_started_at,
                       stage1_responded_at, stage1_response_by, stage2_requested_at, stage2_acknowledged_at,
                       final_response_at, stage2_response_by, policy_decision_id, policy_rule_ids
                from complaint
                where (stage1_responded_at >= :start and stage1_responded_at < :end)
                   or (final_response_at >= :start and final_response_at < :end)
                """, period(start, end), rs -> {
            String landlord = rs.getString("landlord");
            String line = Objects.requireNonNullElse(rs.getString("business_line"), "");
            List<String> key = List.of(landlord, line);
            Tally tally = tallies.computeIfAbsent(key, k -> new Tally());
            String rules = rs.getString("policy_rule_ids");
            if (rules != null && !rules.isBlank()) {
                tally.rulesBefore.addAll(List.of(rules.split(",")));
            }
            Optional<PolicyTable.Match> row = candidateRows.computeIfAbsent(key,
                    k -> PolicyTable.evaluate(candidate, landlord, line));
            tally.candidateRule = row.map(m -> m.ruleIds().get(0)).orElse(null);
            Milestones milestones = new Milestones(instant(rs, "received_at"), instant(rs, "acknowledged_at"),
                    instant(rs, "stage1_started_at"), instant(rs, "stage2_requested_at"),
                    instant(rs, "stage2_acknowledged_at"), instant(rs, "final_response_at"));
            Map<Stage, Integer> extended = extensionDays.getOrDefault(rs.getLong("id"), Map.of());
            Instant stage1At = instant(rs, "stage1_responded_at");
            if (within(stage1At, start, end)) {
                tally.stage1.add(stage1At, instant(rs, "stage1_response_by"), row.map(m -> recomputed(m,
                        milestones, DeadlineType.STAGE_1_RESPONSE, stage1At, extended.get(Stage.STAGE_1))));
            }
            Instant stage2At = milestones.finalResponseAt();
            if (within(stage2At, start, end)) {
                tally.stage2.add(stage2At, instant(rs, "stage2_response_by"), row.map(m -> recomputed(m,
                        milestones, DeadlineType.STAGE_2_RESPONSE, stage2At, extended.get(Stage.STAGE_2))));
            }
        });

        List<Line> lines = new ArrayList<>();
        StageTally stage1 = new StageTally();
        StageTally stage2 = new StageTally();
        List<String> notes = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            lines.add(new Line(key.get(0), key.get(1), List.copyOf(tally.rulesBefore), tally.candidateRule,
                    tally.stage1.figures(), tally.stage2.figures()));
            stage1.addAll(tally.stage1);
            stage2.addAll(tally.stage2);
            if (tally.candidateRule == null) {
                notes.add("The candidate has no rule for landlord " + key.get(0) + (key.get(1).isEmpty() ? ""
                        : " and business line " + key.get(1)) + ": its complaints would fail to start, and their"
                        + " figures after the change are left out.");
            }
        });
        return new Preview(fileName, deployedVersion(), start.atZone(workingDays.zone()).toLocalDate(),
                end.atZone(workingDays.zone()).toLocalDate(), lines, stage1.figures(), stage2.figures(), notes);
    }

    /** The candidate parsed, after the checks a deployment by a member of staff must pass. */
    private DmnDecision checked(String fileName, byte[] xml) {
        List<ModelProblem> problems = new ArrayList<>();
        if (!fileName.endsWith(".dmn")) {
            throw new CandidateRefusedException(List.of(new ModelProblem(fileName, "",
                    "the candidate policy must be a .dmn file")));
        }
        problems.addAll(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired().execute(command -> gate.check(Map.of(fileName, xml), command)));
        if (!problems.isEmpty()) {
            throw new CandidateRefusedException(problems);
        }
        DmnModelInstance model;
        DmnDecision decision;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(xml));
            decision = PolicyTable.parse(model);
        } catch (RuntimeException unusable) {
            throw new CandidateRefusedException(List.of(new ModelProblem(fileName, ComplaintPolicy.DECISION_KEY,
                    "has no decision table " + ComplaintPolicy.DECISION_KEY + " the engine can evaluate")));
        }
        Set<String> missing = new LinkedHashSet<>(outputs(deployedModel()));
        missing.removeAll(outputs(model));
        if (!missing.isEmpty()) {
            throw new CandidateRefusedException(List.of(new ModelProblem(fileName, ComplaintPolicy.DECISION_KEY,
                    "drops outputs the procedure reads: " + String.join(", ", missing))));
        }
        return decision;
    }

    private static Set<String> outputs(DmnModelInstance model) {
        Set<String> names = new LinkedHashSet<>();
        if (model != null) {
            model.getModelElementsByType(Output.class).forEach(output -> names.add(output.getName()));
        }
        return names;
    }

    private DecisionDefinition latest() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(ComplaintPolicy.DECISION_KEY)
                .latestVersion().singleResult();
    }

    private DmnModelInstance deployedModel() {
        DecisionDefinition latest = latest();
        return latest == null ? null : repository.getDmnModelInstance(latest.getId());
    }

    private String deployedVersion() {
        DecisionDefinition latest = latest();
        return latest == null ? null : ComplaintPolicy.DECISION_KEY + " version " + latest.getVersion();
    }

    /** The candidate's deadline, the extension granted at that stage added in working days as it was. */
    private Instant recomputed(PolicyTable.Match row, Milestones milestones, DeadlineType type, Instant respondedAt,
                               Integer extendedBy) {
        Instant due = deadlines.compute(row.outputs(), milestones, type, respondedAt, () -> null);
        return extendedBy == null || extendedBy == 0 ? due : workingDays.add(due, extendedBy);
    }

    /** Working days each complaint's extensions added, per stage. */
    /** Timestamps, not Instants: the PostgreSQL driver cannot infer a type for an Instant parameter. */
    private static MapSqlParameterSource period(Instant start, Instant end) {
        return new MapSqlParameterSource("start", Timestamp.from(start)).addValue("end", Timestamp.from(end));
    }

    private Map<Long, Map<Stage, Integer>> extensionDays(Instant start, Instant end) {
        Map<Long, Map<Stage, Integer>> days = new HashMap<>();
        jdbc.query("""
                select e.complaint_id, e.stage, e.previous_due_at, e.new_due_at
                from complaint_extension e join complaint c on c.id = e.complaint_id
                where (c.stage1_responded_at >= :start and c.stage1_responded_at < :end)
                   or (c.final_response_at >= :start and c.final_response_at < :end)
                """, period(start, end), rs -> {
            int added = workingDays.between(instant(rs, "previous_due_at"), instant(rs, "new_due_at"));
            days.computeIfAbsent(rs.getLong("complaint_id"), id -> new HashMap<>())
                    .merge(Stage.valueOf(rs.getString("stage")), added, Integer::sum);
        });
        return days;
    }

    private static boolean within(Instant at, Instant start, Instant end) {
        return at != null && !at.isBefore(start) && at.isBefore(end);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final class Tally {
        final Set<String> rulesBefore = new LinkedHashSet<>();
        String candidateRule;
        final StageTally stage1 = new StageTally();
        final StageTally stage2 = new StageTally();
    }

    /** Counts as CH02 does: a response without a deadline is not within the timescale. */
    private static final class StageTally {
        long responses;
        long onTimeBefore;
        long onTimeAfter;
        long recomputed;
        long moved;

        void add(Instant respondedAt, Instant recordedDue, Optional<Instant> candidateDue) {
            responses++;
            if (recordedDue != null && !respondedAt.isAfter(recordedDue)) {
                onTimeBefore++;
            }
            candidateDue.ifPresent(due -> {
                recomputed++;
                if (!respondedAt.isAfter(due)) {
                    onTimeAfter++;
                }
                if (!due.equals(recordedDue)) {
                    moved++;
                }
            });
        }

        void addAll(StageTally other) {
            responses += other.responses;
            onTimeBefore += other.onTimeBefore;
            onTimeAfter += other.onTimeAfter;
            recomputed += other.recomputed;
            moved += other.moved;
        }

        StageFigures figures() {
            return new StageFigures(responses, responses - onTimeBefore, recomputed - onTimeAfter,
                    ComplianceReport.percent(onTimeBefore, responses), ComplianceReport.percent(onTimeAfter, recomputed),
                    moved);
        }
    }
}
