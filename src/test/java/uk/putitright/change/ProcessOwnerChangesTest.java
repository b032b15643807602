package uk.putitright.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.calendar.WorkingDays;

/**
 * A process owner previews a candidate complaint-policy.dmn on generated complaints over HTTP (one lengthening
 * Chorus Homes' Stage 1 from 10 to 15 working days, one shortening it to 5), with exact late counts and CH02,
 * and with proof that nothing was deployed; a candidate the deployment checks refuse is a 400 naming the file's
 * problem. Then two real versions of the policy and of a process are compared, with who deployed each.
 *
 * <p>The complaints (written straight into the table, as the process would have left them) are six Chorus
 * Homes Stage 1 responses to a Stage 1 started on Monday 1 March 2032 (due Monday 15 March with 10 working
 * days) sent on working days 4, 7, 9, 10, 13 and 17, one of them also answered at Stage 2 in time; two Housing
 * Plus Care Plus responses (one late) that the candidates do not change; and one response from before the 12
 * months, left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-change")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessOwnerChangesTest {

    private static final String OWNER = "po.change";
    private static final String AUDITOR = "aud.change";
    private static final String CUSTOMER_SERVICE = "cs.change";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired WorkingDays workingDays;

    private final HttpClient http = HttpClient.newHttpClient();
    /** The owner's deployments, removed after each test: later tests in this engine see the release's models. */
    private final List<String> deployed = new java.util.ArrayList<>();

    @AfterEach
    void removeTheOwnersDeployments() {
        deployed.forEach(id -> repository.deleteDeployment(id, true));
        deployed.clear();
    }
    private String policyXml;
    private long id = 900_000;

    @BeforeAll
    void complaintsOfTheLastTwelveMonths() throws Exception {
        TestStaff.ensure(identity, OWNER, OWNER, "process-owners");
        TestStaff.ensure(identity, AUDITOR, AUDITOR, "auditors");
        TestStaff.ensure(identity, CUSTOMER_SERVICE, CUSTOMER_SERVICE, "customer-service");
        policyXml = Files.readString(Path.of("processes", "complaint-policy.dmn"));
        // years ahead of every other test's complaints, which share the PostgreSQL database (2032's March and
        // April fall on the same weekdays and Easter as 2027's)
        ClockUtil.setCurrentTime(Date.from(london("2032-06-01T12:00")));

        Instant stage1Started = london("2032-03-01T09:00");
        Instant due = workingDays.add(stage1Started, 10);
        assertThat(due).isEqualTo(london("2032-03-15T17:00"));
        for (String day : List.of("05", "10", "12", "15", "18", "24")) {
            long complaint = chorus(stage1Started, due, london("2032-03-" + day + "T12:00"));
            if (day.equals("05")) {
                Instant acknowledged = london("2032-04-01T09:00");
                jdbc.update("update complaint set stage2_requested_at = ?, stage2_acknowledged_at = ?,"
                                + " final_response_at = ?, stage2_response_by = ? where id = ?",
                        ts(london("2032-03-25T10:00")), ts(acknowledged), ts(london("2032-04-14T12:00")),
                        ts(workingDays.add(acknowledged, 10)), complaint);
            }
        }
        Instant acknowledged = london("2032-03-01T09:00");
        Instant carePlusDue = workingDays.add(acknowledged, 10);
        insert("housing-plus", "care-plus", acknowledged, acknowledged, london("2032-03-10T12:00"), carePlusDue);
        insert("housing-plus", "care-plus", acknowledged, acknowledged, london("2032-03-17T12:00"), carePlusDue);
        // answered late, but before the twelve months
        Instant old = london("2031-04-01T09:00");
        chorus(old, workingDays.add(old, 10), london("2031-05-01T12:00"));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void lengtheningStage1ShowsFewerLateResponsesAndAHigherCh02AndDeploysNothing() throws Exception {
        long deployments = repository.createDeploymentQuery().count();
        long decisions = repository.createDecisionDefinitionQuery().count();

        HttpResponse<String> response = preview(OWNER, "complaint-policy.dmn", chorusStage1(15));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        JsonNode chorus = line(preview, "chorus-homes", "");
        assertThat(chorus.get("candidateRule").asText()).isEqualTo("Rule_ChorusHomes");
        // due 15 March: 18 and 24 March late; due 22 March: only 24 March
        assertStage(chorus.get("stage1"), 6, 2, 1, "66.7", "83.3", 6);
        assertStage(chorus.get("stage2"), 1, 0, 0, "100.0", "100.0", 0);
        assertStage(line(preview, "housing-plus", "care-plus").get("stage1"), 2, 1, 1, "50.0", "50.0", 0);
        assertStage(preview.get("stage1"), 8, 3, 2, "62.5", "75.0", 6);
        // the page shows the same figures
        HttpResponse<String> page = preview(OWNER, "/audit/process-owners/policy-preview", "complaint-policy.dmn",
                chorusStage1(15));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rule_ChorusHomes", "66.7%", "83.3%", "62.5%", "75.0%")
                .doesNotContain("<script");
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createDecisionDefinitionQuery().count()).isEqualTo(decisions);
    }

    @Test
    void shorteningStage1ShowsMoreLateResponsesAndALowerCh02() throws Exception {
        long deployments = repository.createDeploymentQuery().count();

        HttpResponse<String> response = preview(OWNER, "complaint-policy.dmn", chorusStage1(5));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(response.body());
        // due 8 March: only the reply of 5 March is in time
        assertStage(line(preview, "chorus-homes", "").get("stage1"), 6, 2, 5, "66.7", "16.7", 6);
        assertStage(preview.get("stage1"), 8, 3, 6, "62.5", "25.0", 6);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void aCandidateTheDeploymentChecksRefuseIsA400NamingTheProblem() throws Exception {
        String script = policyXml.replaceFirst("<outputEntry id=\"Rule_ChorusHomes_Stage1ResponseWorkingDays\">",
                "<outputEntry id=\"Rule_ChorusHomes_Stage1ResponseWorkingDays\" expressionLanguage=\"javascript\">");
        HttpResponse<String> refused = preview(OWNER, "complaint-policy.dmn", script);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors").get(0).get("resource").asText()).isEqualTo("complaint-policy.dmn");
        assertThat(problem.get("errors").toString()).contains("javascript");

        String dropped = policyXml.replaceAll("(?s)\\s*<output id=\"Output_IcpOutcomeWorkingDays\"[^>]*/>", "")
                .replaceAll("(?s)\\s*<outputEntry id=\"Rule_\\w+_IcpOutcomeWorkingDays\">.*?</outputEntry>", "");
        HttpResponse<String> missing = preview(OWNER, "complaint-policy.dmn", dropped);
        assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("icpOutcomeWorkingDays");

        HttpResponse<String> noFile = send(OWNER, HttpRequest.newBuilder(uri("/api/process-owners/policy-preview"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noFile.body()).toString()).contains("policy");
    }

    @Test
    void onlyProcessOwnersPreview() throws Exception {
        assertThat(preview(AUDITOR, "complaint-policy.dmn", chorusStage1(15)).statusCode()).isEqualTo(403);
        assertThat(preview(CUSTOMER_SERVICE, "complaint-policy.dmn", chorusStage1(15)).statusCode()).isEqualTo(403);
    }

    @Test
    void whatChangedBetweenTwoVersionsOfThePolicyAndOfAProcess() throws Exception {
        int policyBefore = latestDecisionVersion();
        int reviewBefore = latestProcessVersion("breach-review");
        String breachReview = Files.readString(Path.of("processes", "breach-review.bpmn"))
                .replace("name=\"Review the missed deadline\"", "name=\"Review why the deadline was missed\"")
                .replace("${workingDays.fromNow(breachReviewWorkingDays)}", "${workingDays.fromNow(3)}");
        deployAsOwner("owner-change-" + UUID.randomUUID(), "complaint-policy.dmn", chorusStage1(15),
                "breach-review.bpmn", breachReview);

        HttpResponse<String> policy = send(AUDITOR, HttpRequest.newBuilder(uri("/api/process-owners/changes?key="
                + "complaint-policy&from=" + policyBefore + "&to=" + (policyBefore + 1))).GET());
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        JsonNode changes = JSON.readTree(policy.body());
        assertThat(changes.get("type").asText()).isEqualTo("decision");
        assertThat(changes.get("from").get("deployedBy").isNull()).isTrue();
        assertThat(changes.get("to").get("deployedBy").asText()).isEqualTo(OWNER);
        assertThat(changes.get("changes")).hasSize(1);
        JsonNode rule = changes.get("changes").get(0);
        assertThat(rule.get("change").asText()).isEqualTo("CHANGED");
        assertThat(rule.get("kind").asText()).isEqualTo("rule");
        assertThat(rule.get("id").asText()).isEqualTo("Rule_ChorusHomes");
        assertThat(rule.get("differences").toString())
                .isEqualTo("[{\"property\":\"stage1ResponseWorkingDays\",\"before\":\"10\",\"after\":\"15\"}]");

        HttpResponse<String> process = send(OWNER, HttpRequest.newBuilder(uri("/api/process-owners/changes?key="
                + "breach-review&from=" + reviewBefore + "&to=" + (reviewBefore + 1))).GET());
        assertThat(process.statusCode()).as(process.body()).isEqualTo(200);
        JsonNode task = JSON.readTree(process.body()).get("changes");
        assertThat(task).hasSize(1);
        assertThat(task.get(0).get("id").asText()).isEqualTo("Task_ReviewMissedDeadline");
        assertThat(task.get(0).get("kind").asText()).isEqualTo("user task");
        assertThat(task.get(0).get("differences").toString()).isEqualTo("[{\"property\":\"name\",\"before\":"
                + "\"Review the missed deadline\",\"after\":\"Review why the deadline was missed\"},{\"property\":"
                + "\"dueDate\",\"before\":\"${workingDays.fromNow(breachReviewWorkingDays)}\",\"after\":"
                + "\"${workingDays.fromNow(3)}\"}]");

        HttpResponse<String> noVersion = send(AUDITOR, HttpRequest.newBuilder(uri("/api/process-owners/changes?key="
                + "breach-review&from=1&to=99")).GET());
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(noVersion.body()).contains("to");
        assertThat(send(CUSTOMER_SERVICE, HttpRequest.newBuilder(uri("/api/process-owners/changes?key="
                + "breach-review&from=1&to=2")).GET()).statusCode()).isEqualTo(403);

        HttpResponse<String> page = send(AUDITOR, HttpRequest.newBuilder(uri("/audit/process-owners/changes?key="
                + "complaint-policy&from=" + policyBefore + "&to=" + (policyBefore + 1))).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Rule_ChorusHomes", "stage1ResponseWorkingDays", OWNER);
    }

    // ---------------------------------------------------------------- helpers

    private String chorusStage1(int days) {
        String entry = "<outputEntry id=\"Rule_ChorusHomes_Stage1ResponseWorkingDays\">\n          <text>10</text>";
        assertThat(policyXml).contains(entry);
        return policyXml.replace(entry, entry.replace(">10<", ">" + days + "<"));
    }

    private long chorus(Instant stage1Started, Instant due, Instant responded) {
        return insert("chorus-homes", null, stage1Started.minusSeconds(86_400 * 7), stage1Started, responded, due);
    }

    private long insert(String landlord, String businessLine, Instant acknowledged, Instant stage1Started,
                        Instant responded, Instant due) {
        long complaint = ++id;
        jdbc.update("""
                insert into complaint (id, version, reference, landlord, business_line, channel, received_at,
                    customer_name, preferred_contact, summary, stage, status, acknowledged_at, stage1_started_at,
                    stage1_responded_at, stage1_response_by)
                values (?, 0, ?, ?, ?, 'EMAIL', ?, 'Generated', 'EMAIL', 'Generated for the preview', 'STAGE_1',
                    'OPEN', ?, ?, ?, ?)""", complaint, "GEN-" + complaint, landlord, businessLine,
                ts(acknowledged.minusSeconds(3600)), ts(acknowledged), ts(stage1Started), ts(responded), ts(due));
        return complaint;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static Instant london(String local) {
        return LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    private static JsonNode line(JsonNode preview, String landlord, String businessLine) {
        for (JsonNode line : preview.get("lines")) {
            if (line.get("landlord").asText().equals(landlord) && line.get("businessLine").asText().equals(businessLine)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + landlord + "/" + businessLine + " in " + preview);
    }

    private static void assertStage(JsonNode stage, int responses, int lateBefore, int lateAfter, String ch02Before,
                                    String ch02After, int moved) {
        assertThat(stage.get("responses").asInt()).as("responses in %s", stage).isEqualTo(responses);
        assertThat(stage.get("lateBefore").asInt()).as("late before in %s", stage).isEqualTo(lateBefore);
        assertThat(stage.get("lateAfter").asInt()).as("late after in %s", stage).isEqualTo(lateAfter);
        assertThat(stage.get("ch02Before").decimalValue()).as("CH02 before in %s", stage)
                .isEqualByComparingTo(ch02Before);
        assertThat(stage.get("ch02After").decimalValue()).as("CH02 after in %s", stage).isEqualByComparingTo(ch02After);
        assertThat(stage.get("deadlinesMoved").asInt()).as("moved in %s", stage).isEqualTo(moved);
    }

    private int latestDecisionVersion() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("complaint-policy").latestVersion()
                .singleResult().getVersion();
    }

    private int latestProcessVersion(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getVersion();
    }

    /** As Modeler's Deploy does it for the process owner: through the engine with their login. */
    private void deployAsOwner(String name, String file1, String xml1, String file2, String xml2) {
        identity.setAuthentication(OWNER, List.of("process-owners"));
        try {
            deployed.add(repository.createDeployment().name(name).addString(file1, xml1).addString(file2, xml2)
                    .deploy().getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    private HttpResponse<String> preview(String user, String fileName, String xml) throws Exception {
        return preview(user, "/api/process-owners/policy-preview", fileName, xml);
    }

    private HttpResponse<String> preview(String user, String path, String fileName, String xml) throws Exception {
        String boundary = "----preview" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"policy\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
        return send(user, HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", TestStaff.basicAuth(user, user)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
