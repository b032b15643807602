package uk.putitright.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.letters.TestMailServer;
import uk.putitright.process.CustomerMessage;
import uk.putitright.tasklist.Role;

/**
 * Who gets which answer, for every role against every path class of our API, the audit pages, Actuator and
 * the engine REST API, and every write the engine offers (modification, variables, suspension, deletion,
 * deployment, history deletion, comments, the history cleanup, assignment, renaming oneself). One row per
 * call: the exact status for each column of {@link #COLUMNS}. A change that widens (or narrows) anyone's
 * access fails here; a new endpoint or role is one more row or column.
 *
 * <p>Writes are aimed so that they change nothing when allowed, where they can (an unknown complaint: 404, a
 * letter not in the queue: 400); the engine's writes get a fresh complaint per row, and the administrator,
 * who may do them, comes last.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own engine: the engine REST API serves the engine of the context started last (see AuditRulesTest)
@TestPropertySource(properties = "putitright.test.database=putitright-authz-matrix")
class AuthorizationMatrixTest {

    /** The callers: anonymous, a user in no group, the monitoring user, one user per role, an administrator. */
    static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(List.of("anonymous", "no-group", "monitoring"));
        Arrays.stream(Role.values()).map(Role::groupId).forEach(columns::add);
        columns.add(StaffGroups.ADMINISTRATORS);
        return List.copyOf(columns);
    }

    /*  columns:                                          anon none mon  cs   sm   adv  hos  sao  dir  icp  ol   aud  po   co   admin */
    static Stream<Arguments> calls() {
        return Stream.of(
            // our API: reading a complaint is for staff
            // the panel reads only the complaints referred to it ({ref} is not: cases.CaseAccess)
            row("GET /api/complaints/{ref}", null,               "401 403 403 200 200 200 200 200 200 403 200 200 200 200 200"),
            row("GET /api/complaints/{ref}/letters", null,       "401 403 403 200 200 200 200 200 200 403 200 200 200 200 200"),
            row("GET /api/complaints/{ref}/timeline", null,      "401 403 403 200 200 200 200 200 200 403 200 200 200 200 200"),
            row("GET /api/complaints/{ref}/timeline.csv", null,  "401 403 403 200 200 200 200 200 200 403 200 200 200 200 200"),
            row("GET /audit/complaints/{ref}", null,             "401 403 403 200 200 200 200 200 200 403 200 200 200 200 200"),
            // ... a Tasklist card's case details (customer name): staff who may read the case
            row("GET /api/cases/by-task/{task}/card", null,     "401 403 403 200 200 200 200 200 200 403 200 200 200 200 200"),
            row("GET /api/improvement-actions", null,            "401 403 403 200 200 200 200 200 200 200 200 200 200 200 200"),
            // ... the reports: governance and the managers who own their services' learning
            row("GET /api/reports/compliance?from=2026-04-01&to=2027-03-31", null,
                                                                 "401 403 403 403 200 200 200 200 200 403 403 200 200 403 200"),
            // ... the Complaint Handling Code self-assessment: read by auditors, process owners, directors, complaints
            // officers and administrators; written by complaints officers; approval recorded by directors and
            // complaints officers (allowed: 400, an empty approval)
            row("GET /api/reports/self-assessment?landlord=hoc-2024", null,
                                                                 "401 403 403 403 403 403 403 403 200 403 403 200 200 200 200"),
            row("GET /audit/self-assessment?landlord=hoc-2024", null,
                                                                 "401 403 403 403 403 403 403 403 200 403 403 200 200 200 200"),
            row("PUT /api/reports/self-assessment/provisions/4.1?landlord=hoc-2024", "{\"commentary\": \"matrix\"}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 204 403"),
            row("POST /api/reports/self-assessment/approval?landlord=hoc-2024", "{}",
                                                                 "401 403 403 403 403 403 403 403 400 403 403 403 403 400 403"),
            // ... process owners' pages: versions, drift, migration batches and the page read by auditors too;
            // only process owners (and administrators) migrate (allowed: 400, there is no version 999; 404, no batch)
            row("GET /api/process-owners/drift", null,           "401 403 403 403 403 403 403 403 403 403 403 200 200 403 200"),
            row("GET /api/process-owners/processes/stage-1/versions", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 200 200 403 200"),
            row("GET /api/process-owners/processes/stage-1/migrations", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 200 200 403 200"),
            row("GET /api/process-owners/migrations/no-such-batch", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 404 404 403 404"),
            row("GET /process-owners/migrations?key=stage-1", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 200 200 403 200"),
            row("POST /api/process-owners/processes/stage-1/migrations", "{\"fromVersion\": 999, \"toVersion\": 999, \"dryRun\": true}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 400 403 400"),
            // process owners preview a policy change (nothing is deployed; a request without the file is 400) and, with
            // auditors, read what changed between two versions
            row("POST /api/process-owners/policy-preview", "{}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 400 403 400"),
            row("GET /audit/process-owners/policy-preview", null,"401 403 403 403 403 403 403 403 403 403 403 403 200 403 200"),
            row("POST /audit/process-owners/policy-preview", "{}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 400 403 400"),
            row("GET /api/process-owners/changes?key=complaint-policy&from=1&to=1", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 200 200 403 200"),
            row("GET /audit/process-owners/changes?key=complaint-policy&from=1&to=1", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 200 200 403 200"),
            row("GET /audit/reports", null,                      "401 403 403 403 200 200 200 200 200 403 403 200 200 403 200"),
            // ... the print queue is the Customer Service Centre's (allowed: 400, no such letter queued)
            row("GET /api/print-queue", null,                    "401 403 403 200 403 403 403 403 403 403 403 403 403 403 200"),
            row("POST /api/print-queue/posted", "{\"letterIds\": [-1]}",
                                                                 "401 403 403 400 403 403 403 403 403 403 403 403 403 403 400"),
            // ... customers' requests are recorded by customer service (allowed: 404, no such complaint)
            row("POST /api/complaints/{unknown}/withdrawal", null,"401 403 403 404 403 403 403 403 403 403 403 403 403 403 404"),
            row("POST /api/complaints/{unknown}/escalation", null,"401 403 403 404 403 403 403 403 403 403 403 403 403 403 404"),
            // ... refusing a Stage 2 request is the complaints officer's decision (allowed: 404, no such complaint)
            row("POST /api/complaints/{unknown}/escalation-refusal", "{\"reason\": \"matrix\"}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 404 404"),
            // ... also from the case page, which starts the same "Record a customer's request" process (cases.CaseRequests)
            row("POST /api/complaints/{unknown}/customer-requests", "{\"request\": \"WITHDRAW\"}",
                                                                 "401 403 403 404 403 403 403 403 403 403 403 403 403 403 404"),
            row("POST /api/complaints/{unknown}/ombudsman-enquiry", "{}",
                                                                 "401 403 403 404 403 403 403 403 403 403 404 403 403 403 404"),
            row("POST /api/complaints/{unknown}/survey-response", "{\"rating\": 5}",
                                                                 "401 403 403 404 403 403 403 403 403 403 403 403 403 403 404"),
            row("POST /api/complaints/{unknown}/erasure", "{\"reason\": \"matrix\"}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 404 403 404"),
            // ... logging a complaint is public (400: an empty complaint); anything not named is refused
            row("POST /api/complaints", "{}",                    "400 400 400 400 400 400 400 400 400 400 400 400 400 400 400"),
            row("DELETE /api/complaints/{ref}", null,            "401 403 403 403 403 403 403 403 403 403 403 403 403 403 403"),
            // Actuator
            row("GET /actuator/prometheus", null,                "401 403 200 403 403 403 403 403 403 403 403 403 403 403 200"),
            // the engine REST API: staff only, then the engine's authorizations
            row("GET /engine-rest/task?maxResults=100", null, "401 403 403 200 200 200 200 200 200 200 200 200 200 200 200"),
            row("GET /engine-rest/process-instance/{pi}", null,  "401 403 403 200 200 200 200 200 200 200 200 200 200 404 200"),
            row("POST /engine-rest/process-instance/{pir}/modification", MODIFICATION,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"),
            row("PUT /engine-rest/process-instance/{pi}/variables/stage2SignOffRequired",
                    "{\"value\": true, \"type\": \"Boolean\"}", "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"),
            row("PUT /engine-rest/process-instance/{pi}/suspended", "{\"suspended\": true}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"),
            row("DELETE /engine-rest/process-instance/{pi}", null, "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"),
            row("DEPLOY matrix-probe", null,                     "401 403 403 403 403 403 403 403 403 403 403 403 200 403 200"),
            row("DELETE /engine-rest/history/process-instance/{done}", null,
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"),
            // ... (Camunda's comment resource answers every refusal 400; task roles cannot read the task's history)
            row("POST /engine-rest/task/{task}/comment/create", "{\"message\": \"matrix\"}",
                                                                 "401 403 403 400 400 400 400 400 400 400 400 400 400 400 200"),
            row("POST /engine-rest/job/{cleanup}/execute", null, "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"),
            // assignment: only to a member of the task's candidate group (service-managers), by who may assign it
            row("POST /engine-rest/task/{task}/assignee", "{\"userId\": \"no-group.matrix\"}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 403 403"),
            row("POST /engine-rest/task/{task}/assignee", "{\"userId\": \"colleague.matrix\"}",
                                                                 "401 403 403 403 204 403 403 403 403 403 403 403 403 403 204"),
            // the name printed in letters: only an administrator sets it, even one's own
            row("PUT /engine-rest/user/{self}/profile", "{\"id\": \"{self}\", \"firstName\": \"The\", \"lastName\": \"Director\"}",
                                                                 "401 403 403 403 403 403 403 403 403 403 403 403 403 403 204"));
    }

    static final String MODIFICATION = """
            {"instructions": [{"type": "cancel", "activityId": "Task_PutItRight"},
                              {"type": "startAfterActivity", "activityId": "Task_PutItRight",
                               "variables": {"putItRightOutcome": {"value": "RESOLVED", "type": "String"}}}]}""";

    private static Arguments row(String call, String body, String statuses) {
        return Arguments.of(call, body, statuses);
    }

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired ComplaintIntake intake;

    private StaffHttp http;
    private ComplaintFixtures fixtures;

    @BeforeEach
    void staff() {
        TestMailServer.running();
        http = new StaffHttp(port);
        fixtures = new ComplaintFixtures(intake, runtime, tasks, management, identity);
        for (String column : COLUMNS) {
            switch (column) {
                case "anonymous" -> { }
                case "no-group" -> fixtures.user(userOf(column), null);
                default -> fixtures.user(userOf(column), column);
            }
        }
        fixtures.user("colleague.matrix", Role.SERVICE_MANAGERS.groupId());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calls")
    void everyCallerGetsExactlyTheStatusOfItsColumn(String call, String body, String statuses) throws Exception {
        Map<String, String> placeholders = placeholders(call + " " + body);
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        String[] wanted = statuses.trim().split("\\s+");
        assertThat(wanted).as("one status per column " + COLUMNS).hasSize(COLUMNS.size());
        for (int i = 0; i < COLUMNS.size(); i++) {
            String column = COLUMNS.get(i);
            String user = userOf(column);
            Map<String, String> values = new LinkedHashMap<>(placeholders);
            values.put("{self}", user == null ? userOf(Role.CUSTOMER_SERVICE.groupId()) : user);
            expected.put(column, Integer.valueOf(wanted[i]));
            actual.put(column, send(fill(call, values), body == null ? null : fill(body, values), user));
        }
        assertThat(render(actual)).as(call).isEqualTo(render(expected));
    }

    private int send(String call, String body, String user) throws Exception {
        String[] parts = call.split(" ", 2);
        if (parts[0].equals("DEPLOY")) {
            return http.deploy(parts[1], user).statusCode();
        }
        return http.status(parts[0], parts[1], body, user);
    }

    /** A fresh complaint (and what else the row names) for each row, so one row's change does not reach the next. */
    private Map<String, String> placeholders(String call) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("{unknown}", "CHG-1999-999999");
        if (call.contains("{ref}") || call.contains("{pi}") || call.contains("{pir}") || call.contains("{task}")) {
            String reference = fixtures.complaintAtPutItRight(null);
            values.put("{ref}", reference);
            values.put("{pi}", fixtures.instance(reference, "complaint").getId());
            values.put("{pir}", fixtures.instance(reference, "put-it-right").getId());
            values.put("{task}", tasks.createTaskQuery().processInstanceBusinessKey(reference)
                    .taskDefinitionKey("Task_PutItRight").singleResult().getId());
        }
        if (call.contains("{done}")) {
            String reference = fixtures.complaintAtPutItRight(null);
            intake.send(reference, CustomerMessage.WITHDRAW);
            fixtures.runJobs(reference);
            values.put("{done}", history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                    .processDefinitionKey("complaint").finished().singleResult().getId());
        }
        if (call.contains("{cleanup}")) {
            values.put("{cleanup}", history.cleanUpHistoryAsync(true).getId());
        }
        return values;
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (var value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    /** The user of a column (password = id), null for anonymous. */
    private static String userOf(String column) {
        return column.equals("anonymous") ? null : column + ".matrix";
    }

    private static String render(Map<String, Integer> statuses) {
        return statuses.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
