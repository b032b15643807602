package uk.putitright.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import uk.putitright.bench.load.StaffRoster;
import uk.putitright.bench.load.TaskCompletions;

/**
 * Forty members of staff doing what Camunda Tasklist does, and the public, against the product and against
 * the bare engine at the same time, with the same calls (docs/performance.md "Load run"). Every request is
 * named {@code <kind> | <side>}, so each product call has its bare twin in the report.
 *
 * <p>A member of staff: lists the shared filters with their counts (Tasklist's first call), then every
 * {@code load.poll} seconds refreshes the counts and does one thing, in turn: lists one shared filter
 * (rotating through all of them; first page, HAL with the Reference variable, as Tasklist asks), opens a task
 * (the task, its form, its form variables and the deployed Camunda Form), claims it if unassigned and
 * completes it with the values its form sends, opens a case page (product: the complaint and its timeline;
 * bare: the case's history instance and activities). Auditors only list and read cases. The public: one new
 * complaint a second (product: POST /api/complaints; bare: start the process through engine-rest), each
 * followed by a status look-up of that complaint (product: the status page and its form; bare: the process
 * instance by business key).
 *
 * <p>Case search ({@code GET /api/complaints?q=}) runs only where the product answers it (checked before the
 * run; bare twin: history by business key pattern). System properties: load.productUrl, load.bareUrl,
 * load.duration (s), load.staff (up to 40), load.poll (s), load.submissionsPerSecond, load.maxErrorPercent
 * (assertion; default 100 = none).
 */
public class StaffAndPublicSimulation extends Simulation {

    static final String PRODUCT_URL = System.getProperty("load.productUrl", "http://127.0.0.1:18170");
    static final String BARE_URL = System.getProperty("load.bareUrl", "http://127.0.0.1:18171");
    static final int DURATION = Integer.getInteger("load.duration", 300);
    static final int STAFF = Integer.getInteger("load.staff", 40);
    static final int POLL = Integer.getInteger("load.poll", 10);
    static final double SUBMISSIONS_PER_SECOND = Double.parseDouble(System.getProperty("load.submissionsPerSecond", "1"));
    static final double MAX_ERROR_PERCENT = Double.parseDouble(System.getProperty("load.maxErrorPercent", "100"));

