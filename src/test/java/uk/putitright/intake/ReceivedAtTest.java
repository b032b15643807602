package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
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
import uk.putitright.complaint.ComplaintRepository;

/**
 * When a complaint was received starts every deadline, so only staff may date it (a letter that arrived
 * earlier), within a window; the public is always received now (issue 18, item 3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-public")
class ReceivedAtTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STAFF = "cs.received";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ComplaintRepository complaints;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        uk.putitright.letters.TestMailServer.running();
        TestStaff.ensure(identity, STAFF, STAFF, "customer-service");
    }

    @Test
    void theProbeAnAnonymousComplaintDatedIn1970IsRefusedAndLogsNothing() throws Exception {
        String summary = "Backdated " + UUID.randomUUID();

        HttpResponse<String> answer = post(complaint(summary, "1970-01-01T00:00:00Z"), null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("errors").findValuesAsText("field")).containsExactly("receivedAt");
        assertThat(stored(summary)).isZero();
    }

    @Test
    void anAnonymousComplaintDatedYesterdayIsRefusedToo() throws Exception {
        String summary = "Yesterday " + UUID.randomUUID();
        HttpResponse<String> answer = post(complaint(summary, Instant.now().minus(1, ChronoUnit.DAYS).toString()),
                null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(stored(summary)).isZero();
    }

    @Test
    void withoutADateTheComplaintIsReceivedNow() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> answer = post(complaint("Now " + UUID.randomUUID(), null), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Instant received = complaints.findByReference(reference(answer)).orElseThrow().getReceivedAt();
        assertThat(received).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void staffDateALetterThatArrivedLastWeek() throws Exception {
        Instant lastWeek = Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> answer = post(complaint("Letter " + UUID.randomUUID(), lastWeek.toString()), STAFF);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        assertThat(complaints.findByReference(reference(answer)).orElseThrow().getReceivedAt()).isEqualTo(lastWeek);
    }

    @Test
    void staffMayNotDateAComplaintInTheFutureNorMonthsBackNorBeforeThePolicy() throws Exception {
        for (String when : new String[] {Instant.now().plus(1, ChronoUnit.HOURS).toString(),
                Instant.now().minus(200, ChronoUnit.DAYS).toString(), "1970-01-01T00:00:00Z"}) {
            String summary = "Staff " + when + " " + UUID.randomUUID();
            HttpResponse<String> answer = post(complaint(summary, when), STAFF);
            assertThat(answer.statusCode()).as(when).isEqualTo(400);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("errors").findValuesAsText("field")).as(when).containsExactly("receivedAt");
            assertThat(stored(summary)).as(when).isZero();
        }
    }

    private long stored(String summary) {
        return jdbc.queryForObject("select count(*) from complaint where summary = ?", Long.class, summary);
    }

    private static String reference(HttpResponse<String> answer) throws Exception {
        return JSON.readTree(answer.body()).get("reference").asText();
    }

    private static String complaint(String summary, String receivedAt) {
        return """
                {"channel": "WRITING", %s "summary": "%s",
                 "customer": {"name": "Pat Tenant", "email": "pat@example.org", "preferredContact": "EMAIL"}}
                """.formatted(receivedAt == null ? "" : "\"receivedAt\": \"" + receivedAt + "\",", summary);
    }

    private HttpResponse<String> post(String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/complaints"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
