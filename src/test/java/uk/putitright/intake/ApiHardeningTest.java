package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The public complaint API under abuse and accident: double clicks and retries (idempotency), oversized
 * bodies (413), floods from one address (429), markup in bad input, and its OpenAPI documentation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "putitright.test.database=putitright-hardening",
        "putitright.intake.max-submissions-per-address=3",
        "putitright.intake.submission-window=1m",
        "putitright.intake.max-body-size=64KB"})
class ApiHardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    @Autowired SubmissionRateLimiter limiter;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void setUp() {
        uk.putitright.letters.TestMailServer.running();
        limiter.reset();
    }

    @Test
    void fiftyConcurrentIdenticalSubmissionsWithOneIdempotencyKeyLogOneComplaint() throws Exception {
        String summary = "Concurrent " + UUID.randomUUID();
        String body = complaint(summary);
        String key = UUID.randomUUID().toString();
        long before = complaintCount();
        int clients = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return http.send(post(body).header("Idempotency-Key", key).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            Set<String> references = new java.util.HashSet<>();
            int replayed = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                String reference = JSON.readTree(response.body()).get("reference").asText();
                references.add(reference);
                assertThat(response.headers().firstValue("Location")).hasValue("/api/complaints/" + reference);
                if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayed++;
                }
            }
            assertThat(references).hasSize(1);
            assertThat(replayed).isEqualTo(clients - 1);
            String reference = references.iterator().next();
            assertThat(complaintCount()).isEqualTo(before + 1);
            assertThat(jdbc.queryForObject("select count(*) from complaint where summary = ?", Long.class, summary))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select reference from complaint where summary = ?", String.class, summary))
                    .isEqualTo(reference);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        // a later retry with the same key gets the same answer again
        HttpResponse<String> retry = send(post(body).header("Idempotency-Key", key));
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(complaintCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefusedAndNamesTheHeader() throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(send(post(complaint("First " + key)).header("Idempotency-Key", key)).statusCode()).isEqualTo(201);
        long before = complaintCount();

        HttpResponse<String> reused = send(post(complaint("Second " + key)).header("Idempotency-Key", key));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertProblem(reused);
        assertThat(JSON.readTree(reused.body()).get("errors").findValuesAsText("field"))
                .containsExactly("Idempotency-Key");
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void withoutAKeyTheSameBodyFromTheSameAddressSoonAfterIsADoubleClick() throws Exception {
        String summary = "Double click " + UUID.randomUUID();
        long before = complaintCount();
        HttpResponse<String> first = send(post(complaint(summary)));
        // the same complaint, spaced and ordered differently
        HttpResponse<String> second = send(post("""
                {"summary": "%s", "channel": "ONLINE_FORM",
                   "customer": {"preferredContact": "EMAIL", "email": "pat@example.org", "name": "Pat Tenant"}}
                """.formatted(summary)));
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(complaintCount()).isEqualTo(before + 1);

        // a different complaint is not a repeat
        assertThat(send(post(complaint(summary + " and the boiler"))).body()).isNotEqualTo(first.body());
        assertThat(complaintCount()).isEqualTo(before + 2);
    }

    @Test
    void aBodyOver64KiBIsRefusedWith413AndNothingIsStored() throws Exception {
        long before = complaintCount();
        String big = complaint("x".repeat(70 * 1024));
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);

        HttpResponse<String> response = send(post(big));
        assertThat(response.statusCode()).isEqualTo(413);
        assertProblem(response);
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(413);

        // the same without Content-Length (chunked): refused once the limit is passed while reading
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertProblem(chunked);

        assertThat(complaintCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where complaint_reference is null",
                Long.class)).isZero();
    }

    @Test
    void theFourthComplaintFromOneAddressWithinAMinuteIs429WithRetryAfter() throws Exception {
        String run = UUID.randomUUID().toString();
        String first = null;
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> response = send(post(complaint("Flood " + i + " " + run)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            first = first == null ? response.body() : first;
        }
        long before = complaintCount();

        HttpResponse<String> limited = send(post(complaint("Flood 4 " + run)));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertProblem(limited);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(complaintCount()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from complaint where summary = ?", Long.class,
                "Flood 4 " + run)).isZero();
        // a repeat of an earlier complaint is still answered: it logs nothing, so it is not limited
        HttpResponse<String> repeat = send(post(complaint("Flood 1 " + run)));
        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first);
        assertThat(complaintCount()).isEqualTo(before);
    }

    @Test
    void markupInRejectedInputIsNotReflected() throws Exception {
        String script = "<script>alert(1)</script>";
        HttpResponse<String> badOption = send(post("""
                {"channel": "%s", "summary": "x",
                 "customer": {"name": "A", "phone": "01234", "preferredContact": "PHONE"}}""".formatted(script)));
        assertThat(badOption.statusCode()).isEqualTo(400);
        assertProblem(badOption);
        assertThat(badOption.body()).doesNotContain("<script").doesNotContain("alert(1)");
        assertThat(JSON.readTree(badOption.body()).get("errors").findValuesAsText("field")).containsExactly("channel");

        HttpResponse<String> badField = send(post("""
                {"channel": "PHONE", "summary": "x", "%s": 1,
                 "customer": {"name": "A", "phone": "01234", "preferredContact": "PHONE"}}""".formatted(script)));
        assertThat(badField.statusCode()).isEqualTo(400);
        assertThat(badField.body()).doesNotContain("<script").doesNotContain("</script>");

        HttpResponse<String> badKey = send(post(complaint("Markup key")).header("Idempotency-Key", script));
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(badKey.body()).doesNotContain("<script");
        assertThat(JSON.readTree(badKey.body()).get("errors").findValuesAsText("field"))
                .containsExactly("Idempotency-Key");

        HttpResponse<String> badType = send(HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "text/x-" + "script-<b>bold</b>")
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(badType.statusCode()).isIn(400, 415);
        assertThat(badType.body()).doesNotContain("<b>");
    }

    @Test
    void theApiIsDocumentedWithExamplesAndBrowsableWithoutLogin() throws Exception {
        HttpResponse<String> docs = send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET());
        assertThat(docs.statusCode()).as(docs.body()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.get("openapi").asText()).startsWith("3.");
        JsonNode log = api.at("/paths/~1api~1complaints/post");
        assertThat(log.isMissingNode()).as(docs.body()).isFalse();
        JsonNode examples = log.at("/requestBody/content/application~1json/examples");
        assertThat(examples.size()).isGreaterThanOrEqualTo(1);
        assertThat(examples.findValuesAsText("value").toString() + examples.findValues("value"))
                .contains("preferredContact");
        assertThat(log.get("parameters").findValuesAsText("name")).contains("Idempotency-Key");
        assertThat(log.get("responses").fieldNames()).toIterable()
                .contains("201", "400", "413", "422", "429");
        assertThat(log.get("security")).isEmpty(); // public; staff calls need HTTP Basic
        assertThat(api.at("/paths/~1api~1complaints~1{reference}/get").isMissingNode()).isFalse();
        assertThat(api.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/api/"));

        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/swagger-ui/index.html")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        // the rest of /api/** still needs a login
        assertThat(send(HttpRequest.newBuilder(uri("/api/complaints/CHG-2026-999999")).GET()).statusCode())
                .isEqualTo(401);
    }

    private static void assertProblem(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(response.statusCode());
    }

    private static String complaint(String summary) throws Exception {
        return """
                {"channel": "ONLINE_FORM",
                 "customer": {"name": "Pat Tenant", "email": "pat@example.org", "preferredContact": "EMAIL"},
                 "summary": %s}""".formatted(JSON.writeValueAsString(summary));
    }

    private long complaintCount() {
        return jdbc.queryForObject("select count(*) from complaint", Long.class);
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(uri("/api/complaints")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