    /** Tasklist's page: the first 15 tasks of a filter, by due date, HAL with the filter's variables. */
    static final String LIST_BODY = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}],\"active\":true}";

    enum Side {
        PRODUCT("product", PRODUCT_URL), BARE("bare", BARE_URL);

        final String label;
        final String url;

        Side(String label, String url) {
            this.label = label;
            this.url = url;
        }
    }

    static final boolean CASE_SEARCH = answers(PRODUCT_URL + "/api/complaints?q=boiler", "load.auditors.01");

    {
        System.out.printf("load: product %s, bare %s, %d staff, %d s, counts every %d s, %.1f submissions/s,"
                + " case search %s%n", PRODUCT_URL, BARE_URL, STAFF, DURATION, POLL, SUBMISSIONS_PER_SECOND,
                CASE_SEARCH ? "on (GET /api/complaints?q= answers)" : "off (GET /api/complaints?q= does not answer)");
        List<PopulationBuilder> populations = new ArrayList<>();
        for (Side side : Side.values()) {
            HttpProtocolBuilder protocol = http.baseUrl(side.url).acceptHeader("application/json")
                    .contentTypeHeader("application/json").shareConnections().disableCaching()
                    .warmUp(side.url + "/actuator/health");
            populations.add(staff(side).injectOpen(rampUsers(STAFF).during(Math.min(20, DURATION / 4 + 1)))
                    .protocols(protocol));
            populations.add(publicUsers(side).injectOpen(constantUsersPerSec(SUBMISSIONS_PER_SECOND)
                    .during(DURATION)).protocols(protocol));
        }
        setUp(populations).maxDuration(Duration.ofSeconds(DURATION + 30))
                .assertions(global().failedRequests().percent().lte(MAX_ERROR_PERCENT));
    }

    // ------------------------------------------------------------------------------------------ staff

    private static ScenarioBuilder staff(Side side) {
        Iterator<Map<String, Object>> roster = staffFeeder();
        return scenario("staff | " + side.label)
                .feed(roster)
                .exec(session -> session.set("basic", basic(session.getString("user")))
                        .set("round", 0).set("filterIndex", 0))
                .exec(countFilters(side))
                .during(Duration.ofSeconds(DURATION)).on(
                        exec(session -> session.set("round", session.getInt("round") + 1))
                        .pause(Duration.ofSeconds(POLL / 2), Duration.ofSeconds(POLL))
                        .exec(countFilters(side))
                        .doSwitch(session -> session.getInt("round") % 4).on(
                                io.gatling.javaapi.core.CoreDsl.onCase(0).then(listNextFilter(side)),
                                io.gatling.javaapi.core.CoreDsl.onCase(1).then(findWork(side).exec(openTask(side))),
                                io.gatling.javaapi.core.CoreDsl.onCase(2).then(findWork(side).exec(openTask(side))
                                        .exec(completeTask(side))),
                                io.gatling.javaapi.core.CoreDsl.onCase(3).then(casePage(side))))
                .exitHereIfFailed();
    }

    private static Iterator<Map<String, Object>> staffFeeder() {
        List<StaffRoster.Member> members = StaffRoster.members().subList(0, Math.min(STAFF, 40));
        // spread a short roster over the roles rather than taking the first groups only
        List<StaffRoster.Member> order = new ArrayList<>(StaffRoster.members());
        order.sort(java.util.Comparator.comparing(m -> Integer.parseInt(m.userId().substring(m.userId().length() - 2))));
        List<StaffRoster.Member> chosen = STAFF >= 40 ? members : order.subList(0, STAFF);
        AtomicLong next = new AtomicLong();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                StaffRoster.Member m = chosen.get((int) (next.getAndIncrement() % chosen.size()));
                int inGroup = Integer.parseInt(m.userId().substring(m.userId().length() - 2)) - 1;
                return Map.of("user", m.userId(), "group", m.groupId(), "inGroup", inGroup);
            }
        };
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    /** Tasklist's filter list with the count of each (its first call, and every poll). */
    private static ChainBuilder countFilters(Side side) {
        return exec(http("filter counts | " + side.label)
                .get("/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=50")
                .header("Authorization", "#{basic}")
                .check(status().is(200), jsonPath("$[*].id").findAll().optional().saveAs("filterIds"),
                        jsonPath("$[?(@.name == 'My tasks')].id").optional().saveAs("myTasks"),
                        jsonPath("$[?(@.name == \"My group's tasks\")].id").optional().saveAs("groupTasks")));
    }

    private static ChainBuilder listNextFilter(Side side) {
        return exec(session -> {
            List<String> ids = session.contains("filterIds") ? session.getList("filterIds") : List.of();
            int i = session.getInt("filterIndex");
            return ids.isEmpty() ? session : session.set("filterId", ids.get(i % ids.size())).set("filterIndex", i + 1);
        }).doIf(session -> session.contains("filterId")).then(
                exec(listFilter(side, "#{filterId}", "filter list")));
    }

    private static io.gatling.javaapi.http.HttpRequestActionBuilder listFilter(Side side, String filterId, String kind) {
        return http(kind + " | " + side.label)
                .post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15")
                .header("Authorization", "#{basic}").header("Accept", "application/hal+json")
                .body(StringBody(LIST_BODY))
                .check(status().is(200),
                        jsonPath("$._embedded.task[*]").ofMap().findAll().optional().saveAs("tasks"));
    }

    /**
     * The next task to work on: the first task of "My tasks" this member can complete, else the n-th of
     * "My group's tasks" (n = their number in the group, so colleagues do not all reach for the same task).
     */
    private static ChainBuilder findWork(Side side) {
        return exec(session -> session.remove("taskId").remove("tasks"))
                .doIf(session -> session.contains("myTasks")).then(exec(listFilter(side, "#{myTasks}", "filter list")))
                .exec(session -> pick(session, 0))
                .doIf(session -> !session.contains("taskId") && session.contains("groupTasks")).then(
                        exec(listFilter(side, "#{groupTasks}", "filter list"))
                        .exec(session -> pick(session, session.getInt("inGroup"))));
    }

    private static Session pick(Session session, int preferred) {
        if (!session.contains("tasks") || session.getString("group").equals("auditors")) {
            return session;
        }
        List<Map<String, Object>> tasks = session.getList("tasks");
        List<Map<String, Object>> workable = tasks.stream()
                .filter(t -> TaskCompletions.BY_TASK.containsKey(String.valueOf(t.get("taskDefinitionKey"))))
                .toList();
        Session updated = session.remove("tasks");
        if (!tasks.isEmpty()) {
            updated = updated.set("reference", referenceOf(tasks.get(0)));
        }
        if (workable.isEmpty()) {
            return updated;
        }
        Map<String, Object> task = workable.get(preferred % workable.size());
        return updated.set("taskId", task.get("id")).set("taskKey", task.get("taskDefinitionKey"))
                .set("assigned", task.get("assignee") != null).set("reference", referenceOf(task));
    }

    @SuppressWarnings("unchecked")
    private static String referenceOf(Map<String, Object> task) {
        Object embedded = task.get("_embedded");
        if (embedded instanceof Map<?, ?> map && map.get("variable") instanceof List<?> variables) {
            for (Object v : variables) {
                Map<String, Object> variable = (Map<String, Object>) v;
                if ("reference".equals(variable.get("name")) && variable.get("value") != null) {
                    return variable.get("value").toString();
                }
            }
        }
        return null;
    }

    /** What Tasklist requests when a task is opened: the task, its form, its form variables, the Camunda Form. */
    private static ChainBuilder openTask(Side side) {
        return doIfTask(exec(http("task | " + side.label).get("/engine-rest/task/#{taskId}")
                        .header("Authorization", "#{basic}").check(status().is(200)))
                .exec(http("task form | " + side.label).get("/engine-rest/task/#{taskId}/form")
                        .header("Authorization", "#{basic}").check(status().is(200)))
                .exec(http("task form variables | " + side.label).get("/engine-rest/task/#{taskId}/form-variables")
                        .header("Authorization", "#{basic}").check(status().is(200)))
                .exec(http("deployed form | " + side.label).get("/engine-rest/task/#{taskId}/deployed-form")
                        .header("Authorization", "#{basic}").check(status().is(200))));
    }

    private static ChainBuilder completeTask(Side side) {
        return doIfTask(exec(session -> session.set("completion", completionBody(session.getString("taskKey"))))
                .doIf(session -> !session.getBoolean("assigned")).then(
                        exec(http("claim | " + side.label).post("/engine-rest/task/#{taskId}/claim")
                                .header("Authorization", "#{basic}")
                                .body(StringBody("{\"userId\":\"#{user}\"}")).check(status().is(204))))
                .exec(http("complete | " + side.label).post("/engine-rest/task/#{taskId}/submit-form")
                        .header("Authorization", "#{basic}").body(StringBody("#{completion}"))
                        .check(status().in(200, 204))));
    }

    private static ChainBuilder doIfTask(ChainBuilder chain) {
        return exec(session -> session).doIf(session -> session.contains("taskId")).then(chain);
    }

    /** The form's values in engine-rest's typed form: {"variables": {"name": {"value": ..., "type": ...}}}. */
    static String completionBody(String taskKey) {
        Map<String, Object> values = TaskCompletions.BY_TASK.getOrDefault(taskKey, Map.of());
        return values.entrySet().stream().map(e -> {
            Object v = e.getValue();
            String typed = v instanceof Boolean b ? "{\"value\":" + b + ",\"type\":\"Boolean\"}"
                    : "{\"value\":\"" + v.toString().replace("\"", "\\\"") + "\",\"type\":\"String\"}";
            return "\"" + e.getKey() + "\":" + typed;
        }).collect(Collectors.joining(",", "{\"variables\":{", "}}"));
    }

    /** A case page: the product's complaint and timeline; the bare engine's history of the same case. */
    private static ChainBuilder casePage(Side side) {
        ChainBuilder find = exec(session -> session.remove("reference"))
                .doIf(session -> !session.contains("reference") && session.contains("groupTasks"))
                .then(exec(session -> session.set("anyFilter", session.getString("groupTasks"))))
                .doIf(session -> session.contains("filterIds")).then(exec(session -> {
                    List<String> ids = session.getList("filterIds");
                    return session.set("anyFilter", ids.get(session.getInt("round") % ids.size()));
                }).exec(listFilter(side, "#{anyFilter}", "filter list")).exec(session -> pick(session, 0)));
        ChainBuilder page = side == Side.PRODUCT
                ? exec(http("case | product").get("/api/complaints/#{reference}")
                        .header("Authorization", "#{basic}").check(status().is(200)))
                  .exec(http("case timeline | product").get("/api/complaints/#{reference}/timeline")
                        .header("Authorization", "#{basic}").check(status().is(200)))
                : exec(http("case | bare")
                        .get("/engine-rest/history/process-instance?processInstanceBusinessKey=#{reference}&maxResults=1")
                        .header("Authorization", "#{basic}")
                        .check(status().is(200), jsonPath("$[0].id").optional().saveAs("caseInstance")))
                  .doIf(session -> session.contains("caseInstance")).then(
                        exec(http("case timeline | bare").get("/engine-rest/history/activity-instance"
                                + "?processInstanceId=#{caseInstance}&sortBy=startTime&sortOrder=asc&maxResults=500")
                                .header("Authorization", "#{basic}").check(status().is(200))));
        ChainBuilder search = side == Side.PRODUCT
                ? exec(http("case search | product").get("/api/complaints?q=boiler")
                        .header("Authorization", "#{basic}").check(status().is(200)))
                : exec(http("case search | bare")
                        .get("/engine-rest/history/process-instance?processInstanceBusinessKeyLike=%25BARE-1%25&maxResults=20")
                        .header("Authorization", "#{basic}").check(status().is(200)));
        ChainBuilder chain = find.doIf(session -> session.contains("reference") && session.get("reference") != null)
                .then(page);
        // CASE SEARCH (the case workspace issue): on only where the product answers GET /api/complaints?q=
        return CASE_SEARCH ? chain.exec(search) : chain;
    }

    // ------------------------------------------------------------------------------------------ the public

    private static final AtomicLong SUBMISSIONS = new AtomicLong();

    private static ScenarioBuilder publicUsers(Side side) {
        ChainBuilder submit;
        ChainBuilder lookUp;
        if (side == Side.PRODUCT) {
            submit = exec(session -> session.set("n", SUBMISSIONS.incrementAndGet() + System.nanoTime() % 1000000))
                    .exec(http("public submission | product").post("/api/complaints").body(StringBody("""
                            {"channel": "ONLINE_FORM", "businessLine": "",
                             "customer": {"name": "Pat Tenant #{n}", "email": "pat#{n}@example.org",
                                          "preferredContact": "EMAIL"},
                             "summary": "Damp in the bedroom of flat #{n} has not been treated.",
                             "desiredOutcome": "Treat the damp"}"""))
                            .check(status().is(201), jsonPath("$.reference").saveAs("reference")));
            lookUp = exec(http("status page | product").get("/complaint/status").header("Accept", "text/html")
                            .check(status().is(200), css("input[name=_csrf]", "value").saveAs("csrf")))
                    .exec(http("status look-up | product").post("/complaint/status").header("Accept", "text/html")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .formParam("_csrf", "#{csrf}").formParam("reference", "#{reference}")
                            .formParam("contact", "pat#{n}@example.org")
                            .check(status().is(200), css("h1").exists()));
        } else {
            submit = exec(session -> session.set("n", SUBMISSIONS.incrementAndGet() + System.nanoTime() % 1000000)
                            .set("basic", basic("load.customer-service.01")))
                    .exec(http("public submission | bare")
                            .post("/engine-rest/process-definition/key/bare-complaint/start")
                            .header("Authorization", "#{basic}").body(StringBody(bareStart()))
                            .check(status().is(200)));
            lookUp = exec(http("status page | bare").get("/engine-rest/process-definition/key/bare-complaint")
                            .header("Authorization", "#{basic}").check(status().is(200)))
                    .exec(http("status look-up | bare")
                            .get("/engine-rest/process-instance?businessKey=BARE-PUB-#{n}&maxResults=1")
                            .header("Authorization", "#{basic}").check(status().is(200)));
        }
        return scenario("public | " + side.label).exec(submit).pause(Duration.ofSeconds(2)).exec(lookUp);
    }

    private static String bareStart() {
        String inDays = "#{n}"; // placeholder kept out of dates: the twin's deadlines are fixed offsets
        return """
                {"businessKey": "BARE-PUB-%s", "variables": {
                  "landlord": {"value": "chorus-homes", "type": "String"},
                  "reference": {"value": "BARE-PUB-%s", "type": "String"},
                  "caseHandler": {"value": "load.service-managers.01", "type": "String"},
                  "stage1Group": {"value": "service-managers", "type": "String"},
                  "stage2ReviewerGroup": {"value": "heads-of-service", "type": "String"},
                  "stage2SignOffGroup": {"value": "", "type": "String"},
                  "acknowledgeBy": {"value": "2099-01-02T17:00:00.000+0000", "type": "Date"},
                  "informalResolutionBy": {"value": "2099-01-06T17:00:00.000+0000", "type": "Date"},
                  "stage1ResponseBy": {"value": "2099-01-13T17:00:00.000+0000", "type": "Date"},
                  "stage2AcknowledgeBy": {"value": "2099-01-20T17:00:00.000+0000", "type": "Date"},
                  "stage2ResponseBy": {"value": "2099-02-10T17:00:00.000+0000", "type": "Date"}}}"""
                .formatted(inDays, inDays);
    }

    /** Whether a GET answers 200 for a member of staff (case search exists on this build). */
    private static boolean answers(String url, String user) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", basic(user)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
