package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.putitright.TestStaff;
import uk.putitright.complaint.ComplaintRepository;

/**
 * A Chorus Homes complaint from logging to the Independent Complaints Panel, driven only through HTTP:
 * our API for the customer's side and the engine REST API for staff completing tasks. Subclasses pick the
 * database (H2 and the real PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ComplaintApiEndToEndTest {

    private static final String STAFF = "cs.endtoend";
    private static final String SERVICE_MANAGER = "sm.endtoend";
    private static final String HEAD_OF_SERVICE = "hos.endtoend";
    private static final String PANEL = "icp.endtoend";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ComplaintRepository complaints;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void staffUsers() {
        uk.putitright.letters.TestMailServer.running();
        staffUser(STAFF, "customer-service");
        staffUser(SERVICE_MANAGER, "service-managers");
        staffUser(HEAD_OF_SERVICE, "heads-of-service");
        staffUser(PANEL, "icp-panel");
    }

    private void staffUser(String id, String group) {
        TestStaff.ensure(identity, id, "secret", group);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void chorusComplaintRunsFromLoggingToTheIndependentComplaintsPanel() throws Exception {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-12-21T10:00:00Z")));
        HttpResponse<String> created = post("/api/complaints", """
                {"businessLine": "", "channel": "ONLINE_FORM",
                 "customer": {"name": "Pat Tenant", "email": "pat@example.org", "phone": "01480 000000",
                              "address": "2 Ouse Walk, Huntingdon", "preferredContact": "EMAIL"},
                 "summary": "Damp in the bedroom has not been treated.", "desiredOutcome": "Treat the damp"}
                """, false);
        assertThat(created.statusCode()).isEqualTo(201);
        String reference = JSON.readTree(created.body()).get("reference").asText();
        assertThat(reference).matches("CHG-2026-\\d{6}");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/complaints/" + reference);

        runJobs();
        JsonNode complaint = get(reference);
        assertThat(complaint.get("stage").asText()).isEqualTo("INTAKE");
        assertThat(complaint.get("status").asText()).isEqualTo("OPEN");
        // Mon 21 Dec 10:00 + 2 working days
        assertThat(complaint.at("/deadlines/acknowledgeBy").asText()).isEqualTo("2026-12-23T17:00:00Z");

        completeTask(reference, "Task_AcknowledgeComplaint", "{}", STAFF);
        complaint = get(reference);
        assertThat(complaint.get("stage").asText()).isEqualTo("PUT_IT_RIGHT");
        assertThat(complaint.at("/deadlines/informalResolutionBy").asText()).isEqualTo("2026-12-30T17:00:00Z");

        // the customer cannot ask for Stage 2 while put it right is still open... but may make a formal complaint
        completeTask(reference, "Task_PutItRight",
                "{\"putItRightOutcome\": {\"value\": \"UNRESOLVED\", \"type\": \"String\"}}", SERVICE_MANAGER);
        complaint = get(reference);
        assertThat(complaint.get("stage").asText()).isEqualTo("STAGE_1");
        // Stage 1 clock starts when the formal complaint starts (Mon 21 Dec): 10 working days
        assertThat(complaint.at("/deadlines/stage1ResponseBy").asText()).isEqualTo("2027-01-07T17:00:00Z");
        assertThat(post("/api/complaints/" + reference + "/icp-referral", "", true).statusCode()).isEqualTo(409);

        completeTask(reference, "Task_InvestigateComplaint",
                "{\"stage1Decision\": {\"value\": \"RESPOND\", \"type\": \"String\"}, \"stage1Findings\": {\"value\": \"The damp treatment missed the wall cavity.\", \"type\": \"String\"}, \"stage1Outcome\": {\"value\": \"UPHELD\", \"type\": \"String\"}}", SERVICE_MANAGER);
        HttpResponse<String> escalated = post("/api/complaints/" + reference + "/escalation",
                "{\"reason\": \"The damp came back\", \"desiredOutcome\": \"A proper survey\"}", true);
        assertThat(escalated.statusCode()).isEqualTo(202);
        runJobs();
        complaint = get(reference);
        assertThat(complaint.get("stage").asText()).isEqualTo("STAGE_2");
        assertThat(complaint.has("deadlines")).isTrue();
        assertThat(complaint.at("/deadlines/stage2AcknowledgeBy").asText()).isNotEmpty();

        completeTask(reference, "Task_AcknowledgeStage2", "{}", HEAD_OF_SERVICE);
        complaint = get(reference);
        assertThat(complaint.at("/deadlines/stage2ResponseBy").asText()).isNotEmpty();
        completeTask(reference, "Task_ReviewComplaint",
                "{\"stage2Decision\": {\"value\": \"RESPOND\", \"type\": \"String\"}, \"stage2Findings\": {\"value\": \"The survey came too late.\", \"type\": \"String\"}, \"stage2Outcome\": {\"value\": \"PARTLY_UPHELD\", \"type\": \"String\"}}", HEAD_OF_SERVICE);
        complaint = get(reference);
        assertThat(complaint.get("stage").asText()).isEqualTo("OMBUDSMAN_WAIT");
        assertThat(complaint.at("/deadlines/ombudsmanEligibleFrom").asText()).isNotEmpty();

        assertThat(post("/api/complaints/" + reference + "/icp-referral", "", true).statusCode()).isEqualTo(202);
        runJobs();
        completeTask(reference, "Task_PrepareIcpReferral", "{}", PANEL);
        completeTask(reference, "Task_RecordPanelOutcome", "{}", PANEL);

        complaint = get(reference);
        assertThat(complaint.get("stage").asText()).isEqualTo("INDEPENDENT_COMPLAINTS_PANEL");
        assertThat(complaint.get("status").asText()).isEqualTo("CLOSED");
        assertThat(complaint.get("closureReason").asText()).isEqualTo("ICP_CONCLUDED");
        assertThat(complaint.get("breaches")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("complaint").singleResult().getState()).isEqualTo("COMPLETED");
        assertThat(post("/api/complaints/" + reference + "/withdrawal", "", true).statusCode()).isEqualTo(409);

        // every letter is kept with the complaint and downloadable by staff
        HttpResponse<String> listed = http.send(authorised(HttpRequest.newBuilder(
                uri("/api/complaints/" + reference + "/letters"))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode letters = JSON.readTree(listed.body());
        assertThat(letters.findValuesAsText("type")).containsSubsequence("ACKNOWLEDGEMENT",
                "FORMAL_COMPLAINT_GUIDANCE", "STAGE_1_RESPONSE", "STAGE_2_ACKNOWLEDGEMENT", "STAGE_2_FINAL_RESPONSE",
                "OMBUDSMAN_SIGNPOSTING", "ICP_REFERRAL", "ICP_OUTCOME");
        String pdfPath = letters.get(0).get("pdf").asText();
        HttpResponse<byte[]> pdf = http.send(authorised(HttpRequest.newBuilder(uri(pdfPath))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(http.send(HttpRequest.newBuilder(uri(pdfPath)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void invalidComplaintIsRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long complaintsBefore = complaints.count();
        long processesBefore = runtime.createProcessInstanceQuery().processDefinitionKey("complaint").count();

        HttpResponse<String> response = post("/api/complaints", """
                {"channel": "ONLINE_FORM",
                 "customer": {"name": "", "email": "not-an-email", "preferredContact": "EMAIL"},
                 "summary": ""}
                """, false);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> fields = JSON.readTree(response.body()).get("errors").findValuesAsText("field");
        assertThat(fields).containsExactlyInAnyOrder("customer.name", "customer.email", "summary");
        assertThat(complaints.count()).isEqualTo(complaintsBefore);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("complaint").count())
                .isEqualTo(processesBefore);
    }

    @Test
    void unknownFieldsUnknownOptionsAndUnknownLandlordsAreNamed() throws Exception {
        String valid = "\"channel\": \"PHONE\", \"summary\": \"x\", \"customer\": {\"name\": \"A\", "
                + "\"phone\": \"01234\", \"preferredContact\": \"PHONE\"}";
        assertThat(errorFields(post("/api/complaints", "{" + valid + ", \"colour\": \"red\"}", false)))
                .containsExactly("colour");
        assertThat(errorFields(post("/api/complaints",
                "{\"channel\": \"CARRIER_PIGEON\", \"summary\": \"x\"}", false))).containsExactly("channel");
        assertThat(errorFields(post("/api/complaints", "{" + valid + ", \"landlord\": \"nobody\"}", false)))
                .containsExactly("landlord");
        assertThat(errorFields(post("/api/complaints", "{\"channel\": \"PHONE\", \"summary\": \"x\", "
                + "\"customer\": {\"name\": \"A\", \"preferredContact\": \"POST\"}}", false)))
                .containsExactly("customer.address");
    }

    @Test
    void staffEndpointsNeedAuthenticationAndUnknownReferencesAre404() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/complaints/CHG-2026-999999"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = http.send(authorised(HttpRequest.newBuilder(uri("/api/complaints/CHG-2026-999999")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(post("/api/complaints/CHG-2026-999999/escalation", "", true).statusCode()).isEqualTo(404);
        HttpResponse<String> engineRest = http.send(HttpRequest.newBuilder(uri("/engine-rest/task")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(engineRest.statusCode()).isEqualTo(401);
    }

    @Test
    void aServiceManagerCannotSeeOrCompleteACustomerServiceTaskInTasklistOrTheEngineApi() throws Exception {
        HttpResponse<String> created = post("/api/complaints", """
                {"channel": "PHONE", "customer": {"name": "Lee Tenant", "phone": "01480 000001",
                 "preferredContact": "PHONE"}, "summary": "The lift is broken."}
                """, false);
        String reference = JSON.readTree(created.body()).get("reference").asText();
        runJobs();
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();

        // engine REST API, HTTP Basic
        HttpResponse<String> listed = http.send(authorised(HttpRequest.newBuilder(
                uri("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + reference)), SERVICE_MANAGER).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body())).isEmpty();
        HttpResponse<String> completed = http.send(authorised(HttpRequest.newBuilder(
                        uri("/engine-rest/task/" + taskId + "/complete")), SERVICE_MANAGER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(completed.statusCode()).isEqualTo(403);

        // Tasklist's own API, with a login session and its CSRF token
        TasklistSession tasklist = new TasklistSession(SERVICE_MANAGER);
        assertThat(JSON.readTree(tasklist.get("/task?maxResults=50&processInstanceBusinessKey=" + reference).body())).isEmpty();
        assertThat(tasklist.post("/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(403);
        TasklistSession customerService = new TasklistSession(STAFF);
        assertThat(JSON.readTree(customerService.get("/task?maxResults=50&processInstanceBusinessKey=" + reference).body()))
                .hasSize(1);
        assertThat(customerService.post("/task/" + taskId + "/complete", "{}").statusCode()).isEqualTo(204);
    }

    /** A browser-like session of the Tasklist webapp: login form, session cookie and XSRF token. */
    private final class TasklistSession {

        private final java.net.CookieManager cookies = new java.net.CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        TasklistSession(String user) throws Exception {
            client.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(
                            uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", xsrf())
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=secret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return client.send(HttpRequest.newBuilder(uri("/camunda/api/engine/engine/default" + path))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse("");
        }
    }

    private List<String> errorFields(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return JSON.readTree(response.body()).get("errors").findValuesAsText("field");
    }

    private void completeTask(String reference, String taskKey, String variables, String user) throws Exception {
        runJobs();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        HttpResponse<String> response = http.send(authorised(HttpRequest.newBuilder(
                        uri("/engine-rest/task/" + task.getId() + "/complete")), user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"variables\": " + variables + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        runJobs();
    }

    /** The job executor is off in tests: run what is due, as it would. */
    private void runJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private JsonNode get(String reference) throws Exception {
        HttpResponse<String> response = http.send(authorised(HttpRequest.newBuilder(
                uri("/api/complaints/" + reference))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body, boolean asStaff) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send((asStaff ? authorised(request) : request).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request) {
        return authorised(request, STAFF);
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder request, String user) {
        return request.header("Authorization", TestStaff.basicAuth(user, "secret"));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
