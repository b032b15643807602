package uk.putitright.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.putitright.TestStaff;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ComplaintStatus;

/**
 * The case workspace through HTTP as staff use it: every kind of search, the filters and their counts, paging
 * and order, who may read which case, the audit log, recording a contact, and erasure. Subclasses pick the
 * database. The complaints carry this run's own surname, so other tests' complaints (PostgreSQL keeps them)
 * never change a count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CaseWorkspaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "secret";
    private static final Random RANDOM = new Random();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired ComplaintRepository complaints;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** This run's surname, postcodes and phone numbers, unlike any other test's. */
    private String surname;
    private String postcode;
    private String phone;
    private String zoe;
    private String pat;
    private String hugh;

    @BeforeEach
    void complaintsOfThisRun() throws Exception {
        uk.putitright.letters.TestMailServer.running();
        TestStaff.ensure(identity, "cs.cases", PASSWORD, "customer-service");
        TestStaff.ensure(identity, "hos.cases", PASSWORD, "heads-of-service");
        TestStaff.ensure(identity, "aud.cases", PASSWORD, "auditors");
        TestStaff.ensure(identity, "icp.cases", PASSWORD, "icp-panel");
        TestStaff.ensure(identity, "po.cases", PASSWORD, "process-owners");
        if (identity.createUserQuery().userId("nogroup.cases").count() == 0) {
            var user = identity.newUser("nogroup.cases");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-12-01T10:00:00Z")));
        surname = "Quill" + letters(6);
        postcode = "XQ" + RANDOM.nextInt(10) + RANDOM.nextInt(10) + " " + RANDOM.nextInt(10) + letters(2).toUpperCase();
        phone = "01" + (100000000 + RANDOM.nextInt(899999999));
        zoe = log("PHONE", "Zoë " + surname, "zoe." + surname + "@example.org", "+44 " + phone.substring(1),
                "Flat 10_A, 3 Mill Lane, Huntingdon, " + postcode);
        pat = log("EMAIL", "Pat " + surname, "Pat." + surname + "@Example.org", null, "7 Ouse Walk, St Ives");
        // the same person as zoe (same name at the same postcode, another email)
        hugh = log("ONLINE_FORM", "Zoe " + surname.toUpperCase(), null, null,
                "22 Mill Lane, Huntingdon, " + postcode.replace(" ", "").toLowerCase());
        runJobs();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void findsACaseByEveryKindOfSearch() throws Exception {
        String number = zoe.substring(zoe.lastIndexOf('-') + 1);
        assertFound(zoe, zoe);
        assertFound(zoe.toLowerCase(), zoe);
        assertFound(zoe.substring(zoe.indexOf('-') + 1), zoe);
        assertFound(number, zoe);
        assertFound("zoe " + surname.toLowerCase(), zoe, hugh);
        assertFound(surname.toUpperCase().substring(0, 7), zoe, pat, hugh);
        assertFound(postcode.replace(" ", "").toLowerCase(), zoe, hugh);
        assertFound(postcode, zoe, hugh);
        assertFound("+44 " + phone.substring(1, 5) + " " + phone.substring(5), zoe);
        assertFound(phone, zoe);
        assertFound(phone.substring(0, 5) + " " + phone.substring(5, 8) + " " + phone.substring(8), zoe);
        assertFound("PAT." + surname + "@EXAMPLE.ORG", pat);
        assertFound("ouse walk " + surname, pat);
        // %, _ and * are characters, not wildcards
        assertFound("10_a " + surname, zoe);
        assertFound("10%a " + surname);
        assertFound("1*a " + surname);
        assertFound("%" + surname.substring(1));
        // part of a reference: its prefix and year, or the year and the first digits of its number
        String prefixAndYear = zoe.substring(0, zoe.lastIndexOf('-'));
        assertFound(prefixAndYear.toLowerCase(), zoe, pat, hugh);
        String yearAndDigits = zoe.substring(zoe.indexOf('-') + 1, zoe.length() - 2);
        assertFound(yearAndDigits, Stream.of(zoe, pat, hugh).filter(r -> r.contains(yearAndDigits))
                .toArray(String[]::new));
        assertThat(references(search("q=" + yearAndDigits + "&size=100", "cs.cases")))
                .allSatisfy(reference -> assertThat(reference).contains(yearAndDigits));
        // the other forms a caller gives: a postcode with odd spacing, a phone in brackets or with 0044, an
        // email in capitals, a first name alone with the surname's accent folded
        assertFound(" " + postcode.replace(" ", "   ").toLowerCase() + " ", zoe, hugh);
        assertFound("(" + phone.substring(0, 5) + ") " + phone.substring(5), zoe);
        assertFound("0044 " + phone.substring(1), zoe);
        assertFound("ZOE." + surname.toUpperCase() + "@EXAMPLE.ORG", zoe);
        assertFound("ZOË " + surname, zoe, hugh);
        assertFound("huntingdon " + surname.substring(0, 6), zoe, hugh);
    }

    @Test
    void aCustomerRequestIsRecordedFromTheCasePageAsTasklistWouldRecordIt() throws Exception {
        String page = get("/cases/" + zoe, "cs.cases").body();
        assertThat(page).contains("id=\"request-form\"", "Withdraw my complaint", "Log a new complaint for this customer");

        HttpResponse<String> unknown = post("/api/complaints/" + zoe + "/customer-requests", "{\"request\": \"SING\"}",
                "cs.cases");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).at("/errors/0/field").asText()).isEqualTo("request");
        // escalating before there is a Stage 1 response: the complaint's own refusal, nothing recorded
        HttpResponse<String> tooEarly = post("/api/complaints/" + zoe + "/customer-requests",
                "{\"request\": \"ESCALATE\", \"stage2Reason\": \"Not fixed\"}", "cs.cases");
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        for (String user : List.of("aud.cases", "hos.cases", "nogroup.cases")) {
            assertThat(post("/api/complaints/" + zoe + "/customer-requests", "{\"request\": \"WITHDRAW\"}", user)
                    .statusCode()).as(user).isEqualTo(403);
        }
        assertThat(complaints.findByReference(zoe).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.OPEN);

        HttpResponse<String> withdrawn = post("/api/complaints/" + zoe + "/customer-requests",
                "{\"request\": \"withdraw\"}", "cs.cases");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
        runJobs();
        assertThat(complaints.findByReference(zoe).orElseThrow().getStatus()).isEqualTo(ComplaintStatus.WITHDRAWN);
        var recorded = history.createHistoricProcessInstanceQuery().processDefinitionKey("customer-request")
                .processInstanceBusinessKey(zoe).list();
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).getStartUserId()).as("started as the member of staff").isEqualTo("cs.cases");
    }

    @Test
    void aNewComplaintForTheSameCustomerIsFilledInFromTheCase() throws Exception {
        HttpResponse<String> form = get("/cases/" + zoe + "/new-complaint", "cs.cases");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"Zoë " + surname + "\"", "value=\"zoe." + surname + "@example.org\"",
                "value=\"+44 " + phone.substring(1) + "\"", "3 Mill Lane, Huntingdon, " + postcode,
                "name=\"landlord\"", "data-idempotency-key=");
        Long zoeId = complaints.findByReference(zoe).orElseThrow().getId();
        assertThat(jdbc.queryForList("select detail from audit_event where complaint_id = ? and action = 'CASE_VIEWED'",
                String.class, zoeId)).containsExactly("new complaint for the same customer");
        assertThat(get("/cases/" + zoe + "/new-complaint", "nogroup.cases").statusCode()).isEqualTo(403);
        assertThat(get("/cases/" + zoe + "/new-complaint", null).statusCode()).isEqualTo(401);

        // what the page sends: the same customer, a new complaint, through our API
        String again = log("PHONE", "Zoë " + surname, "zoe." + surname + "@example.org", "+44 " + phone.substring(1),
                "Flat 10_A, 3 Mill Lane, Huntingdon, " + postcode, "cs.cases", "The front door lock is broken.");
        assertThat(again).isNotEqualTo(zoe);
        runJobs();
        JsonNode view = JSON.readTree(get("/api/complaints/" + again + "/case", "cs.cases").body());
        assertThat(view.findValuesAsText("reference")).contains(zoe);
        assertThat(references(search("q=" + phone, "cs.cases"))).containsExactlyInAnyOrder(zoe, again);
        // the customer's details never reach the engine: its variables hold ids, enums and dates
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(again).list();
        assertThat(instance).isNotEmpty();
        for (var variable : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instance.stream().map(i -> i.getId()).toArray(String[]::new)).list()) {
            assertThat(String.valueOf(variable.getValue())).as(variable.getName())
                    .doesNotContain(surname).doesNotContain(phone.substring(1)).doesNotContain(postcode);
        }
    }

    @Test
    void badParametersAre400ProblemsNamingTheParameter() throws Exception {
        for (String[] bad : new String[][] {{"q=a", "q"}, {"size=101", "size"}, {"status=pending", "status"},
                {"stage=STAGE_9", "stage"}, {"colour=red", "colour"}, {"team=cleaners", "team"}}) {
            HttpResponse<String> response = get("/api/complaints?" + bad[0], "cs.cases");
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo(bad[1]);
        }
    }

    @Test
    void filtersCountPageAndSortByNextDeadline() throws Exception {
        acknowledge(pat);
        JsonNode all = search("q=" + surname, "hos.cases");
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(all.at("/counts/status/open").asInt()).isEqualTo(3);
        assertThat(all.at("/counts/channel/PHONE").asInt()).isEqualTo(1);
        assertThat(all.at("/counts/stage/INTAKE").asInt()).isEqualTo(2);
        assertThat(all.at("/counts/stage/PUT_IT_RIGHT").asInt()).isEqualTo(1);
        assertThat(all.at("/counts/team/customer-service").asInt()).as("two still to acknowledge").isEqualTo(2);
        assertThat(all.at("/counts/deadline/overdue").asInt()).isZero();
        // nearest deadline first: the two acknowledgements (2 working days) before pat's informal stage
        assertThat(references(all)).endsWith(pat);
        JsonNode row = all.at("/items/0");
        assertThat(row.at("/nextDeadline/deadline").asText()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(row.at("/nextDeadline/verdict").asText()).isEqualTo("ON_TIME");
        assertThat(row.get("receivedAt").asText()).isEqualTo("2026-12-01T10:00:00Z");

        assertThat(references(search("q=" + surname + "&stage=put_it_right", "hos.cases"))).containsExactly(pat);
        assertThat(references(search("q=" + surname + "&channel=email", "hos.cases"))).containsExactly(pat);
        assertThat(references(search("q=" + surname + "&team=customer-service", "hos.cases")))
                .containsExactlyInAnyOrder(zoe, hugh);
        assertThat(references(search("q=" + surname + "&landlord=chorus-homes", "hos.cases"))).hasSize(3);
        assertThat(search("q=" + surname + "&status=closed", "hos.cases").get("total").asInt()).isZero();
        assertThat(search("q=" + surname + "&receivedFrom=2026-12-02", "hos.cases").get("total").asInt()).isZero();
        assertThat(search("q=" + surname + "&receivedTo=2026-12-01", "hos.cases").get("total").asInt()).isEqualTo(3);
        assertThat(search("q=" + surname + "&dueWithin=2", "hos.cases").get("total").asInt()).isEqualTo(2);

        // Thursday 3 December 17:00 was the acknowledgement deadline; on Monday 7th it is 2 working days late
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-12-07T12:00:00Z")));
        JsonNode overdue = search("q=" + surname + "&overdue=true", "hos.cases");
        assertThat(references(overdue)).containsExactlyInAnyOrder(zoe, hugh);
        assertThat(overdue.at("/counts/deadline/overdue").asInt()).isEqualTo(2);
        assertThat(overdue.at("/items/0/nextDeadline/verdict").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.at("/items/0/nextDeadline/workingDaysOverdue").asInt()).isEqualTo(2);

        JsonNode first = search("q=" + surname + "&size=2&page=0", "hos.cases");
        JsonNode second = search("q=" + surname + "&size=2&page=1", "hos.cases");
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("total").asInt()).isEqualTo(3);
        List<String> pages = new ArrayList<>(references(first));
        pages.addAll(references(second));
        assertThat(pages).containsExactlyInAnyOrder(zoe, pat, hugh);
    }

    @Test
    void whoMayReadWhichCase() throws Exception {
        String[] casePaths = {"/api/complaints/" + zoe, "/api/complaints/" + zoe + "/timeline",
                "/api/complaints/" + zoe + "/letters", "/api/complaints/" + zoe + "/case",
                "/audit/complaints/" + zoe, "/cases/" + zoe};
        String[] listPaths = {"/api/complaints?q=" + surname, "/cases?q=" + surname};
        for (String path : concat(casePaths, listPaths)) {
            assertThat(get(path, null).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(get(path, "nogroup.cases").statusCode()).as("no group " + path).isEqualTo(403);
            for (String staff : List.of("cs.cases", "hos.cases", "aud.cases", "po.cases")) {
                assertThat(get(path, staff).statusCode()).as(staff + " " + path).isEqualTo(200);
            }
        }
        // the panel reads only the cases referred to it
        for (String path : casePaths) {
            assertThat(get(path, "icp.cases").statusCode()).as("icp " + path).isEqualTo(403);
        }
        assertThat(search("q=" + surname, "icp.cases").get("total").asInt()).isZero();
        Complaint referred = complaints.findByReference(zoe).orElseThrow();
        jdbc.update("update complaint set icp_referred_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.parse("2026-12-01T11:00:00Z")), referred.getId());
        assertThat(get("/cases/" + zoe, "icp.cases").statusCode()).isEqualTo(200);
        assertThat(references(search("q=" + surname, "icp.cases"))).containsExactly(zoe);
        // auditors read and change nothing
        assertThat(postContact(zoe, "aud.cases").statusCode()).isEqualTo(403);
        assertThat(postContact(zoe, "nogroup.cases").statusCode()).isEqualTo(403);
        assertThat(postContact(zoe, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aContactLandsOnTheTimelineAndEverySearchAndViewIsAudited() throws Exception {
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-12-01T11:30:00Z")));
        assertThat(postContact(zoe, "cs.cases").statusCode()).isEqualTo(201);
        HttpResponse<String> bad = post("/api/complaints/" + zoe + "/contacts",
                "{\"kind\": \"TELEPATHY\", \"with\": \"Zoë\", \"summary\": \"x\"}", "cs.cases");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/errors/0/field").asText()).isEqualTo("kind");

        JsonNode view = JSON.readTree(get("/api/complaints/" + zoe + "/case", "cs.cases").body());
        assertThat(view.at("/customer/name").asText()).isEqualTo("Zoë " + surname);
        assertThat(view.at("/tasks/0/name").asText()).isNotBlank();
        assertThat(view.at("/tasks/0/tasklistLink").asText()).startsWith("/camunda/app/tasklist/default/#/?task=");
        assertThat(view.at("/deadlines/0/label").asText()).isEqualTo("Acknowledgement");
        assertThat(view.at("/deadlines/0/status").asText()).isEqualTo("on time");
        JsonNode contact = view.get("timeline").get(0);
        assertThat(contact.get("title").asText()).isEqualTo("Phone call in with Zoë " + surname);
        assertThat(contact.get("text").asText()).isEqualTo("Asked when the damp will be treated");
        assertThat(contact.get("by").asText()).isEqualTo("cs.cases");
        assertThat(view.at("/otherComplaints/0/reference").asText()).isEqualTo(hugh);
        assertThat(view.at("/otherComplaints/0/matchedBy").asText()).isEqualTo("same name and postcode");
        assertThat(view.get("otherComplaints")).hasSize(1);

        search("q=" + URLEncoder.encode(postcode, StandardCharsets.UTF_8), "hos.cases");
        Long zoeId = complaints.findByReference(zoe).orElseThrow().getId();
        assertThat(jdbc.queryForList("select actor from audit_event where complaint_id = ? and action = 'CASE_VIEWED'",
                String.class, zoeId)).containsExactly("cs.cases");
        assertThat(jdbc.queryForList("select detail from audit_event where action = 'CASE_SEARCH' and actor = ?"
                + " order by id desc", String.class, "hos.cases").get(0)).isEqualTo("q=" + postcode + " found=2");
    }

    @Test
    void anErasedCustomerIsFoundNoMore() throws Exception {
        Long lastSearchBefore = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        search("q=" + URLEncoder.encode("Zoe " + surname, StandardCharsets.UTF_8), "hos.cases");
        search("q=" + URLEncoder.encode("+44 " + phone.substring(1), StandardCharsets.UTF_8), "hos.cases");
        search("q=" + URLEncoder.encode("mill lane " + surname, StandardCharsets.UTF_8) + "&status=open", "hos.cases");
        search("q=" + URLEncoder.encode("pat." + surname.toLowerCase() + "@example.org", StandardCharsets.UTF_8),
                "hos.cases");
        search("q=" + zoe, "hos.cases");
        Complaint complaint = complaints.findByReference(zoe).orElseThrow();
        complaint.close(ComplaintStatus.CLOSED, ClosureReason.values()[0], ClockUtil.getCurrentTime().toInstant());
        complaints.saveAndFlush(complaint);
        HttpResponse<String> erased = post("/api/complaints/" + zoe + "/erasure",
                "{\"reason\": \"The customer asked us to erase their data\"}", "po.cases");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        // what staff typed to find this customer is erased from the audit log; other searches stay as typed
        List<String> searches = jdbc.queryForList("select detail from audit_event where action = 'CASE_SEARCH'"
                + " and actor = 'hos.cases' and id > ? order by id", String.class, lastSearchBefore);
        assertThat(searches).containsExactly("q=[erased] found=2", "q=[erased] found=1", "q=[erased] status=OPEN found=2",
                "q=" + "pat." + surname.toLowerCase() + "@example.org found=1", "q=" + zoe + " found=1");
        assertThat(String.join(" ", jdbc.queryForList("select detail from audit_event where action = 'CASE_SEARCH'",
                String.class))).doesNotContainIgnoringCase("zoe " + surname).doesNotContain(phone.substring(1));
        for (String q : List.of("zoe " + surname, postcode, phone, "zoe." + surname + "@example.org", "mill lane " + surname)) {
            assertThat(references(search("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "cs.cases")))
                    .as(q).doesNotContain(zoe);
        }
        assertThat(references(search("q=" + zoe, "cs.cases"))).as("still found by its reference").containsExactly(zoe);
        JsonNode view = JSON.readTree(get("/api/complaints/" + zoe + "/case", "cs.cases").body());
        assertThat(view.get("erased").asBoolean()).isTrue();
        assertThat(view.at("/customer/name").asText()).isEqualTo("[erased]");
        assertThat(view.at("/customer/email").isNull()).isTrue();
        assertThat(view.get("otherComplaints")).isEmpty();
        assertThat(get("/cases/" + zoe, "cs.cases").body()).doesNotContain(surname).doesNotContain(postcode);
    }

    private void assertFound(String q, String... references) throws Exception {
        JsonNode result = search("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), "cs.cases");
        List<String> ours = references(result).stream().filter(r -> List.of(zoe, pat, hugh).contains(r)).toList();
        assertThat(ours).as("search %s", q).containsExactlyInAnyOrder(references);
    }

    private JsonNode search(String query, String user) throws Exception {
        HttpResponse<String> response = get("/api/complaints?" + query, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> references(JsonNode result) {
        List<String> references = new ArrayList<>();
        result.get("items").forEach(item -> references.add(item.get("reference").asText()));
        return references;
    }

    private String log(String channel, String name, String email, String phoneNumber, String address) throws Exception {
        return log(channel, name, email, phoneNumber, address, null, "Damp in the bedroom has not been treated.");
    }

    private String log(String channel, String name, String email, String phoneNumber, String address, String user,
                       String summary) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("channel", channel, "businessLine", "",
                "customer", new java.util.HashMap<>(java.util.Map.of("name", name, "address", address,
                        "preferredContact", email == null ? "POST" : "EMAIL")) {{
                            if (email != null) put("email", email);
                            if (phoneNumber != null) put("phone", phoneNumber);
                        }},
                "summary", summary, "desiredOutcome", "Treat the damp"));
        HttpResponse<String> created = post("/api/complaints", body, user);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("reference").asText();
    }

    private void acknowledge(String reference) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_AcknowledgeComplaint").singleResult();
        tasks.complete(task.getId());
        runJobs();
    }

    private HttpResponse<String> postContact(String reference, String user) throws Exception {
        return post("/api/complaints/" + reference + "/contacts", JSON.writeValueAsString(java.util.Map.of(
                "kind", "PHONE_IN", "with", "Zoë " + surname, "summary", "Asked when the damp will be treated")), user);
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, PASSWORD));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void runJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private static String letters(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
