package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.feedback.Feedback;
import uk.putitright.feedback.FeedbackKind;
import uk.putitright.feedback.FeedbackRepository;

/**
 * The public compliments and comments page through HTTP only, as a browser without JavaScript uses it: GET the
 * form (which sets the session cookie and the hidden _csrf field), POST it form-urlencoded, follow the redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-feedback-page")
class PublicFeedbackPageTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("[A-Z]+-\\d{4}-\\d{6}");

    @LocalServerPort int port;
    @Autowired FeedbackRepository feedback;
    @Autowired SubmissionRateLimiter limiter;

    private HttpClient browser;

    @BeforeEach
    void newBrowser() {
        uk.putitright.letters.TestMailServer.running();
        limiter.reset();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Test
    void theFormIsAccessibleCarriesAFormTokenAndIsLinkedBothWays() throws Exception {
        HttpResponse<String> page = get("/complaint/feedback");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label class=\"label\" for=\"name\">", "<label class=\"label\" for=\"text\">",
                "<legend class=\"legend\">What would you like to do?</legend>", "id=\"staffMember\"", "id=\"team\"",
                "value=\"COMPLIMENT\"", "value=\"COMMENT\"", "<html lang=\"en-GB\"", "href=\"/complaint\"")
                .doesNotContain("<script");
        assertThat(csrf(page)).isNotBlank();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(get("/complaint").body()).contains("Want to pay a compliment or make a comment instead?",
                "href=\"/complaint/feedback\"");
    }

    @Test
    void aComplimentShowsItsReferenceAndStoresOneFeedback() throws Exception {
        long before = feedback.count();
        HttpResponse<String> done = submit(validForm());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.uri().getPath()).isEqualTo("/complaint/feedback/received");
        assertThat(done.body()).contains("Compliment received");
        Matcher reference = REFERENCE.matcher(done.body());
        assertThat(reference.find()).as("a reference on the page").isTrue();
        assertThat(feedback.count()).isEqualTo(before + 1);
        Feedback stored = feedback.findByReference(reference.group()).orElseThrow();
        assertThat(stored.getKind()).isEqualTo(FeedbackKind.COMPLIMENT);
        assertThat(stored.getPersonName()).isEqualTo("Pat Tenant");
        assertThat(stored.getPersonEmail()).isEqualTo("pat@example.org");
        assertThat(stored.getPreferredContact()).isEqualTo(ContactMethod.EMAIL);
        assertThat(stored.getStaffMember()).isEqualTo("Jo Fixer");
        assertThat(stored.getTeam()).isEqualTo("service-managers");

        // refreshing the thank-you page does not store it again
        assertThat(get("/complaint/feedback/received").uri().getPath()).isEqualTo("/complaint/feedback");
        assertThat(feedback.count()).isEqualTo(before + 1);
    }

    @Test
    void aCommentIgnoresTheStaffFields() throws Exception {
        Map<String, String> form = validForm();
        form.put("kind", "COMMENT");
        form.put("preferredContact", "POST");
        form.put("email", "");
        form.put("address", "1 High Street, Huntingdon, PE29 3QW");
        HttpResponse<String> done = submit(form);

        assertThat(done.body()).contains("Comment received");
        Matcher reference = REFERENCE.matcher(done.body());
        assertThat(reference.find()).isTrue();
        Feedback stored = feedback.findByReference(reference.group()).orElseThrow();
        assertThat(stored.getKind()).isEqualTo(FeedbackKind.COMMENT);
        assertThat(stored.getStaffMember()).isNull();
        assertThat(stored.getTeam()).isNull();
        assertThat(stored.getPersonAddress()).isEqualTo("1 High Street, Huntingdon, PE29 3QW");
    }

    @Test
    void missingFieldsAreShownBesideTheFieldsAndNothingIsStored() throws Exception {
        long before = feedback.count();
        Map<String, String> form = validForm();
        form.remove("kind");
        form.put("name", " ");
        form.put("email", "");
        form.put("text", "");
        HttpResponse<String> page = submit(form);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/complaint/feedback");
        String html = page.body();
        assertThat(html).contains("<title>Error: Pay a compliment or make a comment", "There is a problem",
                "Tell us whether this is a compliment or a comment", "Enter your full name",
                "Enter an email address, as you chose to be contacted by email",
                "Tell us your compliment or comment", "id=\"name-error\"", "id=\"text-error\"", "id=\"kind-error\"",
                "aria-describedby=\"name-error\"", "aria-describedby=\"text-hint text-error\"",
                "aria-describedby=\"email-hint email-error\"");
        // what was typed is kept
        assertThat(html).contains("value=\"Jo Fixer\"");
        assertThat(feedback.count()).isEqualTo(before);

        // no email and no address: we could not write to thank them
        Map<String, String> unreachable = validForm();
        unreachable.put("preferredContact", "PHONE");
        unreachable.put("email", "");
        unreachable.put("address", "");
        assertThat(submit(unreachable).body()).contains("Enter an email address or a postal address");
        assertThat(feedback.count()).isEqualTo(before);
    }

    @Test
    void aFormWithoutAValidTokenIsRefused() throws Exception {
        long before = feedback.count();
        get("/complaint/feedback");
        assertThat(post("/complaint/feedback", validForm()).statusCode()).isEqualTo(403);
        Map<String, String> forged = validForm();
        forged.put("_csrf", "forged-token");
        assertThat(post("/complaint/feedback", forged).statusCode()).isEqualTo(403);
        assertThat(feedback.count()).isEqualTo(before);
    }

    @Test
    void theFaviconIsServedWithoutLogin() throws Exception {
        HttpResponse<byte[]> icon = browser.send(HttpRequest.newBuilder(uri("/favicon.ico")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.body()).startsWith(0, 0, 1, 0);
        assertThat(get("/complaint/feedback").body()).contains("rel=\"icon\" href=\"/favicon.ico\"");
    }

    // ---- helpers ----

    private static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", "COMPLIMENT");
        form.put("name", "Pat Tenant");
        form.put("email", "pat@example.org");
        form.put("address", "");
        form.put("preferredContact", "EMAIL");
        form.put("staffMember", "Jo Fixer");
        form.put("team", "Service Managers");
        form.put("text", "Jo fixed our boiler on a Sunday and explained everything clearly.");
        return form;
    }

    private HttpResponse<String> submit(Map<String, String> form) throws Exception {
        return post("/complaint/feedback", withToken(get("/complaint/feedback"), form));
    }

    private static Map<String, String> withToken(HttpResponse<String> page, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf(page));
        return withToken;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a _csrf field on %s", page.uri()).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
