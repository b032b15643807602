package uk.putitright.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;

/**
 * What an attacker or a curious member of staff meets: every staff endpoint wants a login and the right group,
 * the webapps' cookies and CSRF protection, HSTS behind the TLS proxy, errors that say nothing about the code,
 * and the engine settings that close its riskier doors (unbounded queries, expressions in queries, Java
 * serialization, deployments by anyone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own database and so its own Spring context: the engine REST API and the webapps find the engine by name,
// which is the engine of the context started last; Secure cookies on, as in production
@TestPropertySource(properties = {"putitright.test.database=putitright-security",
        "putitright.security.secure-cookies=true"})
class SecurityHardeningTest {

    private static final String ADMIN = "admin.security";
    private static final String CUSTOMER_SERVICE = "cs.security";
    private static final String PROCESS_OWNER = "po.security";
    private static final String PUBLIC = null;

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired AuthorizationService authorizations;
    @Autowired ProcessEngineConfiguration engineConfiguration;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void users() {
        uk.putitright.letters.TestMailServer.running();
        user(ADMIN, "camunda-admin");
        user(CUSTOMER_SERVICE, "customer-service");
        user(PROCESS_OWNER, "process-owners");
    }

    @Test
    void everyStaffEndpointWantsALoginAndTheRightGroup() throws Exception {
        // method, path -> status without login
        Map<String, Integer> anonymous = new LinkedHashMap<>();
        for (String call : List.of("GET /api/complaints/CHG-2026-000001", "GET /api/complaints/CHG-2026-000001/letters",
                "POST /api/complaints/CHG-2026-000001/escalation", "POST /api/complaints/CHG-2026-000001/withdrawal",
                "POST /api/complaints/CHG-2026-000001/erasure", "GET /api/print-queue", "GET /api/print-queue.pdf",
                "POST /api/print-queue/posted", "GET /api/improvement-actions", "GET /audit/reports",
                "GET /engine-rest/task", "GET /engine-rest/process-definition", "GET /engine-rest/user",
                "POST /engine-rest/deployment/create", "GET /engine-rest/history/process-instance",
                "GET /camunda/api/engine/engine/default/task", "GET /actuator/prometheus")) {
            anonymous.put(call, call(call, PUBLIC).statusCode());
        }
        assertThat(anonymous).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(401));

        // the public intake stays open (400: an empty complaint, not a login prompt)
        assertThat(call("POST /api/complaints", PUBLIC).statusCode()).isEqualTo(400);
        assertThat(call("POST /api/feedback", PUBLIC).statusCode()).isEqualTo(400);

        Map<String, Integer> customerService = new LinkedHashMap<>();
        for (String call : List.of("POST /api/complaints/CHG-2026-000001/erasure", "GET /audit/reports",
                "GET /actuator/prometheus")) {
            customerService.put(call, call(call, CUSTOMER_SERVICE).statusCode());
        }
        Map<String, String> engineChanges = Map.of(
                "/engine-rest/user/create", "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}",
                "/engine-rest/group/create", "{\"id\": \"intruders\"}",
                "/engine-rest/authorization/create", "{\"type\": 1, \"permissions\": [\"ALL\"], \"userId\": \""
                        + CUSTOMER_SERVICE + "\", \"resourceType\": 0, \"resourceId\": \"*\"}");
        for (var change : engineChanges.entrySet()) {
            customerService.put("POST " + change.getKey(), send(HttpRequest.newBuilder(uri(change.getKey()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(change.getValue())), CUSTOMER_SERVICE).statusCode());
        }
        assertThat(customerService).allSatisfy((call, status) -> assertThat(status).as(call).isEqualTo(403));
    }

    @Test
    void onlyProcessOwnersAndAdministratorsDeploy() throws Exception {
        String name = "security-probe-" + UUID.randomUUID();
        assertThat(deploy(name, CUSTOMER_SERVICE).statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();

        HttpResponse<String> byOwner = deploy(name, PROCESS_OWNER);
        assertThat(byOwner.statusCode()).as(byOwner.body()).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isOne();
    }

    @Test
    void aQueryGetsAtMost2000Rows() throws Exception {
        assertThat(call("GET /engine-rest/task?maxResults=2000", ADMIN).statusCode()).isEqualTo(200);
        HttpResponse<String> tooMany = call("GET /engine-rest/task?maxResults=5000", ADMIN);
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Max results limit of 2000 exceeded");
        assertThat(call("GET /engine-rest/history/process-instance?maxResults=5000", ADMIN).statusCode())
                .isEqualTo(400);
    }

    @Test
    void queryParametersAreNeverEvaluatedAsExpressions() throws Exception {
        HttpResponse<String> expression = call("GET /engine-rest/task?maxResults=10&dueBeforeExpression="
                + URLEncoder.encode("${now()}", StandardCharsets.UTF_8), ADMIN);
        assertThat(expression.statusCode()).isEqualTo(400);
        assertThat(expression.body()).contains("Expressions are forbidden");
    }

    @Test
    void javaSerializedVariablesAreRefusedAndJsonTypesAreValidated() throws Exception {
        String name = "security-probe-" + UUID.randomUUID();
        HttpResponse<String> deployed = deploy(name, PROCESS_OWNER);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        grant(PROCESS_OWNER, Resources.PROCESS_DEFINITION, "security-probe");
        grant(PROCESS_OWNER, Resources.PROCESS_INSTANCE, "*");
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("security-probe").count();
        String serialized = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
        HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/engine-rest/process-definition/key/security-probe/start"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables": {"payload": {"value": "%s", "type": "Object", "valueInfo": {
                          "objectTypeName": "java.util.ArrayList",
                          "serializationDataFormat": "application/x-java-serialized-object"}}}}
                        """.formatted(serialized))), PROCESS_OWNER);
        assertThat(start.statusCode()).as(start.body()).isBetween(400, 599);
        assertThat(start.body()).containsIgnoringCase("serializ");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("security-probe").count())
                .isEqualTo(before);

        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
    }

    @Test
    void webappCookiesAreSecureHttpOnlyAndSameSiteAndStateChangesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, String> setCookies = page.headers().allValues("Set-Cookie").stream()
                .collect(Collectors.toMap(c -> c.substring(0, c.indexOf('=')), c -> c, (a, b) -> b));
        assertThat(setCookies.get("JSESSIONID")).contains("HttpOnly", "Secure", "SameSite=Strict");
        assertThat(setCookies.get("XSRF-TOKEN")).contains("Secure", "SameSite=Strict");
        String cookies = "JSESSIONID=" + value(setCookies.get("JSESSIONID")) + "; XSRF-TOKEN="
                + value(setCookies.get("XSRF-TOKEN"));
        String token = value(setCookies.get("XSRF-TOKEN"));

        HttpRequest.Builder login = HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + CUSTOMER_SERVICE + "&password=" + CUSTOMER_SERVICE));
        HttpResponse<String> withoutToken = http.send(login.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        // with the token the filter lets the login through (no "Required" answer)
        HttpResponse<String> withToken = http.send(login.header("X-XSRF-TOKEN", token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.headers().firstValue("X-XSRF-TOKEN")).isNotEqualTo(java.util.Optional.of("Required"));
    }

    @Test
    void hstsOnlyWhenTheProxySaysTheRequestCameOverTls() throws Exception {
        for (String path : List.of("/actuator/health", "/camunda/app/welcome/default/", "/complaint")) {
            HttpResponse<String> overTls = http.send(HttpRequest.newBuilder(uri(path))
                    .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(overTls.headers().firstValue("Strict-Transport-Security")).as(path)
                    .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void errorsNameNoCodeNorStackTrace() throws Exception {
        Map<String, HttpResponse<String>> errors = new LinkedHashMap<>();
        errors.put("our API, malformed JSON", send(HttpRequest.newBuilder(uri("/api/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"summary\":")),
                PUBLIC));
        errors.put("our API, unknown complaint", call("GET /api/complaints/CHG-1999-999999", ADMIN));
        errors.put("our API, wrong method", call("DELETE /api/complaints", ADMIN));
        errors.put("engine REST, unknown task", call("GET /engine-rest/task/no-such-task", ADMIN));
        errors.put("engine REST, unknown definition", call("POST /engine-rest/process-definition/key/no-such/start", ADMIN));
        errors.put("engine REST, malformed JSON", send(HttpRequest.newBuilder(uri("/engine-rest/task/no-such-task/complete"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"variables\":")),
                ADMIN));
        errors.put("engine REST, bad parameter", call("GET /engine-rest/task?maxResults=many", ADMIN));
        errors.put("webapp, unknown file", call("GET /camunda/app/tasklist/no-such-file.js", PUBLIC));
        errors.put("webapp API, unknown engine", call("GET /camunda/api/engine/engine/no-such-engine/task", PUBLIC));
        errors.put("webapp API, no session", call("GET /camunda/api/engine/engine/default/task/no-such-task", PUBLIC));
        errors.put("unknown URL", call("GET /no-such-page", PUBLIC));
        errors.put("unknown URL, browser", send(HttpRequest.newBuilder(uri("/no-such-page"))
                .header("Accept", "text/html").GET(), PUBLIC));

        assertThat(errors).allSatisfy((what, response) -> {
            assertThat(response.statusCode()).as(what).isBetween(400, 599);
            assertThat(response.body()).as(what + ": " + response.body())
                    .doesNotContain("at org.", "at java.", "Exception", "org.camunda", "org.springframework",
                            "java.lang", "com.fasterxml", "Apache Tomcat");
        });
    }

    // ---- helpers

    private HttpResponse<String> deploy(String name, String user) throws Exception {
        String boundary = "----probe" + UUID.randomUUID();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="http://putitright.uk/probe">
                  <process id="security-probe" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start"/>
                    <sequenceFlow id="toWait" sourceRef="start" targetRef="wait"/>
                    <userTask id="wait" camunda:formRef="form-log-comment" camunda:formRefBinding="latest"
                        camunda:candidateGroups="customer-service"/>
                  </process>
                </definitions>
                """;
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\""
                + "\r\nContent-Type: application/xml\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
        return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)), user);
    }

    /** "METHOD /path" with an empty JSON body for POSTs. */
    private HttpResponse<String> call(String call, String user) throws Exception {
        String[] parts = call.split(" ", 2);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(parts[1]));
        if (parts[0].equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(parts[0], HttpRequest.BodyPublishers.ofString("{}"));
        }
        return send(request, user);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String user) throws Exception {
        if (user != null) {
            request.header("Authorization", TestStaff.basicAuth(user, user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private void grant(String user, Resources resource, String resourceId) {
        if (authorizations.createAuthorizationQuery().userIdIn(user).resourceType(resource)
                .resourceId(resourceId).count() == 0) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setUserId(user);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(authorization);
        }
    }

    private void user(String id, String group) {
        TestStaff.ensure(identity, id, id, group);
    }
}
