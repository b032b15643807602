package uk.putitright.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.letters.Letter;
import uk.putitright.process.ProcessTestSupport;

/**
 * A Chorus Homes complaint driven through the real process by named staff (acknowledgement, put it right,
 * a Stage 1 extension that is then missed, a breach review, the late response, the customer's escalation and
 * Stage 2), with a Cockpit-style intervention that raises and resolves an incident; then its timeline is read
 * over HTTP as an auditor, as JSON, CSV, PDF and the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:putitright-timeline;DB_CLOSE_DELAY=-1")
class ComplaintTimelineTest extends ProcessTestSupport {

    private static final String CUSTOMER_SERVICE = "cs.timeline";
    private static final String MANAGER = "sm.timeline";
    private static final String HEAD_OF_SERVICE = "hos.timeline";
    private static final String AUDITOR = "aud.timeline";
    /** Process owners manage the processes in Cockpit (see AccessSetup). */
    private static final String ADMINISTRATOR = "admin.timeline";
    private static final String EXTENSION_REASON = "Waiting for the contractor's report on the boiler";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RepositoryService repository;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void staff() {
        ensureUser(CUSTOMER_SERVICE, "customer-service");
        ensureUser(MANAGER, "service-managers");
        ensureUser(HEAD_OF_SERVICE, "heads-of-service");
        ensureUser(AUDITOR, "auditors");
        ensureUser(ADMINISTRATOR, "camunda-admin");
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void theTimelineShowsWhoDidWhatWhichDeadlinesWereMetOrMissedAndEveryIntervention() throws Exception {
        String ref = complaintWithMissedExtendedStage1AndStage2();

        HttpResponse<String> response = get("/api/complaints/" + ref + "/timeline", AUDITOR);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode timeline = JSON.readTree(response.body());
        List<JsonNode> entries = list(timeline.get("entries"));

        // in time order
        List<String> times = entries.stream().map(e -> e.get("time").asText()).toList();
        assertThat(times).isSorted();

        // each user task with who completed it and the group it was offered to
        completedBy(task(entries, "Acknowledge complaint"), CUSTOMER_SERVICE, "customer-service");
        completedBy(task(entries, "Try to put it right"), MANAGER, "service-managers");
        completedBy(task(entries, "Investigate complaint"), MANAGER, "service-managers");
        completedBy(task(entries, "Review the missed deadline"), HEAD_OF_SERVICE, "heads-of-service");
        completedBy(task(entries, "Complete investigation (extended)"), MANAGER, "service-managers");
        completedBy(task(entries, "Acknowledge Stage 2 request"), HEAD_OF_SERVICE, "heads-of-service");
        completedBy(task(entries, "Review the complaint"), HEAD_OF_SERVICE, "heads-of-service");
        assertThat(one(entries, e -> kind(e, "TASK_ACTION") && e.get("title").asText().startsWith("Claim")
                && e.get("title").asText().contains("Review the missed deadline")).get("actor").asText())
                .isEqualTo(HEAD_OF_SERVICE);
        JsonNode assigned = one(entries, e -> kind(e, "TASK_ACTION")
                && e.get("title").asText().equals("Assign: Acknowledge Stage 2 request"));
        assertThat(assigned.get("actor").asText()).isEqualTo(ADMINISTRATOR);
        assertThat(assigned.get("detail").asText()).contains("to " + HEAD_OF_SERVICE);
        assertThat(one(entries, e -> kind(e, "TASK_ACTION")
                && e.get("title").asText().equals("Started customer-request from a start form"))
                .get("actor").asText()).isEqualTo(CUSTOMER_SERVICE);

        // the extension with its reason and who granted it
        JsonNode extension = one(entries, e -> kind(e, "EXTENSION"));
        assertThat(extension.get("detail").asText()).contains(EXTENSION_REASON);
        assertThat(extension.get("actor").asText()).isEqualTo(MANAGER);
        assertThat(extension.get("dueAt").asText()).isEqualTo(london("2027-01-20T17:00").toString());

        // the breach and the Stage 1 deadline missed at the extended due time; the others met
        JsonNode breach = one(entries, e -> kind(e, "BREACH"));
        assertThat(breach.get("verdict").asText()).isEqualTo("MISSED");
        assertThat(breach.get("dueAt").asText()).isEqualTo(london("2027-01-20T17:00").toString());
        JsonNode stage1 = deadline(entries, "Stage 1 response");
        assertThat(stage1.get("verdict").asText()).isEqualTo("MISSED");
        assertThat(stage1.get("dueAt").asText()).isEqualTo(london("2027-01-20T17:00").toString());
        for (String met : List.of("Acknowledgement", "Informal stage (put it right)", "Stage 2 acknowledgement",
                "Stage 2 final response")) {
            assertThat(deadline(entries, met).get("verdict").asText()).as(met).isEqualTo("MET");
        }
        JsonNode summary = timeline.get("summary");
        assertThat(summary.get("handledWithinCode").asBoolean()).isFalse();
        assertThat(summary.get("deadlinesMissed").asInt()).isEqualTo(1);
        assertThat(summary.get("deadlinesMet").asInt()).isEqualTo(4);
        assertThat(summary.get("outcome").asText()).isEqualTo("partly upheld");
        assertThat(list(summary.get("handledBy")).stream().map(JsonNode::asText).toList())
                .contains(CUSTOMER_SERVICE, MANAGER, HEAD_OF_SERVICE);

        // the customer's escalation, taken by customer service, and the message that moved the process on
        assertThat(one(entries, e -> kind(e, "MESSAGE") && e.get("title").asText().equals("Stage 2 requested"))
                .get("time").asText()).isEqualTo(london("2027-01-25T10:00").toString());
        assertThat(entries).anyMatch(e -> kind(e, "STEP")
                && e.get("title").asText().equals("Pass the request to the complaint"));

        // every letter the complaint has, in the timeline
        List<String> letterTypes = letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint(ref).getId()).stream()
                .map(Letter::getType).map(Enum::name).toList();
        assertThat(letterTypes).contains("EXTENSION_NOTICE", "STAGE_2_FINAL_RESPONSE");
        assertThat(entries.stream().filter(e -> kind(e, "LETTER"))
                .map(e -> e.get("detail").asText().split(" ")[0]).toList()).isEqualTo(letterTypes);

        // the Cockpit intervention, by whom, and the incident it caused and resolved
        List<JsonNode> interventions = entries.stream().filter(e -> kind(e, "INTERVENTION")).toList();
        assertThat(interventions).hasSize(2).allSatisfy(e -> {
            assertThat(e.get("title").asText()).isEqualTo("Intervention: Set job retries");
            assertThat(e.get("actor").asText()).isEqualTo(ADMINISTRATOR);
            assertThat(list(e.get("actorGroups")).stream().map(JsonNode::asText).toList())
                    .containsExactly("camunda-admin");
        });
        assertThat(interventions.get(0).get("detail").asText()).contains("retries", " to 0");
        JsonNode incident = one(entries, e -> kind(e, "INCIDENT"));
        assertThat(incident.get("detail").asText()).startsWith("resolved at Timer_Stage1ResponseDue");
        assertThat(incident.get("endTime").asText()).isEqualTo(london("2026-12-24T09:30").toString());

        // notes name their field and author
        assertThat(one(entries, e -> kind(e, "NOTE") && e.get("title").asText().equals("Note: stage1Findings"))
                .get("actor").asText()).isEqualTo(MANAGER);
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerEntryAndThePdfNamesTheComplaint() throws Exception {
        String ref = complaintWithMissedExtendedStage1AndStage2();
        int entries = JSON.readTree(get("/api/complaints/" + ref + "/timeline", MANAGER).body())
                .get("entries").size();

        HttpResponse<String> csv = get("/api/complaints/" + ref + "/timeline.csv", MANAGER);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains("filename=\"" + ref + "-timeline.csv\""));
        List<List<String>> rows = parseCsv(csv.body());
        assertThat(rows.get(0)).containsExactly("time", "endTime", "kind", "title", "actor", "actorGroups",
                "detail", "dueAt", "verdict", "processInstanceId");
        assertThat(rows).hasSize(entries + 1).allSatisfy(row -> assertThat(row).hasSize(10));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(2)).isEqualTo("EXTENSION");
            assertThat(row.get(6)).contains(EXTENSION_REASON);
        });
        // a note is named, its text is not in the CSV
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).isEqualTo("Note: stage2Findings"));
        assertThat(csv.body()).doesNotContain("The Stage 1 remedy was not enough");
        // which rules applied: the policy version with the rule that matched, and each process's version
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get(2)).isEqualTo("VERSION");
            assertThat(row.get(3)).matches("Policy complaint-policy version \\d+");
            assertThat(row.get(6)).startsWith("rule Rule_ChorusHomes;");
        });
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).matches("Process complaint version \\d+"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(3)).matches("Process stage-1 version \\d+"));

        HttpResponse<byte[]> pdf = http.send(authorised(request("/api/complaints/" + ref + "/timeline.pdf"), AUDITOR)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            // table cells wrap: compare with the line breaks as spaces
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(ref, "Handled within the Code", "Missed deadline: Stage 1 response",
                    "Policy complaint-policy version", "rule Rule_ChorusHomes", "Process stage-1 version");
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight());
        }
    }

    @Test
    void thePageShowsTheSummaryAndLinksToTheDownloads() throws Exception {
        String ref = complaintWithMissedExtendedStage1AndStage2();

        HttpResponse<String> page = get("/audit/complaints/" + ref, AUDITOR);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String html = page.body();
        assertThat(html).contains(ref, "Handled within the Code", "/css/audit.css",
                "/api/complaints/" + ref + "/timeline.csv", "/api/complaints/" + ref + "/timeline.pdf",
                "Missed deadline: Stage 1 response", EXTENSION_REASON.replace("'", "&#39;"));
        assertThat(html).containsPattern("id=\"verdict\"[^>]*>no<");
        assertThat(html).doesNotContain("<script", "style=\"");
    }

    @Test
    void aComplaintHandledOnTimeSaysSoAndItsOpenDeadlinesAreOpen() throws Exception {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        work(CUSTOMER_SERVICE, "customer-service", ref, "Task_AcknowledgeComplaint", Map.of());

        JsonNode timeline = JSON.readTree(get("/api/complaints/" + ref + "/timeline", AUDITOR).body());
        List<JsonNode> entries = list(timeline.get("entries"));
        assertThat(deadline(entries, "Acknowledgement").get("verdict").asText()).isEqualTo("MET");
        assertThat(deadline(entries, "Informal stage (put it right)").get("verdict").asText()).isEqualTo("OPEN");
        assertThat(task(entries, "Try to put it right").has("endTime")).isFalse();
        assertThat(timeline.at("/summary/handledWithinCode").asBoolean()).isTrue();
        String html = get("/audit/complaints/" + ref, AUDITOR).body();
        assertThat(html).containsPattern("id=\"verdict\"[^>]*>yes<");
    }

    @Test
    void theTimelineNeedsAStaffLoginAndAnUnknownReferenceIs404() throws Exception {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        for (String path : List.of("/api/complaints/" + ref + "/timeline", "/api/complaints/" + ref + "/timeline.csv",
                "/api/complaints/" + ref + "/timeline.pdf", "/audit/complaints/" + ref)) {
            assertThat(http.send(request(path).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(path).isEqualTo(401);
            assertThat(get(path, "nobody.timeline").statusCode()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/complaints/CHG-2026-999999/timeline",
                "/api/complaints/CHG-2026-999999/timeline.csv", "/api/complaints/CHG-2026-999999/timeline.pdf")) {
            HttpResponse<String> unknown = get(path, AUDITOR);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(unknown.body()).get("detail").asText()).contains("CHG-2026-999999");
        }
        assertThat(get("/audit/complaints/CHG-2026-999999", AUDITOR).statusCode()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- the complaint

    /**
     * Received Mon 21 Dec 2026; acknowledged the same day; put it right tried and failed Wed 23 Dec (Stage 1
     * due Mon 11 Jan 2027); an administrator sets the Stage 1 timer's retries to 0 and back (an incident, resolved);
     * extended on Thu 7 Jan to Wed 20 Jan, which passes (breach, reviewed); responded Fri 22 Jan; the customer
     * escalates Mon 25 Jan; Stage 2 acknowledged Tue 26 Jan and answered Tue 2 Feb.
     */
    private String complaintWithMissedExtendedStage1AndStage2() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        clockAt("2026-12-21T11:00");
        work(CUSTOMER_SERVICE, "customer-service", ref, "Task_AcknowledgeComplaint", Map.of());
        clockAt("2026-12-23T10:00");
        work(MANAGER, "service-managers", ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED",
                "putItRightAction", "The boiler part is on back order."));

        // an administrator in Cockpit stops the Stage 1 timer (an incident) and then restarts it
        String timer = timerJob(childProcess(ref, "stage-1").getId(), "Timer_Stage1ResponseDue").getId();
        clockAt("2026-12-24T09:00");
        as(ADMINISTRATOR, "camunda-admin");
        management.setJobRetries(timer, 0);
        clockAt("2026-12-24T09:30");
        management.setJobRetries(timer, 1);
        identity.clearAuthentication();

        clockAt("2027-01-07T10:00");
        work(MANAGER, "service-managers", ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "EXTEND",
                "extensionReason", EXTENSION_REASON, "extendedResponseBy", "2027-01-20"));
        clockAt("2027-01-20T17:00");
        executeDueJobs();
        clockAt("2027-01-21T10:00");
        as(HEAD_OF_SERVICE, "heads-of-service");
        tasks.claim(task(ref, "Task_ReviewMissedDeadline").getId(), HEAD_OF_SERVICE);
        identity.clearAuthentication();
        work(HEAD_OF_SERVICE, "heads-of-service", ref, "Task_ReviewMissedDeadline", Map.of());
        clockAt("2027-01-22T10:00");
        work(MANAGER, "service-managers", ref, "Task_CompleteExtendedInvestigation", Map.of(
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));

        clockAt("2027-01-25T10:00");
        as(CUSTOMER_SERVICE, "customer-service");
        forms.submitStartForm(repository.createProcessDefinitionQuery().processDefinitionKey("customer-request")
                .latestVersion().singleResult().getId(), Map.of("reference", ref, "request", "ESCALATE",
                "stage2Reason", "The boiler broke again.", "stage2DesiredOutcome", "A new boiler"));
        identity.clearAuthentication();
        executeDueJobs();

        clockAt("2027-01-26T09:00");
        as(ADMINISTRATOR, "camunda-admin");
        tasks.setAssignee(task(ref, "Task_AcknowledgeStage2").getId(), HEAD_OF_SERVICE);
        identity.clearAuthentication();
        clockAt("2027-01-26T10:00");
        work(HEAD_OF_SERVICE, "heads-of-service", ref, "Task_AcknowledgeStage2", Map.of());
        clockAt("2027-02-02T10:00");
        work(HEAD_OF_SERVICE, "heads-of-service", ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_RESPONSE)).isAfter(london("2027-02-02T10:00"));
        clockAt("2027-02-03T10:00");
        return ref;
    }

    /**
     * The user completes the task in Tasklist; an administrator first gives it to them if someone else has it (the
     * case handler gets the complaint's tasks).
     */
    private void work(String user, String group, String ref, String taskKey, Map<String, Object> variables) {
        String taskId = task(ref, taskKey).getId();
        String assignee = tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
        if (assignee != null && !assignee.equals(user)) {
            as(ADMINISTRATOR, "camunda-admin");
            tasks.setAssignee(taskId, user);
        }
        as(user, group);
        tasks.complete(taskId, variables);
        identity.clearAuthentication();
        executeDueJobs();
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group));
    }

    // ---------------------------------------------------------------- reading the answers

    private static void completedBy(JsonNode task, String user, String group) {
        assertThat(task.get("actor").asText()).isEqualTo(user);
        assertThat(list(task.get("actorGroups")).stream().map(JsonNode::asText).toList()).containsExactly(group);
        assertThat(task.get("endTime")).isNotNull();
        assertThat(task.get("detail").asText()).contains("completed by " + user);
    }

    private static JsonNode task(List<JsonNode> entries, String title) {
        return one(entries, e -> kind(e, "TASK") && e.get("title").asText().equals(title));
    }

    private static JsonNode deadline(List<JsonNode> entries, String label) {
        return one(entries, e -> kind(e, "DEADLINE") && e.get("title").asText().equals("Deadline: " + label));
    }

    private static boolean kind(JsonNode entry, String kind) {
        return entry.get("kind").asText().equals(kind);
    }

    private static JsonNode one(List<JsonNode> entries, Predicate<JsonNode> matching) {
        List<JsonNode> found = entries.stream().filter(matching).toList();
        assertThat(found).as("exactly one matching entry").hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; rows end with CRLF. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(field).as("the last row ends with CRLF").isEmpty();
        assertThat(row).isEmpty();
        return rows;
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(authorised(request(path), user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    /** ensureUser sets each user's password to the user id. */
    private static HttpRequest.Builder authorised(HttpRequest.Builder request, String user) {
        return request.header("Authorization", TestStaff.basicAuth(user, user));
    }
}
