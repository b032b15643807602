package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;

/**
 * What Tasklist's "Log a complaint" start form and task cards get from the server, over HTTP as Tasklist asks
 * for it: the start item's name, the start form's variables (business line only where the landlord has
 * them), a refusal in plain words as a 400 (not "Cannot instantiate process definition ..."), the category
 * stored, and a task card's stage, due date and customer name from our API, never from process variables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-tasklist-start")
class TasklistStartFormAndCardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "secret";
    private static final String SUBMIT = "/engine-rest/process-definition/key/complaint/submit-form";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ComplaintRepository complaints;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void staff() {
        uk.putitright.letters.TestMailServer.running();
        TestStaff.ensure(identity, "cs.start", PASSWORD, "customer-service");
        TestStaff.ensure(identity, "icp.start", PASSWORD, "icp-panel");
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-12-01T10:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theStartItemIsLogAComplaintAndItsFormKnowsChorusHomesHasNoBusinessLines() throws Exception {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("complaint").latestVersion()
                .singleResult().getName()).isEqualTo("Log a complaint");
        HttpResponse<String> variables = get("/engine-rest/process-definition/key/complaint/form-variables",
                "cs.start");
        assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
        assertThat(JSON.readTree(variables.body()).at("/landlordHasBusinessLines/value").asBoolean(true)).isFalse();
    }

    @Test
    void contactByPhoneWithoutANumberIsRefusedInPlainWordsAndLogsNothing() throws Exception {
        long before = complaints.count();
        Map<String, Object> form = form("PHONE");
        form.remove("customerPhoneNeeded");
        HttpResponse<String> refused = post(SUBMIT, body(form), "cs.start");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String message = JSON.readTree(refused.body()).get("message").asText();
        assertThat(message).isEqualTo("The complaint was not logged. Phone number: the customer wants us to phone "
                + "them, so add their phone number or choose another way.");
        assertThat(complaints.count()).isEqualTo(before);

        Map<String, Object> byEmail = form("EMAIL");
        byEmail.remove("customerEmailNeeded");
        HttpResponse<String> noEmail = post(SUBMIT, body(byEmail), "cs.start");
        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noEmail.body()).get("message").asText())
                .startsWith("The complaint was not logged. Email address: the customer wants us to email them");
        assertThat(complaints.count()).isEqualTo(before);
    }

    @Test
    void theRequiredPhoneFieldAndTheCategoryAreStoredAndTheCardShowsStageDueDateAndCustomer() throws Exception {
        HttpResponse<String> started = post(SUBMIT, body(form("PHONE")), "cs.start");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        JsonNode instance = JSON.readTree(started.body());
        String reference = instance.get("businessKey").asText();
        assertThat(reference).matches("CHG-2026-\\d{6}");
        runJobs();

        Complaint complaint = complaints.findByReference(reference).orElseThrow();
        assertThat(complaint.getCustomer().getPhone()).isEqualTo("01480 222333");
        assertThat(complaint.getServiceArea()).isEqualTo("damp-and-mould");
        assertThat(jdbc.queryForObject("select count(*) from complaint where reference = ? and service_area is null",
                Long.class, reference)).isZero();
        // personal data stays out of the engine, the required variants too
        assertThat(runtime.getVariables(instance.get("id").asText()).keySet())
                .doesNotContain("customerName", "customerPhone", "customerPhoneNeeded", "serviceArea");

        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_AcknowledgeComplaint").singleResult().getId();
        HttpResponse<String> card = get("/api/cases/by-task/" + taskId + "/card", "cs.start");
        assertThat(card.statusCode()).as(card.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(card.body());
        assertThat(shown.get("reference").asText()).isEqualTo(reference);
        assertThat(shown.get("stageLabel").asText()).isEqualTo("Being logged");
        assertThat(shown.get("customer").asText()).isEqualTo("Kit Caller");
        // Chorus Homes acknowledges within 2 working days: Tuesday 1 December -> Thursday 3 December
        assertThat(shown.get("due").asText()).isEqualTo("Thursday 3 December 2026");
        assertThat(shown.get("dueStatus").asText()).isEqualTo("on time");
        // the panel reads only the complaints referred to it
        assertThat(get("/api/cases/by-task/" + taskId + "/card", "icp.start").statusCode()).isEqualTo(403);
        assertThat(get("/api/cases/by-task/unknown-task/card", "cs.start").statusCode()).isEqualTo(404);
    }

    /** Tasklist's plugins call our API with the Tasklist session: the session must stay the same one. */
    @Test
    void aCardReadWithTheTasklistSessionLeavesThatSessionLoggedIn() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> cookies = new LinkedHashMap<>();
        page.headers().allValues("Set-Cookie").forEach(c -> cookies.put(c.substring(0, c.indexOf('=')),
                c.substring(c.indexOf('=') + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))));
        String cookie = "JSESSIONID=" + cookies.get("JSESSIONID") + "; XSRF-TOKEN=" + cookies.get("XSRF-TOKEN");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=cs.start&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // Camunda's login gives the session a new id
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElse(cookies.get("JSESSIONID"));
        String loggedIn = "JSESSIONID=" + session + "; XSRF-TOKEN=" + cookies.get("XSRF-TOKEN");

        HttpResponse<String> card = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/cases/by-task/unknown-task/card")).header("Cookie", loggedIn).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(card.statusCode()).isEqualTo(404);
        assertThat(card.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/engine/engine/default/user/cs.start/profile")).header("Cookie", loggedIn).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tasklist.statusCode()).as("Tasklist still logged in").isEqualTo(200);
    }

    private static Map<String, Object> form(String preferredContact) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("channel", "PHONE");
        form.put("serviceArea", "damp-and-mould");
        form.put("customerName", "Kit Caller");
        form.put("preferredContact", preferredContact);
        form.put("customerPhoneNeeded", "01480 222333");
        form.put("customerEmailNeeded", "kit@example.org");
        form.put("complaintSummary", "Black mould in the bathroom keeps coming back.");
        return form;
    }

    /** Tasklist's submit-form body: {"variables": {name: {"value": ...}}}. */
    private static String body(Map<String, Object> form) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        form.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return JSON.writeValueAsString(Map.of("variables", variables));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestStaff.basicAuth(user, PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestStaff.basicAuth(user, PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void runJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
