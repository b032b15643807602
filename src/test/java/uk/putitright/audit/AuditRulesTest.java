package uk.putitright.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.TestMailServer;

/**
 * The audit rules over HTTP: staff actions through our API reach the engine's user operation log with the
 * user; auditors change nothing; retention is configuration; an erasure anonymises a closed complaint and
 * its history but keeps it countable, and is itself recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own database and so its own Spring context: the engine REST API finds the engine by name ("default"),
// which is the engine of the context started last, so a test using it must not share a cached context
@TestPropertySource(properties = "putitright.test.database=putitright-audit")
class AuditRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAFF = "cs.audit";
    private static final String AUDITOR = "aud.audit";
    private static final String OWNER = "po.audit";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired org.camunda.bpm.engine.TaskService tasks;
    @Autowired RepositoryService repository;
    @Autowired ProcessEngineConfiguration engineConfiguration;
    @Autowired ComplaintRepository complaints;
    @Autowired LetterRepository letters;
    @Autowired AuditEventRepository auditEvents;
    @Autowired HistoryRetention retention;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void users() {
        TestMailServer.running();
        user(STAFF, "customer-service");
        user(AUDITOR, "auditors");
        user(OWNER, "process-owners");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void staffActionsThroughTheApiAreLoggedWithTheUserAndAuditorsChangeNothing() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-21T10:00:00Z")));
        String reference = newComplaint();

        HttpResponse<String> byAuditor = post("/api/complaints/" + reference + "/withdrawal", "", AUDITOR);
        assertThat(byAuditor.statusCode()).isEqualTo(403);
        runJobs();
        assertThat(complaint(reference).getStatus()).isEqualTo(ComplaintStatus.OPEN);

        // Tasklist and the engine REST API: the engine's user operation log names the user
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_AcknowledgeComplaint").singleResult().getId();
        assertThat(post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + STAFF + "\"}", STAFF)
                .statusCode()).isEqualTo(204);
        assertThat(post("/engine-rest/task/" + taskId + "/complete", "{}", STAFF).statusCode()).isEqualTo(204);
        assertThat(history.createUserOperationLogQuery().userId(STAFF).taskId(taskId).list())
                .extracting(UserOperationLogEntry::getOperationType).contains("Claim", "Complete");

        // our API: the customer's request passed on by staff is recorded with the user
        assertThat(post("/api/complaints/" + reference + "/withdrawal", "", STAFF).statusCode()).isEqualTo(202);
        runJobs();
        assertThat(complaint(reference).getStatus()).isEqualTo(ComplaintStatus.WITHDRAWN);
        assertThat(auditEvents.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint(reference).getId()))
                .extracting(AuditEvent::getActor, AuditEvent::getAction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(STAFF, "MESSAGE_WITHDRAW"));
    }

    @Test
    void auditorsReadTheTimelineAndTheReportsButRecordNothing() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-21T10:00:00Z")));
        String reference = newComplaint();
        assertThat(post("/api/complaints/" + reference + "/withdrawal", "", STAFF).statusCode()).isEqualTo(202);
        runJobs();

        assertThat(get("/api/complaints/" + reference + "/timeline", AUDITOR).statusCode()).isEqualTo(200);
        assertThat(get("/audit/complaints/" + reference, AUDITOR).body()).contains(reference);
        assertThat(get("/api/reports/compliance?from=2026-12-01&to=2026-12-31", AUDITOR).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/improvement-actions", AUDITOR).statusCode()).isEqualTo(200);
        assertThat(post("/api/complaints/" + reference + "/survey-response", "{\"rating\": 5}", AUDITOR)
                .statusCode()).isEqualTo(403);
        assertThat(post("/api/print-queue/posted", "{\"letterIds\": [1]}", AUDITOR).statusCode()).isEqualTo(403);

        HttpResponse<String> recorded = post("/api/complaints/" + reference + "/survey-response",
                "{\"rating\": 4}", STAFF);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(post("/api/complaints/" + reference + "/survey-response", "{\"rating\": 2}", STAFF)
                .statusCode()).as("one answer per complaint").isEqualTo(409);
        HttpResponse<String> outOfRange = post("/api/complaints/" + reference + "/survey-response",
                "{\"rating\": 9}", STAFF);
        assertThat(JSON.readTree(outOfRange.body()).at("/errors/0/field").asText()).isEqualTo("rating");
        assertThat(auditEvents.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint(reference).getId()))
                .extracting(AuditEvent::getActor, AuditEvent::getAction)
                .contains(org.assertj.core.groups.Tuple.tuple(STAFF, "SURVEY_ANSWER_RECORDED"));
    }

    @Test
    void everyDefinitionKeepsHistoryForTheConfiguredRetentionAndCleanupRunsInItsWindow() {
        assertThat(repository.createProcessDefinitionQuery().list())
                .extracting(definition -> definition.getKey() + "=" + definition.getHistoryTimeToLive())
                .contains("complaint=2190", "improvement-action=2190", "letter-delivery=2190")
                .allMatch(entry -> entry.endsWith("=2190"));
        assertThat(repository.createDecisionDefinitionQuery().list())
                .allMatch(definition -> definition.getHistoryTimeToLive() == 2190);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full-without-personal-data");
    }

    @Test
    void erasureAnonymisesAClosedComplaintKeepsItsFactsAndIsRecorded() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-21T10:00:00Z")));
        String reference = newComplaint();
        assertThat(post("/api/complaints/" + reference + "/erasure", "{\"reason\": \"erasure request\"}", OWNER)
                .statusCode()).as("still open").isEqualTo(409);
        assertThat(post("/api/complaints/" + reference + "/withdrawal", "", STAFF).statusCode()).isEqualTo(202);
        runJobs();

        HttpResponse<String> noReason = post("/api/complaints/" + reference + "/erasure", "{}", OWNER);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(noReason.body()).at("/errors/0/field").asText()).isEqualTo("reason");
        assertThat(post("/api/complaints/" + reference + "/erasure", "{\"reason\": \"x\"}", AUDITOR).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/complaints/" + reference + "/erasure", "{\"reason\": \"x\"}", STAFF).statusCode())
                .isEqualTo(403);
        assertThat(complaint(reference).isAnonymised()).isFalse();

        HttpResponse<String> erased = post("/api/complaints/" + reference + "/erasure",
                "{\"reason\": \"Erasure request received 3 March\"}", OWNER);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        Complaint complaint = complaint(reference);
        assertThat(complaint.getCustomer().getName()).isEqualTo("[erased]");
        assertThat(complaint.getCustomer().getEmail()).isNull();
        assertThat(complaint.getSummary()).isEqualTo("[erased]");
        // the facts stay for the reports
        assertThat(complaint.getReceivedAt()).isEqualTo(Instant.parse("2026-12-21T10:00:00Z"));
        assertThat(complaint.getStatus()).isEqualTo(ComplaintStatus.WITHDRAWN);
        assertThat(complaint.getChannel()).isNotNull();
        assertThat(letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint.getId())).isNotEmpty()
                .allSatisfy(letter -> {
                    assertThat(letter.getPdf()).isNull();
                    assertThat(letter.getXhtml()).isNull();
                    assertThat(letter.getRecipient()).isEqualTo("[erased]");
                });
        Long letterId = letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint.getId()).get(0).getId();
        assertThat(get("/api/complaints/" + reference + "/letters/" + letterId + ".pdf", STAFF).statusCode())
                .as("an erased letter's PDF is gone").isEqualTo(410);
        String view = get("/api/complaints/" + reference, STAFF).body();
        assertThat(view).doesNotContain("Pat Tenant").doesNotContain("pat@example.org").doesNotContain("Damp in");
        assertThat(auditEvents.findByComplaintIdOrderByOccurredAtAscIdAsc(complaint.getId()))
                .extracting(AuditEvent::getActor, AuditEvent::getAction, AuditEvent::getDetail)
                .contains(org.assertj.core.groups.Tuple.tuple(OWNER, "PERSONAL_DATA_ERASED",
                        "Erasure request received 3 March"));
    }

    @Test
    void personalDataOfComplaintsClosedLongerThanTheRetentionPeriodIsErasedNightly() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-21T10:00:00Z")));
        String old = newComplaint();
        post("/api/complaints/" + old + "/withdrawal", "", STAFF);
        runJobs();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-12-01T10:00:00Z")));
        String recent = newComplaint();
        post("/api/complaints/" + recent + "/withdrawal", "", STAFF);
        runJobs();

        // 2190 days after 21 Dec 2026 is 19 Dec 2032
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-12-18T03:00:00Z")));
        retention.erasePastRetention();
        assertThat(complaint(old).isAnonymised()).isFalse();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2032-12-20T03:00:00Z")));
        retention.erasePastRetention();
        assertThat(complaint(old).isAnonymised()).isTrue();
        assertThat(complaint(recent).isAnonymised()).isFalse();
    }

    /** A different complaint each time (the same body within 10 minutes would be taken as a repeat). */
    private String newComplaint() throws Exception {
        HttpResponse<String> created = post("/api/complaints", """
                {"businessLine": "", "channel": "PHONE",
                 "customer": {"name": "Pat Tenant", "email": "pat@example.org", "phone": "01480 000000",
                              "address": "2 Ouse Walk, Huntingdon", "preferredContact": "EMAIL"},
                 "summary": "Damp in the bedroom has not been treated (%s).", "desiredOutcome": "Treat the damp"}
                """.formatted(java.util.UUID.randomUUID()), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        runJobs();
        return JSON.readTree(created.body()).get("reference").asText();
    }

    private Complaint complaint(String reference) {
        return complaints.findByReference(reference).orElseThrow();
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

    private void user(String id, String group) {
        TestStaff.ensure(identity, id, "secret", group);
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(as(request, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(as(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), user).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder as(HttpRequest.Builder request, String user) {
        return user == null ? request : request.header("Authorization", TestStaff.basicAuth(user, "secret"));
    }
}
