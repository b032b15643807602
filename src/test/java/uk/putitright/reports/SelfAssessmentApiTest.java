package uk.putitright.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
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
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/**
 * The self-assessment over generated history with known failures (late acknowledgement, late Stage 1, Stage 2
 * decided by the Stage 1 decider, a response with no letter, an over-long extension), found exactly with their
 * references; then through HTTP as each role: who may read it, who may write, the CSV and PDF in the
 * Ombudsman's layout, the approval and the annual report that carries it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-self-assessment-api")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfAssessmentApiTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String LANDLORD = "emh";
    private static final String PERIOD = "landlord=emh&from=2019-04-01&to=2020-03-31";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ComplaintIntake intake;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    private final HttpClient http = HttpClient.newHttpClient();
    private String onTime;
    private String lateAcknowledgement;
    private String lateStage1;
    private String samePerson;
    private String noLetter;
    private String longExtension;
    private String lateBeforeThePeriod;
    private String refusedAndSent;
    private String refusedNoLetter;
    private String refusedLetterNotSent;
    private String upheldWithRootCause;
    private String upheldWithoutRootCause;
    private String improvementOnTime;
    private String improvementLate;

    @BeforeAll
    void generatedHistory() {
        for (String[] user : new String[][] {{"aud.sa", "auditors"}, {"co.sa", "complaints-officer"},
                {"dir.sa", "directors"}, {"po.sa", "process-owners"}, {"hos.sa", "heads-of-service"},
                {"cs.sa", "customer-service"}}) {
            TestStaff.ensure(identity, user[0], user[0], user[1]);
        }
        onTime = complaint();
        acknowledged(onTime, "2019-05-04T10:00", "2019-05-08T17:00");
        stage1(onTime, "2019-05-12T10:00", "2019-05-22T17:00", "lt.jones", true);
        stage2(onTime, "2019-06-10T10:00", "2019-06-19T17:00", "hos.smith", true);

        lateAcknowledgement = complaint();
        acknowledged(lateAcknowledgement, "2019-05-11T10:00", "2019-05-08T17:00");

        lateStage1 = complaint();
        acknowledged(lateStage1, "2019-05-04T10:00", "2019-05-08T17:00");
        stage1(lateStage1, "2019-05-26T10:00", "2019-05-22T17:00", "lt.jones", true);

        samePerson = complaint();
        acknowledged(samePerson, "2019-05-04T10:00", "2019-05-08T17:00");
        stage1(samePerson, "2019-05-12T10:00", "2019-05-22T17:00", "lt.jones", true);
        stage2(samePerson, "2019-06-10T10:00", "2019-06-19T17:00", "lt.jones", true);

        noLetter = complaint();
        acknowledged(noLetter, "2019-05-04T10:00", "2019-05-08T17:00");
        stage1(noLetter, "2019-05-12T10:00", "2019-05-22T17:00", "lt.jones", false);

        longExtension = complaint();
        acknowledged(longExtension, "2019-05-04T10:00", "2019-05-08T17:00");
        // Wed 22 May to Mon 24 June 2019: more than 10 working days, the Code's limit
        jdbc.update("insert into complaint_extension (complaint_id, stage, reason, previous_due_at, new_due_at,"
                        + " granted_by, recorded_at) values (?, 'STAGE_1', 'Survey', ?, ?, 'lt.jones', ?)",
                id(longExtension), at("2019-05-22T17:00"), at("2019-06-22T17:00"), at("2019-05-20T10:00"));

        lateBeforeThePeriod = complaint();
        acknowledged(lateBeforeThePeriod, "2019-03-20T10:00", "2019-03-10T17:00");
        stage1(lateBeforeThePeriod, "2019-03-30T10:00", "2019-03-25T17:00", "lt.jones", true);

        // escalations refused (Code 5.11): the letter emailed, never written, written but not sent
        refusedAndSent = complaint();
        refused(refusedAndSent, "2019-07-01T10:00");
        letter(refusedAndSent, "ESCALATION_REFUSAL", "2019-07-01T10:00");
        jdbc.update("update letter set delivered_at = ? where step_key = ?", at("2019-07-01T10:05"),
                refusedAndSent + "-ESCALATION_REFUSAL");
        refusedNoLetter = complaint();
        refused(refusedNoLetter, "2019-07-02T10:00");
        refusedLetterNotSent = complaint();
        refused(refusedLetterNotSent, "2019-07-03T10:00");
        letter(refusedLetterNotSent, "ESCALATION_REFUSAL", "2019-07-03T10:00");
        String refusedBefore = complaint();
        refused(refusedBefore, "2019-03-03T10:00");

        // learning (Code 9.1): an upheld complaint with and without its root cause; improvement actions
        upheldWithRootCause = complaint();
        stage1(upheldWithRootCause, "2019-05-12T10:00", "2019-05-22T17:00", "lt.jones", true);
        jdbc.update("update complaint set stage1_outcome = 'UPHELD', root_cause = 'REPAIR_DELAY' where reference = ?",
                upheldWithRootCause);
        upheldWithoutRootCause = complaint();
        stage1(upheldWithoutRootCause, "2019-05-12T10:00", "2019-05-22T17:00", "lt.jones", true);
        jdbc.update("update complaint set stage1_outcome = 'PARTLY_UPHELD' where reference = ?", upheldWithoutRootCause);
        improvementOnTime = complaint();
        improvement(improvementOnTime, "2019-08-01", "2019-07-30T10:00");
        improvementLate = complaint();
        improvement(improvementLate, "2019-08-01", "2019-08-09T10:00");

        // remedies (Code 7.3): a response that promised outstanding actions
        jdbc.update("insert into complaint_note (complaint_id, field, body, task_key, author, recorded_at)"
                + " values (?, 'stage1OutstandingActions', 'Replace the boiler by 1 June', 'Task', 'lt.jones', ?)",
                id(onTime), at("2019-05-12T10:00"));
    }

    @Test
    void refusedEscalationsLearningAndRemediesAreCheckedFromTheRecords() throws Exception {
        JsonNode sa = json(get("/api/reports/self-assessment?" + PERIOD, "aud.sa"));
        assertThat(failing(sa, "5.11", "REFUSAL_LETTER_NOT_SENT"))
                .containsExactlyInAnyOrder(refusedNoLetter, refusedLetterNotSent);
        assertThat(practiceSummary(sa, "5.11", "REFUSAL_LETTER_NOT_SENT")).contains("1 of 3");
        assertThat(provision(sa, "5.11").path("comply").asText()).isEqualTo("no");

        assertThat(failing(sa, "9.1", "UPHELD_WITHOUT_ROOT_CAUSE")).containsExactly(upheldWithoutRootCause);
        assertThat(practiceSummary(sa, "9.1", "UPHELD_WITHOUT_ROOT_CAUSE")).contains("1 of 2");
        assertThat(failing(sa, "9.1", "IMPROVEMENT_ACTION_LATE")).containsExactly(improvementLate);
        assertThat(practiceSummary(sa, "9.1", "IMPROVEMENT_ACTION_LATE")).contains("1 of 2");
        assertThat(provision(sa, "9.1").path("comply").asText()).isEqualTo("no");

        // 7.3: what was promised is listed, but nothing records its completion, so it stays "not assessed"
        JsonNode sevenThree = provision(sa, "7.3");
        assertThat(sevenThree.path("comply").asText()).isEqualTo("not assessed");
        assertThat(sevenThree.path("explanation").asText()).contains("not when each was carried out");
        List<String> toCheck = new ArrayList<>();
        for (JsonNode e : sevenThree.path("practice").path("evidence")) {
            if (e.path("detail").asText().equals("to check: REMEDY_OR_ACTIONS_PROMISED")) {
                toCheck.add(e.path("reference").asText());
            }
        }
        assertThat(toCheck).containsExactly(onTime);
    }

    @Test
    void practiceChecksFindExactlyTheKnownFailures() throws Exception {
        JsonNode sa = json(get("/api/reports/self-assessment?" + PERIOD, "aud.sa"));
        assertThat(failing(sa, "6.2", "ACKNOWLEDGED_LATE")).containsExactly(lateAcknowledgement);
        assertThat(failing(sa, "6.3", "STAGE_1_RESPONSE_LATE")).containsExactly(lateStage1);
        assertThat(failing(sa, "6.13", "STAGE_2_BY_STAGE_1_HANDLER")).containsExactly(samePerson);
        assertThat(failing(sa, "5.12", "RESPONSE_WITHOUT_LETTER")).containsExactly(noLetter);
        assertThat(failing(sa, "6.4", "STAGE_1_EXTENSION_OVER_LIMIT")).containsExactly(longExtension);
        assertThat(failing(sa, "6.14", "STAGE_2_RESPONSE_LATE")).isEmpty();
        // the shares count the period's cases only: six acknowledgements, six Stage 1 responses
        assertThat(practiceSummary(sa, "6.2", "ACKNOWLEDGED_LATE")).contains("5 of 6");
        assertThat(practiceSummary(sa, "6.3", "STAGE_1_RESPONSE_LATE")).contains("5 of 6");
        // a practice failure makes the provision "no" though emh's policy allows 0 working days
        JsonNode sixTwo = provision(sa, "6.2");
        assertThat(sixTwo.path("policy").path("comply").asText()).isEqualTo("yes");
        assertThat(sixTwo.path("practice").path("comply").asText()).isEqualTo("no");
        assertThat(sixTwo.path("comply").asText()).isEqualTo("no");
        assertThat(sixTwo.path("explanation").asText()).contains("1 of 6 cases");
    }

    @Test
    void onlyAuditorsProcessOwnersDirectorsAndAdminsSeeItAndAnonymousIsAskedToLogIn() throws Exception {
        String path = "/api/reports/self-assessment?" + PERIOD;
        assertThat(http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        for (String reader : List.of("aud.sa", "po.sa", "dir.sa", "co.sa")) {
            assertThat(get(path, reader).statusCode()).as(reader).isEqualTo(200);
        }
        for (String refused : List.of("hos.sa", "cs.sa")) {
            for (String p : List.of(path, "/api/reports/self-assessment/pdf?" + PERIOD,
                    "/api/reports/self-assessment/csv?" + PERIOD)) {
                assertThat(get(p, refused).statusCode()).as(refused + " " + p).isEqualTo(403);
            }
        }
        // the page: the form's columns for every reader, the provision forms for the complaints officer only
        String page = get("/audit/self-assessment?" + PERIOD, "dir.sa").body();
        assertThat(page).contains("Complaint Handling Code self-assessment", "Code requirement",
                "id=\"provision-6.13\"", "id=\"approval-form\"").doesNotContain("provision-form");
        assertThat(get("/audit/self-assessment?" + PERIOD, "co.sa").body()).contains("provision-form");
        assertThat(get("/audit/self-assessment?" + PERIOD, "aud.sa").body()).doesNotContain("approval-form");
        assertThat(get("/audit/self-assessment?" + PERIOD, "hos.sa").statusCode()).isEqualTo(403);

        // only the complaints officer writes
        for (String notAnEditor : List.of("aud.sa", "dir.sa", "po.sa")) {
            assertThat(put("/api/reports/self-assessment/provisions/4.1?landlord=emh", notAnEditor,
                    "{\"comply\":\"yes\"}").statusCode()).as(notAnEditor).isEqualTo(403);
        }
        assertThat(http.send(HttpRequest.newBuilder(url("/api/reports/self-assessment/provisions/4.1?landlord=emh"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    }

    @Test
    void aComplaintsOfficerFillsAManualProvisionAndADirectorRecordsTheApprovalThatThePdfsCarry() throws Exception {
        HttpResponse<String> written = put("/api/reports/self-assessment/provisions/4.1?landlord=emh", "co.sa",
                "{\"comply\":\"yes\",\"evidence\":\"The Customer Resolution Team is the complaints officer.\","
                        + "\"commentary\":\"Reviewed in May 2019.\"}");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
        JsonNode fourOne = provision(json(get("/api/reports/self-assessment?" + PERIOD, "aud.sa")), "4.1");
        assertThat(fourOne.path("comply").asText()).isEqualTo("yes");
        assertThat(fourOne.path("commentary").asText()).isEqualTo("Reviewed in May 2019.");
        assertThat(fourOne.path("updatedBy").asText()).isEqualTo("co.sa");
        assertThat(fourOne.path("updatedAt").asText()).isNotBlank();
        assertThat(fourOne.path("evidence").toString()).contains("The Customer Resolution Team");

        // bad input names the field and changes nothing
        HttpResponse<String> policyProvision = put("/api/reports/self-assessment/provisions/6.2?landlord=emh",
                "co.sa", "{\"comply\":\"yes\"}");
        assertThat(policyProvision.statusCode()).isEqualTo(400);
        assertThat(policyProvision.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(policyProvision.body()).contains("comply");
        assertThat(put("/api/reports/self-assessment/provisions/99.9?landlord=emh", "co.sa",
                "{\"commentary\":\"x\"}").body()).contains("provision");
        assertThat(put("/api/reports/self-assessment/provisions/4.2?landlord=emh", "co.sa",
                "{\"comply\":\"maybe\"}").body()).contains("comply");
        assertThat(provision(json(get("/api/reports/self-assessment?" + PERIOD, "aud.sa")), "4.2")
                .path("comply").asText()).isEqualTo("not assessed");

        HttpResponse<String> approved = post("/api/reports/self-assessment/approval?" + PERIOD, "dir.sa",
                "{\"approvedOn\":\"2020-05-20\",\"approvedBy\":\"emh Board\","
                        + "\"memberResponsibleForComplaints\":\"Jo Member\","
                        + "\"governingBodyResponse\":\"The Board notes the late acknowledgements.\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(204);
        assertThat(post("/api/reports/self-assessment/approval?" + PERIOD, "dir.sa",
                "{\"approvedOn\":\"20 May\",\"approvedBy\":\"emh Board\",\"memberResponsibleForComplaints\":\"Jo\"}")
                .body()).contains("approvedOn");
        JsonNode sa = json(get("/api/reports/self-assessment?" + PERIOD, "aud.sa"));
        assertThat(sa.path("approval").path("memberResponsibleForComplaints").asText()).isEqualTo("Jo Member");
        assertThat(sa.path("approval").path("recordedBy").asText()).isEqualTo("dir.sa");
        assertThat(sa.path("needsReview").asBoolean()).isFalse();

        String pdf = pdfText(http.send(request("/api/reports/self-assessment/pdf?" + PERIOD, "aud.sa").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(pdf).contains("Complaint Handling Code self-assessment", "Provision", "Code requirement",
                "Comply", "Evidence", "Commentary", "Approved on 20 May 2020 by emh Board",
                "Member Responsible for Complaints: Jo Member", "The Board notes the late acknowledgements.",
                "Reviewed in May 2019.", lateAcknowledgement);

        HttpResponse<String> csv = get("/api/reports/self-assessment/csv?" + PERIOD, "aud.sa");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("section,provision,requirement,assessment,comply,evidence,commentary");
        assertThat(lines).hasSize(CodeProvision.CODE_2024.size() + 1);
        assertThat(csv.body()).contains("Reviewed in May 2019.");

        // the annual report for that financial year carries the approved self-assessment (Code 8.1)
        String annual = pdfText(http.send(request("/api/reports/annual.pdf?year=2019&landlord=emh", "aud.sa").build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(annual).contains("Complaint Handling Code self-assessment, as approved by the governing body",
                "Member Responsible for Complaints: Jo Member", "The Board notes the late acknowledgements.");
        String otherYear = pdfText(http.send(request("/api/reports/annual.pdf?year=2018&landlord=emh", "aud.sa")
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(otherYear).contains("has not yet approved a self-assessment");
    }

    // ------------------------------------------------------------------------------------- the history

    private String complaint() {
        return intake.register(new NewComplaintRequest(LANDLORD, null, null, Channel.PHONE, null,
                new NewComplaintRequest.Customer("Alex Customer", "alex@example.org", null, "1 High Street",
                        ContactMethod.EMAIL), null, "The boiler is broken.", "Repair it")).getReference();
    }

    private void acknowledged(String ref, String at, String dueBy) {
        jdbc.update("update complaint set acknowledged_at = ?, acknowledge_by = ? where reference = ?",
                at(at), at(dueBy), ref);
    }

    private void stage1(String ref, String at, String dueBy, String author, boolean letter) {
        jdbc.update("update complaint set stage1_responded_at = ?, stage1_response_by = ? where reference = ?",
                at(at), at(dueBy), ref);
        note(ref, "stage1Outcome", author, at);
        if (letter) {
            letter(ref, "STAGE_1_RESPONSE", at);
        }
    }

    private void stage2(String ref, String at, String dueBy, String author, boolean letter) {
        jdbc.update("update complaint set stage2_acknowledged_at = ?, stage2_acknowledge_by = ?,"
                + " final_response_at = ?, stage2_response_by = ? where reference = ?", at(at), at(at), at(at),
                at(dueBy), ref);
        note(ref, "stage2Outcome", author, at);
        if (letter) {
            letter(ref, "STAGE_2_FINAL_RESPONSE", at);
        }
    }

    private void refused(String ref, String at) {
        jdbc.update("insert into escalation_refusal (complaint_id, reason, refused_by, refused_at, late_request)"
                + " values (?, 'After the window', 'procedure', ?, true)", id(ref), at(at));
    }

    private void improvement(String ref, String dueOn, String completedAt) {
        jdbc.update("insert into improvement_action (complaint_id, description, owner_group, due_on, status,"
                + " created_at, completed_by, completed_at) values (?, 'Fix the repairs triage', 'service-managers',"
                + " ?, 'DONE', ?, 'sm.smith', ?)", id(ref), java.sql.Date.valueOf(dueOn), at("2019-06-01T10:00"),
                at(completedAt));
    }

    private void note(String ref, String field, String author, String at) {
        jdbc.update("insert into complaint_note (complaint_id, field, body, task_key, author, recorded_at)"
                + " values (?, ?, 'UPHELD', 'Task', ?, ?)", id(ref), field, author, at(at));
    }

    private void letter(String ref, String type, String at) {
        jdbc.update("insert into letter (complaint_id, letter_type, recipient, body, created_at, step_key)"
                + " values (?, ?, 'Alex Customer', 'Letter', ?, ?)", id(ref), type, at(at), ref + "-" + type);
    }

    private Long id(String ref) {
        return jdbc.queryForObject("select id from complaint where reference = ?", Long.class, ref);
    }

    private static Timestamp at(String londonDateTime) {
        Instant instant = LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant();
        return Timestamp.from(instant);
    }

    // ------------------------------------------------------------------------------------------ reading

    private static JsonNode provision(JsonNode sa, String number) {
        for (JsonNode p : sa.path("provisions")) {
            if (p.path("provision").asText().equals(number)) {
                return p;
            }
        }
        throw new AssertionError("no provision " + number);
    }

    /** The references a practice check lists as failing. */
    private static List<String> failing(JsonNode sa, String provision, String check) {
        List<String> refs = new ArrayList<>();
        for (JsonNode e : provision(sa, provision).path("practice").path("evidence")) {
            if (e.path("detail").asText().equals("fails " + check)) {
                refs.add(e.path("reference").asText());
            }
        }
        return refs;
    }

    private static String practiceSummary(JsonNode sa, String provision, String check) {
        for (JsonNode e : provision(sa, provision).path("practice").path("evidence")) {
            if (e.path("reference").asText().equals(check)) {
                return e.path("detail").asText();
            }
        }
        return "";
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String user, String body) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(url(path)).header("Authorization", TestStaff.basicAuth(user, user));
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

}
