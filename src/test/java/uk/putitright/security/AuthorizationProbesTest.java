package uk.putitright.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterType;
import uk.putitright.letters.TestMailServer;
import uk.putitright.process.CustomerMessage;

/**
 * The black-box probe of issue 18, call for call over HTTP: what it found staff could do, and must not.
 * {@link AuthorizationMatrixTest} holds every role against every path class; these are the stories.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own engine: the engine REST API serves the engine of the context started last (see AuditRulesTest)
@TestPropertySource(properties = "putitright.test.database=putitright-authz")
class AuthorizationProbesTest {

    static final String CUSTOMER_SERVICE = "cs.probe";
    static final String OMBUDSMAN_LIAISON = "ol.probe";
    static final String CASE_HANDLER = "sm.probe";
    static final String COLLEAGUE = "sm.colleague";
    static final String AUDITOR = "aud.probe";
    static final String PROCESS_OWNER = "po.probe";
    static final String ADMIN = "admin.probe";
    static final String NOBODY = "nobody.probe";
    static final String MONITOR = "monitor.probe";
    /** Complaints of this service area go to {@link #CASE_HANDLER} (AssignCaseHandlerDelegate). */
    static final String AREA = "authz-probe";
    /** ... and of this one to a case handler whose name nothing else looks up (names are kept a minute). */
    static final String LETTER_AREA = "authz-letter";
    static final String LETTER_CASE_HANDLER = "sm.letter";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired ComplaintIntake intake;
    @Autowired LetterRepository letters;
    @Autowired RepositoryService repository;

    private StaffHttp http;
    private ComplaintFixtures fixtures;

    @BeforeEach
    void staff() {
        TestMailServer.running();
        http = new StaffHttp(port);
        fixtures = new ComplaintFixtures(intake, runtime, tasks, management, identity);
        user(CUSTOMER_SERVICE, "customer-service");
        user(OMBUDSMAN_LIAISON, "ombudsman-liaison");
        user(CASE_HANDLER, "service-managers");
        user(CASE_HANDLER, "area-" + AREA);
        user(COLLEAGUE, "service-managers");
        user(LETTER_CASE_HANDLER, "service-managers");
        user(LETTER_CASE_HANDLER, "area-" + LETTER_AREA);
        user(AUDITOR, "auditors");
        user(PROCESS_OWNER, "process-owners");
        user(ADMIN, "camunda-admin");
        user(MONITOR, "monitoring");
        user(NOBODY, null);
        fixtures.name(CASE_HANDLER, "Rowan", "Ellis");
        fixtures.name(LETTER_CASE_HANDLER, "Morgan", "Reese");
    }

    @Test
    void customerServiceAndOmbudsmanLiaisonCannotRewriteAComplaintsWorkflow() throws Exception {
        String reference = complaintAtPutItRight();
        String main = instance(reference, "complaint").getId();
        String putItRight = instance(reference, "put-it-right").getId();
        Object signOff = runtime.getVariable(main, "stage2SignOffRequired");
        String modification = """
                {"instructions": [{"type": "cancel", "activityId": "Task_PutItRight"},
                                  {"type": "startAfterActivity", "activityId": "Task_PutItRight",
                                   "variables": {"putItRightOutcome": {"value": "RESOLVED", "type": "String"}}}]}""";

        for (String user : List.of(CUSTOMER_SERVICE, OMBUDSMAN_LIAISON)) {
            assertThat(http.status("POST", "/engine-rest/process-instance/" + putItRight + "/modification",
                    modification, user)).as(user + " modifies").isEqualTo(403);
            assertThat(http.status("PUT", "/engine-rest/process-instance/" + main + "/variables/stage2SignOffRequired",
                    "{\"value\": " + !Boolean.TRUE.equals(signOff) + ", \"type\": \"Boolean\"}", user))
                    .as(user + " sets a variable").isEqualTo(403);
            assertThat(http.status("PUT", "/engine-rest/process-instance/" + main + "/suspended",
                    "{\"suspended\": true}", user)).as(user + " suspends").isEqualTo(403);
            assertThat(http.status("DELETE", "/engine-rest/process-instance/" + main, null, user))
                    .as(user + " deletes").isEqualTo(403);
        }
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).list())
                .extracting(Task::getTaskDefinitionKey).containsExactly("Task_PutItRight");
        assertThat(runtime.getVariable(main, "stage2SignOffRequired")).isEqualTo(signOff);
        assertThat(instance(reference, "complaint").isSuspended()).isFalse();

        // ... while customer service still passes on what the customer asks, without UPDATE_INSTANCE
        assertThat(http.status("POST", "/api/complaints/" + reference + "/withdrawal", null, CUSTOMER_SERVICE))
                .isEqualTo(202);
    }

    @Test
    void anAdministratorsModificationIsOnTheComplaintsTimeline() throws Exception {
        String reference = complaintAtPutItRight();
        String main = instance(reference, "complaint").getId();
        assertThat(http.status("PUT", "/engine-rest/process-instance/" + main + "/suspended",
                "{\"suspended\": true}", ADMIN)).isEqualTo(204);
        assertThat(http.status("PUT", "/engine-rest/process-instance/" + main + "/suspended",
                "{\"suspended\": false}", ADMIN)).isEqualTo(204);
        String timeline = http.call("GET", "/api/complaints/" + reference + "/timeline", null, ADMIN).body();
        assertThat(timeline).contains("Intervention: Suspend", "Intervention: Activate", "\"actor\":\"" + ADMIN + "\"");
    }

    @Test
    void processOwnersDeleteNoHistoryAndNoDeployment() throws Exception {
        String reference = complaintAtPutItRight();
        intake.send(reference, CustomerMessage.WITHDRAW);
        runJobs(reference);
        String finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("complaint").finished().singleResult().getId();
        String deployment = repository.getProcessDefinition(history.createHistoricProcessInstanceQuery()
                .processInstanceId(finished).singleResult().getProcessDefinitionId()).getDeploymentId();

        assertThat(http.status("DELETE", "/engine-rest/history/process-instance/" + finished, null, PROCESS_OWNER))
                .isEqualTo(403);
        assertThat(http.status("POST", "/engine-rest/history/process-instance/delete",
                "{\"historicProcessInstanceIds\": [\"" + finished + "\"], \"deleteReason\": \"probe\"}", PROCESS_OWNER))
                .isEqualTo(403);
        assertThat(http.status("DELETE", "/engine-rest/deployment/" + deployment + "?cascade=true", null,
                PROCESS_OWNER)).isEqualTo(403);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isOne();
    }

    @Test
    void auditorsNeitherCommentNorRunTheHistoryCleanup() throws Exception {
        String reference = complaintAtPutItRight();
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
        // Camunda's comment resource answers any refusal by the engine with 400 "Not enough parameters submitted"
        assertThat(http.status("POST", "/engine-rest/task/" + taskId + "/comment/create",
                "{\"message\": \"an auditor's remark\"}", AUDITOR)).isEqualTo(400);
        assertThat(tasks.getTaskComments(taskId)).isEmpty();

        Job cleanup = history.cleanUpHistoryAsync(true);
        var execute = http.call("POST", "/engine-rest/job/" + cleanup.getId() + "/execute", null, AUDITOR);
        assertThat(execute.statusCode()).as(execute.body()).isEqualTo(403);
        var retries = http.call("PUT", "/engine-rest/job/" + cleanup.getId() + "/retries", "{\"retries\": 7}", AUDITOR);
        assertThat(retries.statusCode()).as(retries.body()).isEqualTo(403);
        assertThat(management.createJobQuery().jobId(cleanup.getId()).singleResult().getRetries()).isNotEqualTo(7);

        // an administrator may do both
        assertThat(http.status("POST", "/engine-rest/task/" + taskId + "/comment/create",
                "{\"message\": \"Called the customer back\"}", ADMIN)).isEqualTo(200);
        assertThat(tasks.getTaskComments(taskId)).hasSize(1);
    }

    @Test
    void aUserInNoGroupAndTheMonitoringUserReadNoComplaint() throws Exception {
        String reference = complaintAtPutItRight();
        for (String user : List.of(NOBODY, MONITOR)) {
            for (String path : List.of("/api/complaints/" + reference, "/api/complaints/" + reference + "/letters",
                    "/api/complaints/" + reference + "/timeline", "/audit/complaints/" + reference,
                    "/api/print-queue", "/engine-rest/task", "/engine-rest/process-instance")) {
                assertThat(http.status("GET", path, null, user)).as(user + " " + path).isEqualTo(403);
            }
            assertThat(http.status("POST", "/api/print-queue/posted", "{\"letterIds\": [1]}", user))
                    .as(user).isEqualTo(403);
        }
        assertThat(http.status("GET", "/actuator/prometheus", null, MONITOR)).isEqualTo(200);
        assertThat(http.status("GET", "/api/complaints/" + reference, null, AUDITOR)).isEqualTo(200);
    }

    @Test
    void aTaskIsAssignedOnlyToMembersOfItsCandidateGroups() throws Exception {
        String reference = complaintAtPutItRight();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(task.getAssignee()).isEqualTo(CASE_HANDLER);
        String path = "/engine-rest/task/" + task.getId();

        for (String outsider : List.of(NOBODY, CUSTOMER_SERVICE)) {
            assertThat(http.status("POST", path + "/assignee", "{\"userId\": \"" + outsider + "\"}", CASE_HANDLER))
                    .as("assign to " + outsider).isEqualTo(403);
            assertThat(http.status("POST", path + "/delegate", "{\"userId\": \"" + outsider + "\"}", CASE_HANDLER))
                    .as("delegate to " + outsider).isEqualTo(403);
            assertThat(http.status("PUT", path, "{\"name\": \"" + task.getName() + "\", \"assignee\": \""
                    + outsider + "\"}", CASE_HANDLER)).as("update to " + outsider).isEqualTo(403);
            assertThat(http.status("POST", path + "/identity-links",
                    "{\"userId\": \"" + outsider + "\", \"type\": \"assignee\"}", CASE_HANDLER))
                    .as("identity link to " + outsider).isEqualTo(403);
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(CASE_HANDLER);
        assertThat(http.status("GET", path + "/form-variables", null, NOBODY)).isEqualTo(403);

        assertThat(http.status("POST", path + "/unclaim", null, CASE_HANDLER)).isEqualTo(204);
        assertThat(http.status("POST", path + "/claim", "{\"userId\": \"" + NOBODY + "\"}", CASE_HANDLER))
                .as("claim for an outsider").isEqualTo(403);
        assertThat(http.status("POST", path + "/assignee", "{\"userId\": \"" + COLLEAGUE + "\"}", CASE_HANDLER))
                .as("a colleague in the candidate group").isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(COLLEAGUE);
    }

    @Test
    void staffCannotRenameThemselvesButStillChangeTheirPassword() throws Exception {
        String profile = "/engine-rest/user/" + CUSTOMER_SERVICE + "/profile";
        assertThat(http.status("PUT", profile, "{\"id\": \"" + CUSTOMER_SERVICE
                + "\", \"firstName\": \"The\", \"lastName\": \"Director\"}", CUSTOMER_SERVICE)).isEqualTo(403);
        assertThat(identity.createUserQuery().userId(CUSTOMER_SERVICE).singleResult().getLastName())
                .isNotEqualTo("Director");

        assertThat(http.status("PUT", "/engine-rest/user/" + CUSTOMER_SERVICE + "/credentials",
                "{\"password\": \"" + CUSTOMER_SERVICE + "\", \"authenticatedUserPassword\": \""
                        + CUSTOMER_SERVICE + "\"}", CUSTOMER_SERVICE)).isEqualTo(204);

        // an administrator names staff, in letters' terms: no control characters, no markup
        assertThat(http.status("PUT", profile, "{\"id\": \"" + CUSTOMER_SERVICE
                + "\", \"firstName\": \"Casey\", \"lastName\": \"Sm\\u0000ith<b>\"}", ADMIN)).isEqualTo(400);
        assertThat(http.status("PUT", profile, "{\"id\": \"" + CUSTOMER_SERVICE
                + "\", \"firstName\": \"Siân\", \"lastName\": \"O'Brien-Wójcik\"}", ADMIN)).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(CUSTOMER_SERVICE).singleResult().getLastName())
                .isEqualTo("O'Brien-Wójcik");
    }

    @Test
    void theAcknowledgementLetterNamesTheCaseHandlerWhenCustomerServiceCompletesIt() throws Exception {
        String reference = logComplaint(LETTER_AREA);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_AcknowledgeComplaint").singleResult().getId();
        String form = http.call("GET", "/engine-rest/task/" + taskId + "/form-variables", null, CUSTOMER_SERVICE)
                .body();
        assertThat(form).contains("\"caseHandlerName\":{\"type\":\"String\",\"value\":\"Morgan Reese\"");
        assertThat(http.status("POST", "/engine-rest/task/" + taskId + "/claim",
                "{\"userId\": \"" + CUSTOMER_SERVICE + "\"}", CUSTOMER_SERVICE)).isEqualTo(204);
        assertThat(http.status("POST", "/engine-rest/task/" + taskId + "/complete", "{}", CUSTOMER_SERVICE))
                .isEqualTo(204);
        runJobs(reference);
        var acknowledgement = letters.findAll().stream()
                .filter(l -> reference.equals(l.getReference()) && l.getType() == LetterType.ACKNOWLEDGEMENT)
                .findFirst().orElseThrow();
        assertThat(acknowledgement.getBody()).contains("Morgan Reese").doesNotContain(LETTER_CASE_HANDLER);
    }

    // ---- helpers

    private String logComplaint(String serviceArea) {
        return fixtures.logComplaint(serviceArea);
    }

    private String complaintAtPutItRight() {
        return fixtures.complaintAtPutItRight(AREA);
    }

    private ProcessInstance instance(String reference, String processKey) {
        return fixtures.instance(reference, processKey);
    }

    private void runJobs(String reference) {
        fixtures.runJobs(reference);
    }

    private void user(String id, String group) {
        fixtures.user(id, group);
    }
}
