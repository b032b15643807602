package uk.putitright.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.putitright.process.OwnerDeployments.classpathModel;
import static uk.putitright.process.OwnerDeployments.withUserTaskOn;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.audit.AuditEventRepository;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.process.CustomerMessage;
import uk.putitright.process.OwnerDeployments;
import uk.putitright.process.ProcessTestSupport;

/**
 * A process owner moves waiting complaints to a new version with an added user task: complaints in Stage 1
 * investigation (stage-1), in the Stage 2 extension (stage-2), in the window after the final response
 * (ombudsman-wait), and the parent complaint process while a called stage runs. A dry run changes nothing; the
 * migration runs as the engine's batch (jobs executed here as the job executor would), keeps every timer's due
 * date, sends no letter again, puts PROCESS_MIGRATED with the owner who started it on the timeline, and the
 * complaint then follows the new version. A renamed task is reported, not guessed, until the owner maps it.
 * Engine tests: on H2, and on PostgreSQL with PUTITRIGHT_TEST_DB_URL.
 */
class ComplaintMigrationTest extends ProcessTestSupport {

    private static final String OWNER = "po.migrate";

    @Autowired ComplaintMigration migration;
    @Autowired AuditEventRepository auditEvents;
    private OwnerDeployments owner;

    @BeforeEach
    void owner() {
        owner = new OwnerDeployments(engine, OWNER);
    }

    @AfterEach
    void removeTheTestsVersions() {
        owner.removeAll();
    }

