package uk.putitright.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.putitright.audit.AuditLog;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.intake.InvalidFieldException;

/**
 * Running complaints from one version of a process to another. The plan maps every activity with the same id
 * in both versions ({@code mapEqualActivities}) and the pairs the process owner names; an activity where
 * instances wait and that has no counterpart is reported, so a renamed task is never guessed. Timers keep their
 * due dates (event triggers are not updated) and nothing that already ran runs again: migration only moves
 * the waiting instance.
 */
@Service
public class ComplaintMigration {

    /** At most this many rows per query (the engine's queryMaxResultsLimit for a member of staff). */
    static final int MAX_ROWS = 2000;

    /** One version of a process and where its running instances wait (activity id to count). */
    public record Version(int version, String definitionId, long running, Map<String, Long> waitingAt) {
    }

    /** An instance that cannot move, and why. */
    public record Blocked(String processInstanceId, String reference, List<String> reasons) {
    }

    /**
     * The outcome of a plan: the activities mapped, the waiting activities left unmapped, and the instances
     * that cannot move; {@code migrated} is how many moved (0 in a dry run).
     */
    public record Result(String processKey, int fromVersion, int toVersion, Map<String, String> mapped,
            List<String> unmapped, List<Blocked> blocked, int migrated) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final IdentityService identity;
    private final ComplaintRepository complaints;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ComplaintMigration(RepositoryService repository, RuntimeService runtime, HistoryService history,
            IdentityService identity, ComplaintRepository complaints, AuditLog audit,
            PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.identity = identity;
        this.complaints = complaints;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Every version of the process with running instances, and where they wait. */
    public List<Version> versions(String processKey) {
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .orderByProcessDefinitionVersion().asc().listPage(0, MAX_ROWS)) {
            long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
            versions.add(new Version(definition.getVersion(), definition.getId(), running,
                    waitingAt(definition.getId())));
        }
        return versions;
    }

    /**
     * Checks the plan against the running instances (all of version {@code from}, or those listed) and moves
     * them unless {@code dryRun}. A dry run executes in a transaction that is rolled back, so it finds exactly
     * what the migration would refuse; nothing is kept.
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
        if (instances.isEmpty()) {
            return new Result(processKey, from, to, mapped, unmapped, List.of(), 0);
        }
        // each instance on its own in a transaction that is rolled back: the engine stops at the first refusal
        List<Blocked> blocked = new ArrayList<>();
        List<String> movable = new ArrayList<>();
        for (String instance : instances) {
            List<String> reasons = transactions.execute(status -> {
                status.setRollbackOnly();
                try {
                    runtime.newMigration(plan).processInstanceIds(instance).skipCustomListeners().execute();
                    return List.<String>of();
                } catch (MigratingProcessInstanceValidationException refused) {
                    return reasons(refused);
                }
            });
            if (reasons == null || reasons.isEmpty()) {
                movable.add(instance);
            } else {
                blocked.add(new Blocked(instance, reference(instance), reasons));
            }
        }
        if (dryRun || movable.isEmpty()) {
            return new Result(processKey, from, to, mapped, unmapped, blocked, 0);
        }
        String actor = actor();
        transactions.executeWithoutResult(status -> {
            runtime.newMigration(plan).processInstanceIds(movable).skipCustomListeners().execute();
            for (String instance : movable) {
                complaints.findByReference(String.valueOf(reference(instance))).ifPresent(complaint ->
                        audit.record(complaint.getId(), actor, "PROCESS_MIGRATED", processKey + " version " + from
                                + " to version " + to));
            }
        });
        return new Result(processKey, from, to, mapped, unmapped, blocked, movable.size());
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
