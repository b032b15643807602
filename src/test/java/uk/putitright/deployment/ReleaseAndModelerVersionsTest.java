package uk.putitright.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.process.OwnerDeployments;
import uk.putitright.process.ProcessTestSupport;

/**
 * What a restart and a new release do to a version a process owner deployed from Modeler (engine tests, run on
 * H2 and on PostgreSQL with the rest of the suite): the same release changes nothing; a release that changed
 * other files leaves the owner's version the latest; a release that changed the same file wins, and says so
 * (warning, drift report). And which version of a called process a running complaint starts: the latest
 * (calledElementBinding="latest", chosen on purpose), found with its forms when only the .bpmn was deployed.
 */
class ReleaseAndModelerVersionsTest extends ProcessTestSupport {

    private static final String OWNER = "po.release";

    @Autowired ClasspathDeployment release;
    @Autowired DeploymentDrift drift;
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
    void aRestartOrAnotherFilesReleaseKeepsTheOwnersVersionAndAReleaseOfTheSameFileSaysItReplacedIt() {
        Map<String, byte[]> jar = release.releaseFiles();
        String policyFile = file(jar, "complaint-policy.dmn");
        String policy = text(jar, policyFile);
        String ownersPolicy = policy.replace("name=\"Complaint policy\"", "name=\"Complaint policy (owner)\"");
        assertThat(ownersPolicy).isNotEqualTo(policy);

        Deployment owners = owner.deploy("complaint-policy", "complaint-policy.dmn", ownersPolicy);
        assertThat(latestPolicyDeployment()).isEqualTo(owners.getId());

        // restart, same release: nothing is deployed, the owner's policy stays
        assertThat(release.deploy(engine, jar)).isEmpty();
        assertThat(latestPolicyDeployment()).isEqualTo(owners.getId());
        assertThat(drift.report().ownerVersions()).anySatisfy(version -> {
            assertThat(version.key()).isEqualTo("complaint-policy");
            assertThat(version.deploymentName()).isEqualTo("complaint-policy");
            assertThat(version.deployedBy()).isEqualTo(OWNER);
            assertThat(version.releaseVersion()).isNotNull().isLessThan(version.latestVersion());
        });

        // a release that changed Stage 1 only: Stage 1 is the release's, the policy is still the owner's
        Map<String, byte[]> nextRelease = new LinkedHashMap<>(jar);
        String stage1File = file(jar, "stage-1.bpmn");
        nextRelease.put(stage1File, text(jar, stage1File).replace("name=\"Stage 1 investigation\" isExecutable",
                "name=\"Stage 1 investigation (next release)\" isExecutable").getBytes(StandardCharsets.UTF_8));
        assertThat(release.deploy(engine, nextRelease)).isEmpty();
        ProcessDefinition stage1 = latest("stage-1");
        owner.track(stage1.getDeploymentId());
        assertThat(stage1.getName()).isEqualTo("Stage 1 investigation (next release)");
        assertThat(latestPolicyDeployment()).isEqualTo(owners.getId());

        // a release that changed the policy too: the release's policy is deployed, and the replacement is reported
        nextRelease.put(policyFile, policy.replace("name=\"Complaint policy\"", "name=\"Complaint policy (next release)\"")
                .getBytes(StandardCharsets.UTF_8));
        List<ClasspathDeployment.Superseded> replaced = release.deploy(engine, nextRelease);
        String releasePolicy = latestPolicyDeployment();
        owner.track(releasePolicy);
        assertThat(releasePolicy).isNotEqualTo(owners.getId());
        assertThat(replaced).singleElement().satisfies(superseded -> {
            assertThat(superseded.key()).isEqualTo("complaint-policy");
            assertThat(superseded.ownerDeploymentId()).isEqualTo(owners.getId());
            assertThat(superseded.releaseVersion()).isGreaterThan(superseded.ownerVersion());
        });
        assertThat(drift.report().supersededAtStartUp()).containsAll(replaced);
    }

    @Test
    void aComplaintEnteringStage1StartsTheStageVersionAProcessOwnerDeployedAloneAndItsFormsAreFound() {
        String reference = logComplaint("chorus-homes", null, false);
        String complaintVersion = mainProcess(reference).getProcessDefinitionId();

        // Modeler's default: only stage-1.bpmn, no forms, with the owner's change
        Map<String, byte[]> jar = release.releaseFiles();
        String stage1 = text(jar, file(jar, "stage-1.bpmn")).replace("name=\"Stage 1 investigation\" isExecutable",
                "name=\"Stage 1 investigation (owner)\" isExecutable");
        Deployment owners = owner.deploy("stage-1", "stage-1.bpmn", stage1);

        complete(reference, "Task_AcknowledgeComplaint");
        complete(reference, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));

        assertThat(mainProcess(reference).getProcessDefinitionId()).isEqualTo(complaintVersion);
        String stage1Definition = childProcess(reference, "stage-1").getProcessDefinitionId();
        assertThat(engine.getRepositoryService().getProcessDefinition(stage1Definition).getDeploymentId())
                .isEqualTo(owners.getId());
        // the task's form is the latest deployed one, although the owner's deployment holds no form
        assertThat(forms.getDeployedTaskForm(task(reference, "Task_InvestigateComplaint").getId())).isNotNull();
    }

    @Test
    void renamingTheStage2TasksInModelerKeepsFourEyesBecauseTheRulesFindTasksByTheirRole() {
        Map<String, byte[]> jar = release.releaseFiles();
        String stage2 = text(jar, file(jar, "stage-2.bpmn")).replace("Task_ReviewComplaint", "Task_SeniorReview")
                .replace("Task_SignOffStage2Response", "Task_DirectorSignOff");
        owner.deploy("stage-2", "stage-2.bpmn", stage2);

        ensureUser("sao.rename", "senior-advocacy");
        ensureUser("sao.rename", "directors");
        ensureUser("dir.rename", "directors");
        String ref = logComplaint("housing-plus", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        send(ref, uk.putitright.process.CustomerMessage.ESCALATE);
        complete(ref, "Task_AcknowledgeStage2");
        identity.setAuthentication("sao.rename", List.of("senior-advocacy", "directors"));
        // the outcome check still applies to the renamed review task
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(task(ref, "Task_SeniorReview").getId(),
                Map.of("stage2Decision", "RESPOND"))).hasMessageContaining("Write your findings");
        tasks.complete(task(ref, "Task_SeniorReview").getId(), Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "Repairs were late; we apologise.", "stage2Outcome", "UPHELD"));
        identity.clearAuthentication();
        executeDueJobs();

        String signOff = task(ref, "Task_DirectorSignOff").getId();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.claim(signOff, "sao.rename"))
                .hasMessageContaining("Four-eyes rule");
        tasks.claim(signOff, "dir.rename");
        assertThat(tasks.createTaskQuery().taskId(signOff).singleResult().getAssignee()).isEqualTo("dir.rename");
    }

    private String latestPolicyDeployment() {
        return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey("complaint-policy")
                .latestVersion().singleResult().getDeploymentId();
    }

    private ProcessDefinition latest(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
    }

    private static String file(Map<String, byte[]> files, String fileName) {
        return files.keySet().stream().filter(name -> name.endsWith(fileName)).findFirst().orElseThrow();
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
