package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.letters.TestMailServer;

/**
 * A landlord that refuses to take a complaint to Stage 2 says why and offers the Ombudsman now (Code 2.4, 5.11):
 * a request after the escalation window is answered and recorded as a refusal, a complaints officer refuses with a
 * reason, and either way one refusal letter goes out and the timeline shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-escalation-refusal")
class EscalationRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ComplaintIntake intake;
    @Autowired JdbcTemplate jdbc;
    @Autowired IdentityService identity;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void staff() {
        TestMailServer.running();
        TestStaff.ensure(identity, "co.er", "co.er", "complaints-officer");
        TestStaff.ensure(identity, "cs.er", "cs.er", "customer-service");
    }

    @Test
    void aRequestAfterTheWindowIsAnsweredAndRecordedAsARefusalWithOneLetterOfferingTheOmbudsmanNow() throws Exception {
        String ref = answeredAtStage1("chorus-homes", Instant.now().minus(3, ChronoUnit.DAYS));

        HttpResponse<String> asked = post("/api/complaints/" + ref + "/escalation", "cs.er", "{}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(409);
        assertThat(asked.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode problem = JSON.readTree(asked.body());
        assertThat(problem.path("title").asText()).isEqualTo("Escalation refused");
        assertThat(problem.path("lateRequest").asBoolean()).isTrue();

        // the refusal is stored, by the procedure, and Stage 2 was not entered
        assertThat(jdbc.queryForObject("select refused_by from escalation_refusal where complaint_id = ?",
                String.class, id(ref))).isEqualTo("procedure");
        assertThat(jdbc.queryForObject("select stage2_requested_at from complaint where reference = ?",
                Timestamp.class, ref)).isNull();
        List<String> letters = refusalLetters(ref);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).replaceAll("\\s+", " "))
                .contains("We have decided not to take it to Stage 2", "Your request reached us after that date",
                        "You can refer your complaint to the Housing Ombudsman now", "You do not need to wait")
                .doesNotContainPattern("(?i)eight weeks|must wait|have to wait");

        // the same request again, as the status page would send it: the same answer, no second letter
        assertThatThrownBy(() -> intake.escalate(ref, new EscalationRequest(null, "A review")))
                .isInstanceOf(EscalationRefusedException.class);
        assertThat(refusalLetters(ref)).hasSize(1);

        JsonNode timeline = JSON.readTree(get("/api/complaints/" + ref + "/timeline", "co.er").body());
        assertThat(timeline.path("entries").findValuesAsText("kind")).contains("ESCALATION_REFUSED");
    }

    @Test
    void aComplaintsOfficerRefusesWithAReasonOnceAndOthersMayNot() throws Exception {
        // the window is still open: staff decide (say, the matter is now before a court)
        String ref = answeredAtStage1("emh", Instant.now().plus(10, ChronoUnit.DAYS));
        String path = "/api/complaints/" + ref + "/escalation-refusal";

        HttpResponse<String> blank = post(path, "co.er", "{\"reason\": \"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"field\":\"reason\"");
        assertThat(post(path, "cs.er", "{\"reason\": \"No\"}").statusCode()).isEqualTo(403);
        assertThat(refusalLetters(ref)).isEmpty();

        String reason = "The matter you raise is now the subject of court proceedings.";
        HttpResponse<String> refused = post(path, "co.er", "{\"reason\": \"" + reason + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("refusedBy").asText()).isEqualTo("co.er");
        assertThat(body.path("lateRequest").asBoolean()).isFalse();
        assertThat(body.path("refusedAt").asText()).isNotBlank();

        // a repeat answers with the first refusal and sends nothing
        HttpResponse<String> again = post(path, "co.er", "{\"reason\": \"Another reason\"}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("reason").asText()).isEqualTo(reason);
        List<String> letters = refusalLetters(ref);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).replaceAll("\\s+", " ")).contains(reason,
                "You can refer your complaint to the Housing Ombudsman now");

        // the resident's request in the window now meets the refusal
        HttpResponse<String> asked = post("/api/complaints/" + ref + "/escalation", "cs.er", "{}");
        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(asked.body()).path("lateRequest").asBoolean()).isFalse();
        assertThat(refusalLetters(ref)).hasSize(1);

        JsonNode entry = null;
        for (JsonNode e : JSON.readTree(get("/api/complaints/" + ref + "/timeline", "co.er").body()).path("entries")) {
            if (e.path("kind").asText().equals("ESCALATION_REFUSED")) {
                entry = e;
            }
        }
        assertThat(entry).isNotNull();
        assertThat(entry.path("actor").asText()).isEqualTo("co.er");
        assertThat(entry.path("text").asText()).isEqualTo(reason);
    }

    @Test
    void thereIsNothingToRefuseBeforeTheStage1Response() throws Exception {
        String ref = register("hoc-2024");
        HttpResponse<String> refused = post("/api/complaints/" + ref + "/escalation-refusal", "co.er",
                "{\"reason\": \"Too early\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("no Stage 1 response yet");
        assertThat(jdbc.queryForObject("select count(*) from escalation_refusal where complaint_id = ?",
                Integer.class, id(ref))).isZero();
        assertThat(post("/api/complaints/CHG-1999-999999/escalation-refusal", "co.er", "{\"reason\": \"x\"}")
                .statusCode()).isEqualTo(404);
    }

    // ------------------------------------------------------------------------------------------------------

    /** A complaint (no process: the refusal never reaches the engine) answered at Stage 1, its window ending then. */
    private String answeredAtStage1(String landlord, Instant windowEnds) {
        String ref = register(landlord);
        jdbc.update("update complaint set stage = 'STAGE_1', stage1_responded_at = ?, escalation_window_ends_at = ?"
                + " where reference = ?", Timestamp.from(windowEnds.minus(20, ChronoUnit.DAYS)),
                Timestamp.from(windowEnds), ref);
        return ref;
    }

    private String register(String landlord) {
        return intake.register(new NewComplaintRequest(landlord, null, null, Channel.PHONE, null,
                new NewComplaintRequest.Customer("Alex Customer", "alex@example.org", null, "1 High Street",
                        ContactMethod.EMAIL), null, "The boiler is broken.", "Repair it")).getReference();
    }

    private List<String> refusalLetters(String ref) {
        return jdbc.queryForList("select body from letter where complaint_id = ? and letter_type = 'ESCALATION_REFUSAL'",
                String.class, id(ref));
    }

    private Long id(String ref) {
        return jdbc.queryForObject("select id from complaint where reference = ?", Long.class, ref);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestStaff.basicAuth(user, user));
    }
}
