package uk.putitright.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.putitright.intake.InvalidFieldException;
import uk.putitright.process.TimescalesAtStart;

/**
 * Running complaints from one version of a process to another. The plan maps every activity with the same id
 * in both versions ({@code mapEqualActivities}) and the pairs the process owner names; an activity where
 * instances wait and that has no counterpart is reported, so a renamed task is never guessed. The migration runs
 * as the engine's batch (executed by the job executor), for the instances the check found movable; timers keep
 * their due dates (event triggers are not updated) and nothing that already ran runs again: migration only
 * moves the waiting instance.
 */
@Service
public class ComplaintMigration {

    /** At most this many rows per query (the engine's queryMaxResultsLimit for a member of staff). */
    static final int MAX_ROWS = 2000;

    /**
     * One version of a process: its running instances, where they wait (activity id to count) and its
     * activities (id to name), from which the owner maps a renamed one.
     */
    public record Version(int version, String definitionId, long running, Map<String, Long> waitingAt,
            Map<String, String> activities) {
    }

    /** An instance that cannot move, and why. */
    public record Blocked(String processInstanceId, String reference, List<String> reasons) {
    }

    /**
     * The outcome of a plan: the activities mapped, the waiting activities left unmapped, the instances that
     * cannot move and how many can; {@code batchId} is the engine's batch moving them (null in a dry run).
     */
    public record Result(String processKey, int fromVersion, int toVersion, Map<String, String> mapped,
            List<String> unmapped, List<Blocked> blocked, int movable, String batchId) {
    }

    /**
     * A batch's progress: how many of its instances moved, the engine's jobs still to run and those that
     * failed (with their messages), and the complaints not moved yet; {@code finished} once nothing is left to run.
     */
    public record BatchStatus(String batchId, String processKey, int fromVersion, int toVersion, String startedBy,
            Instant startedAt, int instances, int migrated, long remainingJobs, long failedJobs,
            List<String> failures, List<String> notMigrated, boolean finished) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final ManagementService management;
    private final IdentityService identity;
    private final MigrationTimeline timeline;
    private final TransactionTemplate transactions;
    private final TimescalesAtStart timescales;

    ComplaintMigration(RepositoryService repository, RuntimeService runtime, HistoryService history,
            ManagementService management, IdentityService identity, MigrationTimeline timeline,
            PlatformTransactionManager transactionManager, TimescalesAtStart timescales) {
        this.timescales = timescales;
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.management = management;
        this.identity = identity;
        this.timeline = timeline;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every version of the process with running instances, where they wait, and its activities. */
    public List<Version> versions(String processKey) {
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().asc().listPage(0, MAX_ROWS)) {
            long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
            versions.add(new Version(definition.getVersion(), definition.getId(), running,
                    waitingAt(definition.getId()), activities(definition.getId())));
        }
        return versions;
    }

