package uk.putitright.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.learning.ImprovementAction;
import uk.putitright.learning.ImprovementActionRepository;
import uk.putitright.learning.SurveyResponse;
import uk.putitright.learning.SurveyResponseRepository;
import uk.putitright.process.CustomerMessage;
import uk.putitright.process.ProcessTestSupport;

/**
 * Four Chorus Homes complaints run through the real process in March and April 2027 (two Stage 1 responses
 * in time, one late so a breach is recorded, one escalated to Stage 2 and answered in time, one put right
 * informally) and one in May, outside the period. The report's figures must match what Camunda's own history
 * says happened (process instances started, response tasks' end times against their due dates, breach
 * reviews), worked out here without the report's SQL.
 *
 * <p>The learning data (outcome, root cause, category) is written with a plain UPDATE after the process has
 * run, because copying the form's decision onto the complaint is another change in progress; improvement
 * actions and survey answers are saved through their repositories.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:putitright-reports;DB_CLOSE_DELAY=-1")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportTest extends ProcessTestSupport {

    private static final String CHORUS = "chorus-homes";
    private static final String FROM = "2027-03-01";
    private static final String TO = "2027-04-30";
    private static final String AUDITOR = "aud.reports";
    private static final String CUSTOMER_SERVICE = "cs.reports";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired LandlordProperties landlords;
    @Autowired ImprovementActionRepository actions;
    @Autowired SurveyResponseRepository surveys;

    private final HttpClient http = HttpClient.newHttpClient();
    private String escalated;
    private String answeredInTime;
    private String answeredLate;
    private String putRight;

    @BeforeAll
    void complaintsRunThroughTheProcess() {
        uk.putitright.letters.TestMailServer.running();
        ensureUser(AUDITOR, "auditors");
        ensureUser(CUSTOMER_SERVICE, "customer-service");

        clockAt("2027-03-01T09:00");
        escalated = logComplaint(CHORUS, null, false);
        answeredInTime = logComplaint(CHORUS, null, false);
        answeredLate = logComplaint(CHORUS, null, false);
        putRight = logComplaint(CHORUS, null, false);
        clockAt("2027-03-01T10:00");
        for (String ref : List.of(escalated, answeredInTime, answeredLate, putRight)) {
            complete(ref, "Task_AcknowledgeComplaint");
        }
        clockAt("2027-03-02T10:00");
        for (String ref : List.of(escalated, answeredInTime, answeredLate)) {
            complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        }
        complete(putRight, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));

        clockAt("2027-03-10T10:00");
        respondAtStage1(answeredInTime, "NOT_UPHELD");
        clockAt("2027-03-15T10:00");
        respondAtStage1(escalated, "UPHELD");
        clockAt("2027-03-16T10:00");
        send(escalated, CustomerMessage.ESCALATE);
        // Stage 1 was due Tue 16 Mar 17:00: the timer records the breach
        clockAt("2027-03-17T09:00");
        executeDueJobs();
        clockAt("2027-03-18T10:00");
        respondAtStage1(answeredLate, "UPHELD");
        complete(escalated, "Task_AcknowledgeStage2");
        clockAt("2027-03-31T10:00");
        complete(escalated, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));

        // after the period: escalation windows close two complaints, and a new one reaches Stage 1
        clockAt("2027-05-04T10:00");
        executeDueJobs();
        String afterThePeriod = logComplaint(CHORUS, null, false);
        complete(afterThePeriod, "Task_AcknowledgeComplaint");
        complete(afterThePeriod, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));

        recordLearning();
        ClockUtil.reset();
    }

    private void respondAtStage1(String ref, String outcome) {
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "What we found.", "stage1Outcome", outcome));
    }

    /** Outcomes, root causes and categories as the responses record them; one response lacks its outcome. */
    private void recordLearning() {
        update(escalated, "repairs", "UPHELD", "PARTLY_UPHELD", "REPAIR_DELAY");
        update(answeredInTime, "repairs", "NOT_UPHELD", null, "NO_SERVICE_FAILURE");
        update(answeredLate, null, null, null, null);
        update(putRight, null, null, null, null);
        Long escalatedId = complaint(escalated).getId();
        ImprovementAction done = new ImprovementAction(escalatedId, "Repairs triage checklist", "service-managers",
                LocalDate.parse("2027-04-20"), AUDITOR, london("2027-03-31T11:00"));
        done.complete(AUDITOR, "In use", london("2027-04-19T11:00"));
        actions.save(done);
        actions.save(new ImprovementAction(escalatedId, "Contractor follow-up calls", "service-managers",
                LocalDate.parse("2027-04-15"), AUDITOR, london("2027-03-31T11:00")));
        actions.save(new ImprovementAction(complaint(answeredLate).getId(), "Stage 1 workload review",
                "heads-of-service", LocalDate.parse("2027-06-30"), AUDITOR, london("2027-03-18T11:00")));
        surveys.save(new SurveyResponse(escalatedId, 5, AUDITOR, london("2027-04-02T10:00")));
        surveys.save(new SurveyResponse(complaint(answeredInTime).getId(), 2, AUDITOR, london("2027-03-20T10:00")));
        surveys.save(new SurveyResponse(complaint(putRight).getId(), 4, AUDITOR, london("2027-04-01T10:00")));
    }

    private void update(String ref, String category, String stage1Outcome, String stage2Outcome, String rootCause) {
        jdbc.update("update complaint set service_area = ?, stage1_outcome = ?, stage2_outcome = ?, root_cause = ?"
                + " where reference = ?", category, stage1Outcome, stage2Outcome, rootCause, ref);
    }

    @AfterAll
    void resetTheClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- figures against Camunda's history

    @Test
    void tsmMeasuresMatchWhatTheEngineRecorded() throws Exception {
        JsonNode report = asReportReader(get("/api/reports/compliance?from=" + FROM + "&to=" + TO));
        Date start = Date.from(london(FROM + "T00:00"));
        Date end = Date.from(london("2027-05-01T00:00"));

        long stage1Started = startedInPeriod("stage-1", start, end);
        long stage2Started = startedInPeriod("stage-2", start, end);
        assertThat(report.at("/ch01/stage1/complaints").asLong()).isEqualTo(stage1Started).isPositive();
        assertThat(report.at("/ch01/stage2/complaints").asLong()).isEqualTo(stage2Started).isPositive();
        int homes = landlords.get(CHORUS).homes();
        assertThat(report.at("/ch01/stage1/per1000Homes").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(stage1Started * 1000).divide(BigDecimal.valueOf(homes), 1,
                        RoundingMode.HALF_UP));

        List<HistoricTaskInstance> stage1Responses = responseTasks("Task_InvestigateComplaint", start, end);
        List<HistoricTaskInstance> stage2Responses = responseTasks("Task_ReviewComplaint", start, end);
        assertThat(report.at("/ch02/stage1/responses").asLong()).isEqualTo(stage1Responses.size());
        assertThat(report.at("/ch02/stage1/withinTimescale").asLong()).isEqualTo(inTime(stage1Responses))
                .isLessThan(stage1Responses.size());
        assertThat(report.at("/ch02/stage2/responses").asLong()).isEqualTo(stage2Responses.size());
        assertThat(report.at("/ch02/stage2/withinTimescale").asLong()).isEqualTo(inTime(stage2Responses));
        assertThat(report.at("/ch02/stage1/percentWithinTimescale").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(inTime(stage1Responses) * 100).divide(BigDecimal.valueOf(stage1Responses.size()),
                        1, RoundingMode.HALF_UP));

        long received = startedInPeriod("complaint", start, end);
        assertThat(report.at("/received/total").asLong()).isEqualTo(received);
        long stillOpen = history.createHistoricProcessInstanceQuery().processDefinitionKey("complaint")
                .startedAfter(minus1ms(start)).startedBefore(end).unfinished().count();
        assertThat(report.at("/received/byStatus/OPEN").asLong()).isEqualTo(stillOpen);
        assertThat(report.at("/received/byChannel/PHONE").asLong()).isEqualTo(received);
        long closedInPeriod = history.createHistoricProcessInstanceQuery().processDefinitionKey("complaint")
                .finishedAfter(minus1ms(start)).finishedBefore(end).count();
        assertThat(report.at("/closedInPeriod").asLong()).isEqualTo(closedInPeriod);

        long breachReviews = startedInPeriod("breach-review", start, end);
        long stage1Timers = history.createHistoricActivityInstanceQuery().activityId("Timer_Stage1ResponseDue")
                .finishedAfter(minus1ms(start)).finishedBefore(end).count();
        long breaches = 0;
        for (var it = report.at("/breachesByDeadline").elements(); it.hasNext(); ) {
            breaches += it.next().asLong();
        }
        assertThat(breaches).isEqualTo(breachReviews);
        assertThat(report.at("/breachesByDeadline/" + DeadlineType.STAGE_1_RESPONSE).asLong()).isEqualTo(stage1Timers)
                .isPositive();
        assertThat(report.at("/ch02/stage1/averageWorkingDays").decimalValue()).isPositive();
    }

    private long startedInPeriod(String processKey, Date start, Date end) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .startedAfter(minus1ms(start)).startedBefore(end).count();
    }

    /** The response tasks completed in the period: completing one sends the response. */
    private List<HistoricTaskInstance> responseTasks(String taskKey, Date start, Date end) {
        return history.createHistoricTaskInstanceQuery().taskDefinitionKey(taskKey).finished()
                .finishedAfter(minus1ms(start)).finishedBefore(end).list();
    }

    private static long inTime(List<HistoricTaskInstance> tasks) {
        return tasks.stream().filter(t -> !t.getEndTime().after(t.getDueDate())).count();
    }

    private static Date minus1ms(Date date) {
        return new Date(date.getTime() - 1);
    }

    // ---------------------------------------------------------------- learning, survey, data quality

    @Test
    void outcomesRootCausesSurveyAndActionsAreCountedAndGapsNamed() throws Exception {
        clockAt("2027-05-10T12:00");
        JsonNode report = asReportReader(get("/api/reports/compliance?from=" + FROM + "&to=" + TO
                + "&landlord=" + CHORUS));

        assertThat(report.at("/received/byOutcome/PARTLY_UPHELD").asLong()).isEqualTo(1);
        assertThat(report.at("/received/byOutcome/NOT_UPHELD").asLong()).isEqualTo(1);
        assertThat(report.at("/received/byOutcome/NOT_RECORDED").asLong()).isEqualTo(2);
        assertThat(report.at("/received/byRootCause/REPAIR_DELAY").asLong()).isEqualTo(1);
        assertThat(report.at("/received/byCategory/repairs").asLong()).isEqualTo(2);

        List<SurveyResponse> answers = surveys.findAll();
        assertThat(report.at("/survey/responses").asLong()).isEqualTo(answers.size());
        assertThat(report.at("/survey/satisfied").asLong())
                .isEqualTo(answers.stream().filter(a -> a.getRating() >= 4).count());

        LocalDate today = LocalDate.of(2027, 5, 10);
        List<ImprovementAction> all = actions.findAll();
        assertThat(report.at("/improvementActions/raised").asLong()).isEqualTo(all.size());
        assertThat(report.at("/improvementActions/done").asLong()).isEqualTo(
                all.stream().filter(a -> a.getStatus() == ImprovementAction.Status.DONE).count());
        assertThat(report.at("/improvementActions/overdue").asLong())
                .isEqualTo(all.stream().filter(a -> a.isOverdue(today)).count()).isPositive();
        assertThat(report.at("/improvementActions/actions/0/ownerGroup").asText()).isNotBlank();

        assertThat(problem(report, "STAGE_1_RESPONSE_WITHOUT_OUTCOME").get("references"))
                .extracting(JsonNode::asText).containsExactly(answeredLate);
        assertThat(problem(report, "NO_CATEGORY").get("references"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(answeredLate, putRight);
        assertThat(problem(report, "NO_CATEGORY").get("count").asLong()).isEqualTo(2);

        // the late complaint closed at Stage 1 in May with no root cause
        JsonNode withMay = asReportReader(get("/api/reports/compliance?from=" + FROM + "&to=2027-05-31"));
        assertThat(problem(withMay, "CLOSED_WITHOUT_ROOT_CAUSE").get("references"))
                .extracting(JsonNode::asText).containsExactly(answeredLate);
    }

    private static JsonNode problem(JsonNode report, String code) {
        for (JsonNode problem : report.get("dataQuality")) {
            if (problem.get("problem").asText().equals(code)) {
                return problem;
            }
        }
        throw new AssertionError("no data quality entry " + code);
    }

    // ---------------------------------------------------------------- CSV, PDF, page

    @Test
    void csvHasOneRowPerMeasureWithTheReportsValues() throws Exception {
        JsonNode report = asReportReader(get("/api/reports/compliance?from=" + FROM + "&to=" + TO));
        HttpResponse<String> csv = get("/api/reports/compliance.csv?from=" + FROM + "&to=" + TO);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,measure,value");
        assertThat(lines).contains(
                "CH01,stage1Complaints," + report.at("/ch01/stage1/complaints").asText(),
                "CH02,stage1WithinTimescale," + report.at("/ch02/stage1/withinTimescale").asText(),
                "CH02,stage1PercentWithinTimescale," + report.at("/ch02/stage1/percentWithinTimescale").asText(),
                "breachesByDeadline,STAGE_1_RESPONSE," + report.at("/breachesByDeadline/STAGE_1_RESPONSE").asText());
    }

    @Test
    void annualPdfShowsTheFinancialYearsCh02Figure() throws Exception {
        JsonNode report = asReportReader(get("/api/reports/compliance?from=2026-04-01&to=2027-03-31"));
        HttpResponse<byte[]> pdf = http.send(request("/api/reports/annual.pdf?year=2026", AUDITOR).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Annual complaints performance")
                    .contains(report.at("/ch02/stage1/percentWithinTimescale").asText() + "%")
                    .contains(report.at("/ch02/stage1/withinTimescale").asText() + " of "
                            + report.at("/ch02/stage1/responses").asText())
                    .contains("Root causes");
        }
    }

    @Test
    void pageShowsTheFiguresWithChartsFromAStaticScript() throws Exception {
        HttpResponse<String> page = get("/audit/reports?from=" + FROM + "&to=" + TO);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<canvas", "data-labels=", "/js/reports.js",
                "/webjars/chart.js/4.4.1/dist/chart.umd.js", "/api/reports/compliance.csv?from=2027-03-01",
                "/api/reports/annual.pdf?year=2026").doesNotContain("<script>");
        assertThat(http.send(HttpRequest.newBuilder(url("/webjars/chart.js/4.4.1/dist/chart.umd.js")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(url("/js/reports.js")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);

        HttpResponse<String> currentYear = get("/audit/reports");
        assertThat(currentYear.statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.now(LONDON);
        int fyStart = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        assertThat(currentYear.body()).contains("value=\"" + fyStart + "-04-01\"", "value=\"" + (fyStart + 1) + "-03-31\"");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void badParametersAnswer400NamingTheField() throws Exception {
        assertBadRequest("/api/reports/compliance?from=2027-13-01&to=" + TO, "from");
        assertBadRequest("/api/reports/compliance?from=" + FROM, "to");
        assertBadRequest("/api/reports/compliance?from=2027-05-01&to=2027-04-30", "from");
        assertBadRequest("/api/reports/compliance?from=" + FROM + "&to=" + TO + "&landlord=nobody", "landlord");
        assertBadRequest("/api/reports/compliance.csv?to=" + TO, "from");
        assertBadRequest("/api/reports/annual.pdf?year=last", "year");
    }

    private void assertBadRequest(String path, String field) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).as(path).isEqualTo(field);
    }

    @Test
    void reportsNeedALoginAndAReportReadersGroup() throws Exception {
        String path = "/api/reports/compliance?from=" + FROM + "&to=" + TO;
        assertThat(http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        for (String refused : List.of(path, "/audit/reports", "/api/reports/annual.pdf?year=2026")) {
            assertThat(http.send(request(refused, CUSTOMER_SERVICE).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).as(refused).isEqualTo(403);
        }
    }

    // ---------------------------------------------------------------- HTTP

    private JsonNode asReportReader(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path, AUDITOR).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", TestStaff.basicAuth(user, user));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