    @Test
    void complaintsInStage1InvestigationMoveToAVersionWithAnAddedTask() {
        clockAt("2026-12-21T10:00");
        String reference = inStage1Investigation();
        int to = owner.deployProcess("stage-1", withUserTaskOn(classpathModel("stage-1.bpmn"),
                "Flow_Stage1ResponseReady", "Task_QualityCheck", "Check the response", "${stage1Group}"));
        assertThat(migration.versions("stage-1")).anySatisfy(version -> {
            assertThat(version.version()).isEqualTo(versionOf(reference, "stage-1"));
            assertThat(version.waitingAt()).containsKey("Task_InvestigateComplaint");
        }).anySatisfy(version -> {
            assertThat(version.version()).isEqualTo(to);
            assertThat(version.activities()).containsEntry("Task_QualityCheck", "Check the response");
        });

        migrateKeepingTimersAndLetters(reference, "stage-1", to);

        complete(reference, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        assertThat(openTasks(reference)).containsExactly("Task_QualityCheck");
    }

    @Test
    void complaintsInTheStage2ExtensionMoveToAVersionWithAnAddedTask() {
        String reference = inStage2Extension();
        int to = owner.deployProcess("stage-2", withUserTaskOn(classpathModel("stage-2.bpmn"),
                "Flow_ExtendedReviewDone", "Task_QualityCheck", "Check the final response", "${stage2ReviewerGroup}"));

        migrateKeepingTimersAndLetters(reference, "stage-2", to);

        complete(reference, "Task_CompleteExtendedReview", Map.of("stage2Findings", "The Stage 1 remedy was not enough.",
                "stage2Outcome", "PARTLY_UPHELD"));
        assertThat(openTasks(reference)).containsExactly("Task_QualityCheck");
    }

    @Test
    void complaintsInTheWindowAfterTheFinalResponseMoveToAVersionWithAnAddedTask() {
        String reference = afterFinalResponse();
        Date windowEnds = timersOf(reference).get("Timer_EightWeekWaitEnds");
        assertThat(windowEnds).isNotNull();
        int to = owner.deployProcess("ombudsman-wait", withUserTaskOn(classpathModel("ombudsman-wait.bpmn"),
                "Flow_EightWeekWaitEnded", "Task_CheckBeforeClosing", "Check before closing", "ombudsman-liaison"));

        migrateKeepingTimersAndLetters(reference, "ombudsman-wait", to);

        // the window ends when it always would, and then the new step comes before the complaint closes
        clockAt(windowEnds.toInstant().minusSeconds(60));
        executeDueJobs();
        assertThat(openTasks(reference)).isEmpty();
        clockAt(windowEnds.toInstant());
        executeDueJobs();
        assertThat(openTasks(reference)).containsExactly("Task_CheckBeforeClosing");
    }

    @Test
    void theParentComplaintProcessMovesWhileItsStage1RunsAndFollowsTheNewVersionAfterIt() {
        clockAt("2026-12-21T10:00");
        String reference = inStage1Investigation();
        String stage1 = childProcess(reference, "stage-1").getId();
        int to = owner.deployProcess("complaint", withUserTaskOn(classpathModel("complaint.bpmn"),
                "Flow_Stage1Responded", "Task_CheckStage1Response", "Check the Stage 1 response", "customer-service"));

        migrateKeepingTimersAndLetters(reference, "complaint", to);

        // the called Stage 1 is still the complaint's, and on its return the complaint takes the new step
        assertThat(childProcess(reference, "stage-1").getId()).isEqualTo(stage1);
        complete(reference, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        assertThat(openTasks(reference)).containsExactly("Task_CheckStage1Response");
    }

    @Test
    void aRenamedTaskIsReportedForEveryInstanceNotGuessedUntilTheOwnerMapsIt() {
        clockAt("2026-12-21T10:00");
        String first = inStage1Investigation();
        String second = inStage1Investigation();
        int from = versionOf(first, "stage-1");
        int to = owner.deployProcess("stage-1", classpathModel("stage-1.bpmn")
                .replace("Task_InvestigateComplaint", "Task_Investigate"));
        List<String> instances = List.of(childProcess(first, "stage-1").getId(), childProcess(second, "stage-1").getId());

        ComplaintMigration.Result unmapped = migration.migrate("stage-1", from, to, Map.of(), instances, true);
        assertThat(unmapped.unmapped()).contains("Task_InvestigateComplaint");
        assertThat(unmapped.movable()).isZero();
        assertThat(unmapped.blocked()).extracting(ComplaintMigration.Blocked::reference).containsExactly(first, second);
        assertThat(unmapped.blocked()).allSatisfy(blocked -> assertThat(blocked.reasons())
                .anySatisfy(reason -> assertThat(reason).contains("Task_InvestigateComplaint")));
        // the real run moves nothing either: nothing can move
        assertThat(migration.migrate("stage-1", from, to, Map.of(), instances, false).batchId()).isNull();
        assertThat(versionOf(first, "stage-1")).isEqualTo(from);

        ComplaintMigration.Result mapped = migration.migrate("stage-1", from, to,
                Map.of("Task_InvestigateComplaint", "Task_Investigate"), instances, false);
        assertThat(mapped.blocked()).isEmpty();
        assertThat(mapped.movable()).isEqualTo(2);
        runBatch(mapped.batchId());
        assertThat(openTasks(first)).containsExactly("Task_Investigate");
        assertThat(openTasks(second)).containsExactly("Task_Investigate");
        assertThat(migration.status(mapped.batchId())).hasValueSatisfying(status -> {
            assertThat(status.migrated()).isEqualTo(2);
            assertThat(status.finished()).isTrue();
            assertThat(status.notMigrated()).isEmpty();
        });
    }

    /**
     * Dry run (nothing moves), then the batch as the process owner, run by the job executor: the instance is on
     * the new version with every timer due as before and no letter sent again, the status counts it, and the
     * timeline says who moved it.
     */
    private void migrateKeepingTimersAndLetters(String reference, String processKey, int to) {
        int from = versionOf(reference, processKey);
        String instance = childProcess(reference, processKey).getId();
        Map<String, Date> timers = timersOf(reference);
        int letterCount = letterCount(reference);

        ComplaintMigration.Result dryRun = migration.migrate(processKey, from, to, Map.of(), List.of(instance), true);
        assertThat(dryRun.blocked()).isEmpty();
        assertThat(dryRun.unmapped()).isEmpty();
        assertThat(dryRun.movable()).isOne();
        assertThat(dryRun.batchId()).isNull();
        assertThat(versionOf(reference, processKey)).isEqualTo(from);

        identity.setAuthentication(OWNER, List.of("process-owners"));
        ComplaintMigration.Result started = migration.migrate(processKey, from, to, Map.of(), List.of(instance), false);
        identity.clearAuthentication();
        assertThat(started.batchId()).isNotNull();
        assertThat(migration.status(started.batchId())).hasValueSatisfying(status -> {
            assertThat(status.startedBy()).isEqualTo(OWNER);
            assertThat(status.instances()).isOne();
            assertThat(status.migrated()).isZero();
            assertThat(status.finished()).isFalse();
            assertThat(status.notMigrated()).containsExactly(reference);
        });
        assertThat(versionOf(reference, processKey)).as("moved by the batch, not before").isEqualTo(from);

        runBatch(started.batchId());
        assertThat(versionOf(reference, processKey)).isEqualTo(to);
        assertThat(timersOf(reference)).isEqualTo(timers);
        assertThat(letterCount(reference)).isEqualTo(letterCount);
        assertThat(migration.status(started.batchId())).hasValueSatisfying(status -> {
            assertThat(status.migrated()).isOne();
            assertThat(status.failedJobs()).isZero();
            assertThat(status.finished()).isTrue();
        });
        assertThat(migration.batches(processKey)).extracting(ComplaintMigration.BatchStatus::batchId)
                .contains(started.batchId());
        assertThat(auditEvents.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint(reference).getId()))
                .filteredOn(event -> event.getAction().equals("PROCESS_MIGRATED")).singleElement()
                .satisfies(event -> {
                    assertThat(event.getActor()).isEqualTo(OWNER);
                    assertThat(event.getDetail()).isEqualTo(processKey + " version " + from + " to version " + to);
                });
    }

    /** Executes the batch's seed, migration and monitor jobs until the engine has finished the batch. */
    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        assertThat(batch).isNotNull();
        for (int round = 0; round < 10 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
            for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId())) {
                management.createJobQuery().jobDefinitionId(definition).list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
        }
        assertThat(management.createBatchQuery().batchId(batchId).count()).as("batch finished").isZero();
    }

    private String inStage1Investigation() {
        String reference = logComplaint("chorus-homes", null, false);
        complete(reference, "Task_AcknowledgeComplaint");
        complete(reference, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        assertThat(openTasks(reference)).containsExactly("Task_InvestigateComplaint");
        return reference;
    }

    private String atStage2Review() {
        clockAt("2027-03-01T09:00");
        String reference = inStage1Investigation();
        clockAt("2027-03-15T10:00");
        complete(reference, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        clockAt("2027-03-16T10:00");
        send(reference, CustomerMessage.ESCALATE);
        clockAt("2027-03-18T10:00");
        complete(reference, "Task_AcknowledgeStage2");
        assertThat(openTasks(reference)).containsExactly("Task_ReviewComplaint");
        return reference;
    }

    private String inStage2Extension() {
        String reference = atStage2Review();
        LocalDate extendedTo = deadlineOf(reference, DeadlineType.STAGE_2_RESPONSE).atZone(LONDON).toLocalDate()
                .plusDays(7);
        complete(reference, "Task_ReviewComplaint", Map.of("stage2Decision", "EXTEND",
                "extensionReason", "We are waiting for the surveyor's report", "extendedResponseBy", extendedTo.toString()));
        assertThat(openTasks(reference)).containsExactly("Task_CompleteExtendedReview");
        return reference;
    }

    private String afterFinalResponse() {
        String reference = atStage2Review();
        clockAt("2027-03-31T10:00");
        complete(reference, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        // Chorus Homes: no sign-off; the complaint waits in the window
        childProcess(reference, "ombudsman-wait");
        assertThat(openTasks(reference)).isEmpty();
        return reference;
    }

    private int versionOf(String reference, String processKey) {
        return engine.getRepositoryService().getProcessDefinition(childProcess(reference, processKey)
                .getProcessDefinitionId()).getVersion();
    }

    /** Every timer of the complaint (its process and the called ones): timer id to due date. */
    private Map<String, Date> timersOf(String reference) {
        Map<String, Date> timers = new TreeMap<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().forEach(instance ->
                management.createJobQuery().processInstanceId(instance.getId()).timers().list()
                        .forEach((Job job) -> timers.put(job.getJobDefinitionId() == null ? job.getId()
                                : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                                        .singleResult().getActivityId(), job.getDuedate())));
        assertThat(timers).as("timers of " + reference).isNotEmpty();
        return timers;
    }

    /** Every letter of the complaint (the representative's copies too). */
    private int letterCount(String reference) {
        return letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint(reference).getId()).size();
    }
}
