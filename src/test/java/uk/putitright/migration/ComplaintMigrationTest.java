package uk.putitright.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.putitright.audit.AuditEventRepository;
import uk.putitright.letters.LetterType;
import uk.putitright.process.ProcessTestSupport;

/**
 * A process owner moves complaints waiting in Stage 1 investigation to a new version of stage-1 with an added
 * user task: a dry run changes nothing, the migration keeps the response timer's due date, sends no letter
 * again, is on the complaint's timeline with who did it, and the complaint then follows the new version. A
 * renamed task is reported, not guessed, until the owner maps it.
 */
class ComplaintMigrationTest extends ProcessTestSupport {

    private static final String OWNER = "po.migrate";

    @Autowired ComplaintMigration migration;
    @Autowired AuditEventRepository auditEvents;
    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheTestsVersions() {
        identity.clearAuthentication();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            engine.getRepositoryService().deleteDeployment(deployments.get(i), true);
        }
    }

    @Test
    void complaintsInStage1InvestigationMoveToAVersionWithAnAddedTaskKeepingTheirTimerAndLetters() throws Exception {
        clockAt("2026-12-21T10:00");
        String reference = inStage1Investigation();
        int from = stage1Version(reference);
        Date timerDue = responseTimer(reference).getDuedate();
        List<LetterType> letters = lettersOf(reference);

        int to = deployStage1(withQualityCheck(classpathStage1()));
        assertThat(migration.versions("stage-1")).anySatisfy(version -> {
            assertThat(version.version()).isEqualTo(from);
            assertThat(version.waitingAt()).containsKey("Task_InvestigateComplaint");
        });
        String instance = childProcess(reference, "stage-1").getId();

        ComplaintMigration.Result dryRun = migration.migrate("stage-1", from, to, Map.of(), List.of(instance), true);
        assertThat(dryRun.blocked()).isEmpty();
        assertThat(dryRun.unmapped()).isEmpty();
        assertThat(dryRun.migrated()).isZero();
        assertThat(stage1Version(reference)).isEqualTo(from);

        identity.setAuthentication(OWNER, List.of("process-owners"));
        ComplaintMigration.Result done = migration.migrate("stage-1", from, to, Map.of(), List.of(instance), false);
        identity.clearAuthentication();
        assertThat(done.migrated()).isOne();
        assertThat(stage1Version(reference)).isEqualTo(to);
        assertThat(responseTimer(reference).getDuedate()).isEqualTo(timerDue);
        assertThat(lettersOf(reference)).isEqualTo(letters);
        assertThat(auditEvents.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint(reference).getId()))
                .anySatisfy(event -> {
                    assertThat(event.getAction()).isEqualTo("PROCESS_MIGRATED");
                    assertThat(event.getActor()).isEqualTo(OWNER);
                    assertThat(event.getDetail()).isEqualTo("stage-1 version " + from + " to version " + to);
                });

        complete(reference, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        assertThat(openTasks(reference)).containsExactly("Task_QualityCheck");
    }

    @Test
    void aRenamedTaskIsReportedNotGuessedUntilTheOwnerMapsIt() throws Exception {
        clockAt("2026-12-21T10:00");
        String reference = inStage1Investigation();
        int from = stage1Version(reference);
        int to = deployStage1(classpathStage1().replace("Task_InvestigateComplaint", "Task_Investigate"));
        String instance = childProcess(reference, "stage-1").getId();

        ComplaintMigration.Result unmapped = migration.migrate("stage-1", from, to, Map.of(), List.of(instance), true);
        assertThat(unmapped.unmapped()).contains("Task_InvestigateComplaint");
        assertThat(unmapped.blocked()).singleElement().satisfies(blocked -> {
            assertThat(blocked.reference()).isEqualTo(reference);
            assertThat(blocked.reasons()).anySatisfy(reason -> assertThat(reason).contains("Task_InvestigateComplaint"));
        });

        ComplaintMigration.Result mapped = migration.migrate("stage-1", from, to,
                Map.of("Task_InvestigateComplaint", "Task_Investigate"), List.of(instance), false);
        assertThat(mapped.blocked()).isEmpty();
        assertThat(mapped.migrated()).isOne();
        assertThat(openTasks(reference)).containsExactly("Task_Investigate");
    }

    private String inStage1Investigation() {
        String reference = logComplaint("chorus-homes", null, false);
        complete(reference, "Task_AcknowledgeComplaint");
        complete(reference, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        assertThat(openTasks(reference)).containsExactly("Task_InvestigateComplaint");
        return reference;
    }

    private int stage1Version(String reference) {
        return engine.getRepositoryService().getProcessDefinition(childProcess(reference, "stage-1")
                .getProcessDefinitionId()).getVersion();
    }

    private Job responseTimer(String reference) {
        return management.createJobQuery().processInstanceId(childProcess(reference, "stage-1").getId())
                .activityId("Timer_Stage1ResponseDue").singleResult();
    }

    private int deployStage1(String model) {
        ensureUser(OWNER, "process-owners");
        identity.setAuthentication(OWNER, List.of("process-owners"));
        var deployment = engine.getRepositoryService().createDeployment().name("stage-1").source("Camunda Modeler")
                .addString("stage-1.bpmn", model).deployWithResult();
        identity.clearAuthentication();
        deployments.add(deployment.getId());
        return deployment.getDeployedProcessDefinitions().get(0).getVersion();
    }

    private static String classpathStage1() throws Exception {
        return new String(new PathMatchingResourcePatternResolver().getResource("classpath:processes/stage-1.bpmn")
                .getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    /** A quality check by the Stage 1 group between the response being ready and the letter going out. */
    private static String withQualityCheck(String stage1) {
        String changed = stage1
                .replace("<bpmn:sequenceFlow id=\"Flow_Stage1ResponseReady\" sourceRef=\"Gateway_Stage1ResponseReady\" targetRef=\"Task_SendStage1Response\" />",
                        "<bpmn:sequenceFlow id=\"Flow_Stage1ResponseReady\" sourceRef=\"Gateway_Stage1ResponseReady\" targetRef=\"Task_QualityCheck\" />"
                        + "<bpmn:sequenceFlow id=\"Flow_QualityChecked\" sourceRef=\"Task_QualityCheck\" targetRef=\"Task_SendStage1Response\" />"
                        + "<bpmn:userTask id=\"Task_QualityCheck\" name=\"Check the response\" camunda:candidateGroups=\"${stage1Group}\""
                        + " camunda:formRef=\"form-log-comment\" camunda:formRefBinding=\"latest\">"
                        + "<bpmn:incoming>Flow_Stage1ResponseReady</bpmn:incoming><bpmn:outgoing>Flow_QualityChecked</bpmn:outgoing></bpmn:userTask>");
        assertThat(changed).isNotEqualTo(stage1);
        return changed;
    }
}