    /**
     * Checks the plan against the running instances (all of version {@code from}, or those listed) and, unless
     * {@code dryRun}, hands the movable ones to the engine's migration batch. The check migrates each instance in
     * a transaction that is rolled back, so it finds exactly what the migration would refuse; nothing is kept.
     *
     * @param mappings extra source to target activity ids, for activities renamed in the new version
     */
    public Result migrate(String processKey, int from, int to, Map<String, String> mappings,
            List<String> processInstanceIds, boolean dryRun) {
        ProcessDefinition source = definition(processKey, from, "fromVersion");
        ProcessDefinition target = definition(processKey, to, "toVersion");
        MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        mappings.forEach(builder::mapActivities);
        MigrationPlan plan;
        try {
            plan = builder.build();
        } catch (MigrationPlanValidationException invalid) {
            throw new InvalidFieldException("mappings", invalid.getMessage());
        }
        Map<String, String> mapped = plan.getInstructions().stream().collect(Collectors.toMap(
                i -> i.getSourceActivityId(), i -> i.getTargetActivityId(), (a, b) -> a, TreeMap::new));
        List<String> unmapped = waitingAt(source.getId()).keySet().stream().filter(a -> !mapped.containsKey(a))
                .sorted().toList();
        List<String> instances = processInstanceIds == null || processInstanceIds.isEmpty()
                ? runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).listPage(0, MAX_ROWS).stream()
                        .map(ProcessInstance::getId).toList()
                : processInstanceIds;
        // each instance on its own in a transaction that is rolled back: the engine stops at the first refusal
        List<Blocked> blocked = new ArrayList<>();
        Map<String, String> movable = new LinkedHashMap<>();
        for (String instance : instances) {
            List<String> reasons = transactions.execute(status -> {
                status.setRollbackOnly();
                try {
                    runtime.newMigration(plan).processInstanceIds(instance).skipCustomListeners().execute();
                    return List.<String>of();
                } catch (MigratingProcessInstanceValidationException refused) {
                    return reasons(refused);
                } catch (ProcessEngineException refused) {
                    // not an instance of this version, or gone since it was listed
                    return List.of(refused.getMessage());
                }
            });
            if (reasons == null || reasons.isEmpty()) {
                movable.put(instance, reference(instance));
            } else {
                blocked.add(new Blocked(instance, reference(instance), reasons));
            }
        }
        if (dryRun || movable.isEmpty()) {
            return new Result(processKey, from, to, mapped, unmapped, blocked, movable.size(), null);
        }
        String actor = actor();
        String batchId = transactions.execute(status -> {
            // a version whose due dates read the policy's timescales finds them on an instance that began without
            asEngine(() -> {
                for (String id : movable.keySet()) {
                    Map<String, Object> missing = timescales.missing(runtime.getVariables(id));
                    if (!missing.isEmpty()) {
                        runtime.setVariables(id, missing);
                    }
                }
                return null;
            });
            Batch batch = runtime.newMigration(plan).processInstanceIds(List.copyOf(movable.keySet()))
                    .skipCustomListeners().executeAsync();
            timeline.started(batch.getId(), processKey, from, to, target.getId(), actor, movable);
            return batch.getId();
        });
        return new Result(processKey, from, to, mapped, unmapped, blocked, movable.size(), batchId);
    }

    /** A batch's progress, read as the engine (the page is the same for every process owner and auditor). */
    public Optional<BatchStatus> status(String batchId) {
        return timeline.run(batchId).map(run -> asEngine(() -> {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            long remaining = 0;
            long failed = 0;
            List<String> failures = List.of();
            if (batch != null) {
                BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
                remaining = statistics == null ? 0 : statistics.getRemainingJobs();
                failed = statistics == null ? 0 : statistics.getFailedJobs();
                failures = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
                        .withException().listPage(0, MAX_ROWS).stream().map(Job::getExceptionMessage).distinct()
                        .toList();
            }
            boolean finished = run.migrated() == run.instances() || batch == null
                    || (remaining == failed && seedJobDone(batch));
            return new BatchStatus(run.batchId(), run.processKey(), run.fromVersion(), run.toVersion(),
                    run.startedBy(), run.startedAt(), run.instances(), run.migrated(), remaining, failed, failures,
                    run.migrated() == run.instances() ? List.of() : timeline.notMigrated(batchId), finished);
        }));
    }

    /** The latest batches of a process, newest first. */
    public List<BatchStatus> batches(String processKey) {
        return timeline.runsOf(processKey, 10).stream().map(run -> status(run.batchId()).orElseThrow()).toList();
    }

    private boolean seedJobDone(Batch batch) {
        return management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count() == 0;
    }

    private <T> T asEngine(java.util.function.Supplier<T> read) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static List<String> reasons(MigratingProcessInstanceValidationException refused) {
        List<String> reasons = new ArrayList<>(refused.getValidationReport().getFailures());
        refused.getValidationReport().getActivityInstanceReports().forEach(report -> report.getFailures()
                .forEach(failure -> reasons.add(report.getSourceScopeId() + ": " + failure)));
        refused.getValidationReport().getTransitionInstanceReports().forEach(report -> report.getFailures()
                .forEach(failure -> reasons.add(report.getSourceScopeId() + ": " + failure)));
        return reasons;
    }

    private Map<String, Long> waitingAt(String definitionId) {
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                .processDefinitionId(definitionId).unfinished().listPage(0, MAX_ROWS)) {
            if (!"processDefinition".equals(activity.getActivityType())) {
                waiting.merge(activity.getActivityId(), 1L, Long::sum);
            }
        }
        return waiting;
    }

    /** The version's activities (tasks, events, gateways, called processes), id to name, by name. */
    private Map<String, String> activities(String definitionId) {
        Map<String, String> activities = new TreeMap<>();
        repository.getBpmnModelInstance(definitionId).getModelElementsByType(FlowNode.class)
                .forEach(node -> activities.put(node.getId(), node.getName() == null ? node.getId() : node.getName()));
        return activities;
    }

    private ProcessDefinition definition(String key, int version, String field) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (definition == null) {
            throw new InvalidFieldException(field, "there is no version " + version + " of " + key);
        }
        return definition;
    }

    private String reference(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    private String actor() {
        Authentication current = identity.getCurrentAuthentication();
        return current == null || current.getUserId() == null ? "system" : current.getUserId();
    }
}
