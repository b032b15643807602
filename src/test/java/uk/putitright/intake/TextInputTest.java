package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
 * Characters XML cannot hold once stalled a complaint at intake (its acknowledgement letter failed on every
 * retry): every API and form refuses them with a 400 naming the field and stores nothing, while ordinary
 * Unicode goes through as typed (issue 18, item 4).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-public")
class TextInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String STAFF = "cs.text";
    private static final String OWNER = "po.text";

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired ComplaintRepository complaints;
    @Autowired IdentityService identity;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() {
        uk.putitright.letters.TestMailServer.running();
        TestStaff.ensure(identity, STAFF, STAFF, "customer-service");
        TestStaff.ensure(identity, OWNER, OWNER, "process-owners");
    }

    @Test
    void theProbeANameWithControlOrNonCharactersIsA400NamingTheFieldAndStoresNothing() throws Exception {
        // JSON escapes, as a script sends them: NUL, SOH, U+FFFE, a lone surrogate, a right-to-left override
        for (String name : List.of("Pat\\u0000Tenant", "Pat\\u0001Tenant", "Pat\\uFFFETenant", "Pat\\uD800Tenant",
                "Pat\\u202ETenant", "Pat\\u200BTenant")) {
            String summary = "Characters " + UUID.randomUUID();
            HttpResponse<String> answer = postJson("/api/complaints", complaint(name, summary, "1 High Street"), null);
            assertThat(answer.statusCode()).as(name).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).get("errors").findValuesAsText("field")).as(name)
                    .containsExactly("customer.name");
            assertThat(stored(summary)).as(name).isZero();
        }
    }

    @Test
    void everyTextFieldOfTheComplaintApiIsChecked() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("summary", complaint("Pat Tenant", "Bell \\u0007 " + UUID.randomUUID(), "1 High Street"));
        bodies.put("customer.address", complaint("Pat Tenant", "Address " + UUID.randomUUID(),
                "1 High\\u2066 Street"));
        bodies.put("desiredOutcome", """
                {"channel": "PHONE", "summary": "Outcome %s", "desiredOutcome": "Fix \\uFDD0 it",
                 "customer": {"name": "Pat", "phone": "01234 567890", "preferredContact": "PHONE"}}
                """.formatted(UUID.randomUUID()));
        bodies.put("representative.name", """
                {"channel": "PHONE", "summary": "Representative %s",
                 "customer": {"name": "Pat", "phone": "01234 567890", "preferredContact": "PHONE"},
                 "representative": {"name": "Sam\\u0008"}}
                """.formatted(UUID.randomUUID()));
        for (var body : bodies.entrySet()) {
            HttpResponse<String> answer = postJson("/api/complaints", body.getValue(), null);
            assertThat(answer.statusCode()).as(body.getKey()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("errors").findValuesAsText("field")).as(body.getKey())
                    .containsExactly(body.getKey());
        }
    }

    @Test
    void accentsWelshPolishEmojiAndLineBreaksInFreeTextAreKeptAsTyped() throws Exception {
        String name = "Siân Ŵyn-Łukasiewicz 😀";
        String summary = "Mae’r boeler wedi torri.\nZażółć gęślą jaźń 👍🏽 " + UUID.randomUUID();
        HttpResponse<String> answer = postJson("/api/complaints", complaint(name, summary.replace("\n", "\\n"),
                "1 Stryd Fawr\\nCaernarfon"), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        var complaint = complaints.findByReference(JSON.readTree(answer.body()).get("reference").asText()).orElseThrow();
        assertThat(complaint.getCustomer().getName()).isEqualTo(name);
        assertThat(complaint.getSummary()).isEqualTo(summary);
        assertThat(complaint.getCustomer().getAddress()).isEqualTo("1 Stryd Fawr\nCaernarfon");
    }

    @Test
    void theFeedbackEscalationAndErasureApisCheckTheirTextToo() throws Exception {
        HttpResponse<String> feedback = postJson("/api/feedback", """
                {"kind": "COMPLIMENT", "name": "Pat\\u0001", "email": "pat@example.org", "preferredContact": "EMAIL",
                 "text": "Thank you"}
                """, null);
        assertThat(feedback.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(feedback.body()).get("errors").findValuesAsText("field")).containsExactly("name");

        HttpResponse<String> escalation = postJson("/api/complaints/CHG-2026-000001/escalation",
                "{\"reason\": \"Still \\uFFFF broken\"}", STAFF);
        assertThat(escalation.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(escalation.body()).get("errors").findValuesAsText("field")).containsExactly("reason");

        HttpResponse<String> erasure = postJson("/api/complaints/CHG-2026-000001/erasure",
                "{\"reason\": \"Request \\u0000\"}", OWNER);
        assertThat(erasure.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(erasure.body()).get("errors").findValuesAsText("field")).containsExactly("reason");
    }

    @Test
    void thePublicFormShowsTheProblemBesideTheFieldAndStoresNothing() throws Exception {
        String summary = "Form characters " + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("who", "CUSTOMER");
        form.put("name", "Pat\u0001Tenant");
        form.put("email", "pat@example.org");
        form.put("preferredContact", "EMAIL");
        form.put("summary", summary);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/complaint")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        form.put("_csrf", token.group(1));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri("/complaint"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.uri().getPath()).isEqualTo("/complaint");
        assertThat(answer.body()).contains("id=\"name-error\"", "The name contains a control character (U+0001)");
        assertThat(stored(summary)).isZero();
    }

    private long stored(String summary) {
        return jdbc.queryForObject("select count(*) from complaint where summary = ?", Long.class, summary);
    }

    /** JSON text: the arguments may hold JSON escapes. */
    private static String complaint(String name, String summary, String address) {
        return """
                {"channel": "ONLINE_FORM", "summary": "%s",
                 "customer": {"name": "%s", "email": "pat@example.org", "address": "%s", "preferredContact": "EMAIL"}}
                """.formatted(summary, name, address);
    }

    private HttpResponse<String> postJson(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
