package uk.putitright.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/** The load balancer's health check, and the metrics monitoring scrapes, and nothing else of Actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// counts read fresh on each scrape, so a complaint just logged shows
@TestPropertySource(properties = {"putitright.test.database=putitright-operations",
        "putitright.operations.metrics-cache=0s"})
class HealthAndMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MONITOR = "prometheus.ops";
    private static final String STAFF = "cs.ops";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ComplaintIntake intake;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void users() {
        uk.putitright.letters.TestMailServer.running();
        user(MONITOR, MonitoringGroup.ID);
        user(STAFF, "customer-service");
    }

    @Test
    void healthIsPublicButOnlyMonitoringSeesItsParts() throws Exception {
        JsonNode anonymous = JSON.readTree(get("/actuator/health", null).body());
        assertThat(anonymous.get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.has("components")).isFalse();

        HttpResponse<String> monitoring = get("/actuator/health", MONITOR);
        assertThat(monitoring.statusCode()).isEqualTo(200);
        JsonNode components = JSON.readTree(monitoring.body()).get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("processEngine").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("processEngine").get("details").get("name").asText()).isEqualTo("default");
    }

    @Test
    void metricsNeedTheMonitoringGroupAndCountOpenComplaintsAndJobs() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", STAFF).statusCode()).isEqualTo(403);

        double before = openAtIntake(scrape());
        intake.log(new NewComplaintRequest("chorus-homes", "", null, Channel.PHONE, null,
                new NewComplaintRequest.Customer("Alex Customer", "alex@example.org", null, null, ContactMethod.EMAIL),
                null, "The boiler has not been repaired.", "Repair the boiler"));
        String metrics = scrape();
        assertThat(openAtIntake(metrics)).isEqualTo(before + 1);
        // the new complaint's first steps wait as a job (the tests run jobs themselves)
        assertThat(value(metrics, "putitright_jobs_due")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("putitright_jobs_failed ", "putitright_breaches_total{deadline=\"ACKNOWLEDGEMENT\"}",
                "putitright_complaints_open{stage=\"STAGE_2\"}",
                "putitright_requests_refused_total{limit=\"failed-lookups\"}",
                "putitright_requests_refused_total{limit=\"submissions\"}");
    }

    @Test
    void nothingElseOfActuatorIsExposed() throws Exception {
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/loggers", "/actuator/metrics", "/actuator/threaddump")) {
            assertThat(get(path, MONITOR).statusCode()).as(path).isEqualTo(404);
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus", MONITOR);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double openAtIntake(String metrics) {
        return value(metrics, "putitright_complaints_open{stage=\"INTAKE\"}");
    }

    private static double value(String metrics, String series) {
        return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError(series + " not in " + metrics));
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void user(String id, String group) {
        TestStaff.ensure(identity, id, id, group);
    }
}
