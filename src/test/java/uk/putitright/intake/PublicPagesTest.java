package uk.putitright.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;

/**
 * The public pages through HTTP only, as a browser without JavaScript uses them: GET the form (which sets the
 * session cookie and the hidden _csrf field), POST it form-urlencoded, follow the redirect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "putitright.test.database=putitright-public")
class PublicPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("CHG-\\d{4}-\\d{6}");

    @LocalServerPort int port;
    @Autowired ComplaintRepository complaints;
    @Autowired ComplaintIntake intake;
    @Autowired WorkingDays workingDays;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired StatusLookupLimiter lookups;
    @Autowired MeterRegistry meters;

    private HttpClient browser;
    private final Set<String> myComplaints = new HashSet<>();

    @BeforeEach
    void noFailedLookUpsYet() {
        lookups.reset();
    }

    @BeforeEach
    void newBrowser() {
        uk.putitright.letters.TestMailServer.running();
        browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    // ---- the complaint page ----

    @Test
    void theFormIsAccessibleAndCarriesAFormToken() throws Exception {
        HttpResponse<String> page = get("/complaint");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label class=\"label\" for=\"name\">", "<label class=\"label\" for=\"summary\">",
                "<legend class=\"legend\">Who is making this complaint?</legend>", "on someone else's behalf",
                "id=\"representativeName\"", "<html lang=\"en-GB\"", "name=\"viewport\"")
                .doesNotContain("<script");
        assertThat(csrf(page)).isNotBlank();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aComplaintShowsItsReferenceAndTheRealDates() throws Exception {
        long before = complaints.count();
        HttpResponse<String> done = submit(validForm());

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.uri().getPath()).isEqualTo("/complaint/received");
        Matcher reference = REFERENCE.matcher(done.body());
        assertThat(reference.find()).as("a reference on the page").isTrue();
        Complaint complaint = complaints.findByReference(reference.group()).orElseThrow();
        assertThat(complaints.count()).isEqualTo(before + 1);
        assertThat(complaint.getChannel()).isEqualTo(Channel.ONLINE_FORM);
        assertThat(complaint.getCustomer().getAddress()).isEqualTo("1 High Street, Huntingdon, PE29 3QW");
        assertThat(complaint.hasRepresentative()).isFalse();
        // Chorus Homes: acknowledge in 2 working days, put it right in 5 (the policy DMN), from when it arrived
        assertThat(done.body()).contains("What happens next",
                date(workingDays.add(complaint.getReceivedAt(), 2)),
                date(workingDays.add(complaint.getReceivedAt(), 5)));

        // the dates promised are the dates the process then sets
        myComplaints.add(complaint.getReference());
        executeDueJobs();
        assertThat(done.body()).contains(date(complaints.findByReference(complaint.getReference()).orElseThrow()
                .getDeadlines().get(DeadlineType.ACKNOWLEDGEMENT)));

        // refreshing the confirmation does not log it again
        assertThat(get("/complaint/received").uri().getPath()).isEqualTo("/complaint");
        assertThat(complaints.count()).isEqualTo(before + 1);
    }

    @Test
    void onSomeonesBehalfStoresTheRepresentativeAndSaysConsentComesFirst() throws Exception {
        Map<String, String> form = validForm();
        form.put("who", "REPRESENTATIVE");
        form.put("representativeName", "Sam Advocate");
        form.put("representativeEmail", "sam@example.org");
        HttpResponse<String> done = submit(form);

        Matcher reference = REFERENCE.matcher(done.body());
        assertThat(reference.find()).isTrue();
        Complaint complaint = complaints.findByReference(reference.group()).orElseThrow();
        assertThat(complaint.hasRepresentative()).isTrue();
        assertThat(complaint.getRepresentative().getEmail()).isEqualTo("sam@example.org");
        assertThat(complaint.getConsentGiven()).isNull();
        assertThat(done.body()).contains("We check the customer agrees", "we will not share any of their personal details");

        // the process asks customer service to confirm consent before anything else
        myComplaints.add(complaint.getReference());
        executeDueJobs();
        assertThat(openTasks(complaint.getReference())).containsExactly("Task_ConfirmConsent");
    }

    @Test
    void missingAndInvalidFieldsAreShownBesideTheFieldsAndNothingIsStored() throws Exception {
        long before = complaints.count();
        Map<String, String> form = validForm();
        form.put("name", " ");
        form.put("email", "not-an-email");
        form.put("postcode", "NOWHERE");
        form.put("summary", "");
        form.put("who", "REPRESENTATIVE"); // but no representative named
        HttpResponse<String> page = submit(form);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/complaint");
        String html = page.body();
        assertThat(html).contains("<title>Error: Make a complaint", "There is a problem",
                "id=\"name-error\"", "Enter the customer’s full name",
                "id=\"email-error\"", "Enter an email address in the right format",
                "id=\"postcode-error\"", "Enter a UK postcode",
                "id=\"summary-error\"", "Tell us what your complaint is about",
                "id=\"representativeName-error\"", "Enter your name, as you are complaining on someone’s behalf",
                "href=\"#name\"", "href=\"#summary\"");
        assertThat(inputTag(html, "name")).contains("aria-describedby=\"name-error\"", "aria-invalid=\"true\"");
        assertThat(inputTag(html, "email")).contains("aria-describedby=\"email-hint email-error\"");
        assertThat(tag(html, "textarea", "summary")).contains("aria-describedby=\"summary-hint summary-error\"");
        // what the customer typed is kept
        assertThat(inputTag(html, "email")).contains("value=\"not-an-email\"");
        assertThat(complaints.count()).isEqualTo(before);

        // the preferred contact needs its detail
        Map<String, String> byPost = validForm();
        byPost.put("preferredContact", "POST");
        byPost.put("address", "");
        byPost.put("postcode", "");
        String postPage = submit(byPost).body();
        assertThat(postPage).contains("id=\"address-error\"", "Enter an address, as you chose to be contacted by post",
                "id=\"postcode-error\"");
        assertThat(complaints.count()).isEqualTo(before);
    }

    @Test
    void aPostWithoutTheFormTokenIsRefusedAndStoresNothing() throws Exception {
        long before = complaints.count();
        get("/complaint"); // a session, but the attacker's page cannot read its token
        HttpResponse<String> refused = post("/complaint", validForm());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Please try again");

        Map<String, String> forged = validForm();
        forged.put("_csrf", "forged-token");
        assertThat(post("/complaint", forged).statusCode()).isEqualTo(403);
        assertThat(complaints.count()).isEqualTo(before);

        // the same for the status page's actions
        assertThat(post("/complaint/status/withdraw", Map.of("confirm", "yes")).statusCode()).isEqualTo(403);
    }

    @Test
    void scriptInTheSummaryIsNeverReflected() throws Exception {
        Map<String, String> form = validForm();
        form.put("name", ""); // an error, so the form comes back with what was typed
        form.put("summary", "<script>alert(1)</script>");
        form.put("desiredOutcome", "\"><img src=x onerror=alert(2)>");
        String html = submit(form).body();

        assertThat(html).doesNotContain("<script>alert(1)</script>", "<img src=x")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        form.put("name", "Alex <b>Customer</b>");
        HttpResponse<String> done = submit(form);
        assertThat(done.body()).doesNotContain("<script>alert(1)</script>", "<img src=x", "<b>Customer</b>");
        assertThat(REFERENCE.matcher(done.body()).find()).isTrue();
    }

    // ---- the status page ----

    @Test
    void theRightDetailsShowTheStageAndNextDeadlineAndNothingElse() throws Exception {
        String reference = logComplaint();
        Complaint complaint = complaints.findByReference(reference).orElseThrow();

        String html = lookUp(reference.toLowerCase(), "  ALEX@example.org ").body();
        assertThat(html).contains(reference, "Received: we are checking your complaint",
                "We will acknowledge your complaint by",
                date(complaint.getDeadlines().get(DeadlineType.ACKNOWLEDGEMENT)), "Withdraw your complaint")
                .doesNotContain("Alex Customer", "alex@example.org", "boiler", "High Street", "Ask for a Stage 2 review");

        // the postcode works too, in any spacing or case
        newBrowser();
        assertThat(lookUp(reference, "pe293qw").body()).contains("Received: we are checking your complaint");

        // without looking it up first, the status page sends you to the lookup form
        newBrowser();
        assertThat(get("/complaint/status/complaint").uri().getPath()).isEqualTo("/complaint/status");
    }

    @Test
    void afterTheFinalResponseThePageSaysTheOmbudsmanIsOpenNowAndTheOtherRoutesAreOptional() throws Exception {
        String reference = logComplaint();
        Complaint complaint = complaints.findByReference(reference).orElseThrow();
        // as the ombudsman-wait process leaves a Chorus Homes complaint after its final response
        java.time.Instant windowEnds = java.time.Instant.now().plus(java.time.Duration.ofDays(56));
        complaint.enterStage(Stage.OMBUDSMAN_WAIT, java.time.Instant.now());
        complaint.getDeadlines().set(DeadlineType.OMBUDSMAN_ELIGIBLE, windowEnds);
        complaints.save(complaint);

        String html = lookUp(reference, "alex@example.org").body().replaceAll("\\s+", " ");
        assertThat(html).contains("Final response given", "you can take your complaint to the Ombudsman now",
                        "You do not need to wait", "optional", date(windowEnds))
                .doesNotContain("to the Ombudsman from", "eight weeks");
    }

    @Test
    void wrongDetailsAndAnUnknownReferenceGiveTheSameAnswer() throws Exception {
        String reference = logComplaint();
        String unknown = "CHG-2026-999999";

        HttpResponse<String> wrongEmail = lookUp(reference, "someone.else@example.org");
        newBrowser();
        HttpResponse<String> wrongPostcode = lookUp(reference, "SW1A 1AA");
        newBrowser();
        HttpResponse<String> unknownReference = lookUp(unknown, "someone.else@example.org");

        assertThat(wrongEmail.statusCode()).isEqualTo(unknownReference.statusCode()).isEqualTo(200);
        assertThat(wrongEmail.body()).contains(CustomerStatusPageController.NOT_FOUND.replace("'", "&#39;"))
                .doesNotContain("Stage 1", "acknowledge your complaint by");
        assertThat(comparable(wrongEmail.body(), reference)).isEqualTo(comparable(unknownReference.body(), unknown));
        assertThat(comparable(wrongPostcode.body(), reference)).contains("We could not find a complaint");
    }

    @Test
    void tenFailedLookUpsFromOneAddressStopItLookingUpForAWhile() throws Exception {
        String reference = logComplaint();
        // look-ups that find the complaint do not count
        for (int i = 0; i < 3; i++) {
            newBrowser();
            assertThat(lookUp(reference, "alex@example.org").body()).contains("Received: we are checking");
        }
        for (int i = 0; i < 10; i++) {
            newBrowser();
            HttpResponse<String> wrong = lookUp("CHG-2026-" + String.format("%06d", 900_000 + i), "PE29 3QW");
            assertThat(wrong.statusCode()).isEqualTo(200);
            assertThat(wrong.body()).contains("We could not find a complaint with those details");
        }

        // the eleventh is refused, even with the right details, and shows nothing of the complaint
        double refusedBefore = refusedLookUps();
        newBrowser();
        HttpResponse<String> refused = lookUp(reference, "alex@example.org");
        assertThat(refused.statusCode()).isEqualTo(429);
        // the on-call engineer sees it in /actuator/prometheus
        assertThat(refusedLookUps()).isEqualTo(refusedBefore + 1);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(890L, 900L);
        assertThat(refused.body()).contains("Please try again in 15 minutes, or phone us")
                .doesNotContain("Received: we are checking", "acknowledge your complaint by");
        assertThat(get("/complaint/status/complaint").uri().getPath()).isEqualTo("/complaint/status");
    }

    private double refusedLookUps() {
        return meters.get("putitright.requests.refused").tag("limit", "failed-lookups").counter().count();
    }

    @Test
    void escalatingFromTheStatusPageMovesTheComplaintToStage2() throws Exception {
        String reference = logComplaint();
        complete(reference, "Task_AcknowledgeComplaint", Map.of());
        complete(reference, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        complete(reference, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        Complaint atWindow = complaints.findByReference(reference).orElseThrow();
        assertThat(atWindow.getStage()).isEqualTo(Stage.STAGE_1);

        HttpResponse<String> status = lookUp(reference, "alex@example.org");
        assertThat(status.body()).contains("Stage 1: investigation", "Ask for a Stage 2 review",
                "You can ask for a Stage 2 review until",
                date(atWindow.getDeadlines().get(DeadlineType.ESCALATION_WINDOW)));

        // what the customer wants is needed; why is optional (Complaint Handling Code 6.12)
        HttpResponse<String> incomplete = post("/complaint/status/escalate",
                withToken(status, Map.of("reason", "", "desiredOutcome", "")));
        assertThat(incomplete.body()).contains("id=\"desiredOutcome-error\"", "(optional)")
                .doesNotContain("id=\"reason-error\"");
        assertThat(complaints.findByReference(reference).orElseThrow().getStage()).isEqualTo(Stage.STAGE_1);

        HttpResponse<String> escalated = post("/complaint/status/escalate", withToken(incomplete, Map.of(
                "reason", "The boiler is still broken.", "desiredOutcome", "A new boiler this month.")));
        assertThat(escalated.uri().getPath()).isEqualTo("/complaint/status/complaint");
        assertThat(escalated.body()).contains("We have your request for a Stage 2 review");
        executeDueJobs();

        Complaint atStage2 = complaints.findByReference(reference).orElseThrow();
        assertThat(atStage2.getStage()).isEqualTo(Stage.STAGE_2);
        assertThat(atStage2.getStage2Reason()).isEqualTo("The boiler is still broken.");
        assertThat(atStage2.getStage2DesiredOutcome()).isEqualTo("A new boiler this month.");
        assertThat(get("/complaint/status/complaint").body()).contains("Stage 2: review",
                "We will acknowledge your Stage 2 request by",
                date(atStage2.getDeadlines().get(DeadlineType.STAGE_2_ACKNOWLEDGEMENT)))
                .doesNotContain("Ask for a Stage 2 review</h2>");
    }

    @Test
    void theCustomerCanWithdraw() throws Exception {
        String reference = logComplaint();
        HttpResponse<String> status = lookUp(reference, "PE29 3QW");

        HttpResponse<String> unconfirmed = post("/complaint/status/withdraw", withToken(status, Map.of()));
        assertThat(unconfirmed.body()).contains("id=\"confirm-error\"", "Tick the box to confirm");
        assertThat(complaints.findByReference(reference).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.OPEN);

        HttpResponse<String> withdrawn = post("/complaint/status/withdraw",
                withToken(unconfirmed, Map.of("confirm", "yes")));
        assertThat(withdrawn.body()).contains("Your complaint has been withdrawn");
        executeDueJobs();
        assertThat(complaints.findByReference(reference).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.WITHDRAWN);
        assertThat(get("/complaint/status/complaint").body()).contains("Withdrawn")
                .doesNotContain("Withdraw complaint</button>", "Ask for");
    }

    @Test
    void sendingTheSameComplaintTwiceGivesOneComplaint() throws Exception {
        long before = complaints.count();
        Map<String, String> form = validForm();
        HttpResponse<String> first = submit(form);
        newBrowser();
        HttpResponse<String> again = submit(form);
        Matcher firstReference = REFERENCE.matcher(first.body());
        Matcher secondReference = REFERENCE.matcher(again.body());
        assertThat(firstReference.find()).isTrue();
        assertThat(secondReference.find()).isTrue();
        assertThat(secondReference.group()).isEqualTo(firstReference.group());
        myComplaints.add(firstReference.group());
        assertThat(complaints.count()).isEqualTo(before + 1);
    }

    // ---- helpers ----

    private static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("who", "CUSTOMER");
        form.put("name", "Alex Customer");
        form.put("email", "alex@example.org");
        form.put("phone", "01234 567890");
        form.put("address", "1 High Street, Huntingdon");
        form.put("postcode", "pe29 3qw");
        form.put("preferredContact", "EMAIL");
        form.put("representativeName", "");
        form.put("representativeEmail", "");
        form.put("representativePhone", "");
        // each test's complaint differs: the same complaint from the same address within minutes is one complaint
        form.put("summary", "The boiler has not been repaired after three visits (" + SUBMISSIONS.incrementAndGet() + ").");
        form.put("desiredOutcome", "Repair the boiler");
        return form;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SUBMISSIONS =
            new java.util.concurrent.atomic.AtomicInteger();

    /** Logs a complaint through the page and runs its first steps (policy, case handler). */
    private String logComplaint() throws Exception {
        HttpResponse<String> done = submit(validForm());
        Matcher matcher = REFERENCE.matcher(done.body());
        assertThat(matcher.find()).isTrue();
        myComplaints.add(matcher.group());
        executeDueJobs();
        newBrowser();
        return matcher.group();
    }

    private HttpResponse<String> submit(Map<String, String> form) throws Exception {
        return post("/complaint", withToken(get("/complaint"), form));
    }

    private HttpResponse<String> lookUp(String reference, String contact) throws Exception {
        return post("/complaint/status", withToken(get("/complaint/status"),
                Map.of("reference", reference, "contact", contact)));
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

    private String date(java.time.Instant instant) {
        assertThat(instant).isNotNull();
        return workingDays.ukDate(instant);
    }

    /** The page less what differs between any two requests: the form token and the reference typed in. */
    private static String comparable(String html, String typedReference) {
        return CSRF.matcher(html).replaceAll("name=\"_csrf\" value=\"TOKEN\"").replace(typedReference, "REFERENCE");
    }

    private static String inputTag(String html, String id) {
        return tag(html, "input", id);
    }

    private static String tag(String html, String element, String id) {
        Matcher matcher = Pattern.compile("<" + element + "[^>]*\\sid=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as("input #%s", id).isTrue();
        return matcher.group();
    }

    private void complete(String reference, String taskKey, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("open task %s of %s", taskKey, reference).isNotNull();
        tasks.complete(task.getId(), variables);
        executeDueJobs();
    }

    private List<String> openTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    /** Runs this test's due jobs (the job executor is off in tests), including jobs those jobs create. */
    private void executeDueJobs() {
        for (int round = 0; round < 200; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() != null
                            && myComplaints.contains(businessKeyOf(job.getProcessInstanceId())))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep creating due jobs");
    }

    private String businessKeyOf(String processInstanceId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
