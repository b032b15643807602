package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.process.ProcessTestSupport;

/** Each group sees and works only its own tasks; auditors read and change nothing; only process owners deploy. */
class TaskAuthorizationTest extends ProcessTestSupport {

    @Autowired RepositoryService repository;

    @BeforeEach
    void staff() {
        ensureUser("cs.authz", "customer-service");
        ensureUser("sm.authz", "service-managers");
        ensureUser("aud.authz", "auditors");
        ensureUser("po.authz", "process-owners");
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void aTaskIsVisibleAndWorkableOnlyForItsCandidateGroup() {
        String ref = logComplaint("chorus-homes", null, false);

        as("sm.authz", "service-managers");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
        String taskId = idOf(ref, "Task_AcknowledgeComplaint");
        as("sm.authz", "service-managers");
        assertThatThrownBy(() -> tasks.complete(taskId)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.claim(taskId, "sm.authz")).isInstanceOf(AuthorizationException.class);

        as("cs.authz", "customer-service");
        List<Task> visible = tasks.createTaskQuery().processInstanceBusinessKey(ref).listPage(0, 100);
        assertThat(visible).extracting(Task::getTaskDefinitionKey).containsExactly("Task_AcknowledgeComplaint");
        tasks.claim(taskId, "cs.authz");
        tasks.complete(taskId);
        identity.clearAuthentication();
        executeDueJobs();
        assertThat(openTasks(ref)).containsExactly("Task_PutItRight");
    }

    @Test
    void auditorsReadTasksAndHistoryButCannotCompleteOrChangeAnything() {
        String ref = logComplaint("chorus-homes", null, false);
        String taskId = idOf(ref, "Task_AcknowledgeComplaint");

        as("aud.authz", "auditors");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ref).count()).isEqualTo(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref)
                        .singleResult().getId()).count()).isPositive();
        assertThatThrownBy(() -> tasks.complete(taskId)).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.setAssignee(taskId, "aud.authz")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.setVariable(taskId, "consentGiven", true))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> runtime.createMessageCorrelation("WithdrawComplaint")
                .processInstanceBusinessKey(ref).correlate()).isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();
        assertThat(openTasks(ref)).containsExactly("Task_AcknowledgeComplaint");
    }

    @Test
    void onlyProcessOwnersDeployModels() {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
                  <bpmn:process id="authz-probe" name="Probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe" name="Start"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        as("cs.authz", "customer-service");
        assertThatThrownBy(() -> repository.createDeployment().name("not allowed")
                .addString("probe.bpmn", model).deploy()).isInstanceOf(AuthorizationException.class);
        as("aud.authz", "auditors");
        assertThatThrownBy(() -> repository.createDeployment().name("not allowed")
                .addString("probe.bpmn", model).deploy()).isInstanceOf(AuthorizationException.class);
        as("po.authz", "process-owners");
        var deployment = repository.createDeployment().name("process owner").addString("probe.bpmn", model).deploy();
        identity.clearAuthentication();
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count()).isEqualTo(1);
        repository.deleteDeployment(deployment.getId(), true);
    }

    private String idOf(String ref, String taskKey) {
        identity.clearAuthentication();
        return task(ref, taskKey).getId();
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group));
    }
}
