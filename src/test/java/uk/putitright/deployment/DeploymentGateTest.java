package uk.putitright.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.putitright.TestStaff;

/**
 * Camunda Modeler's Deploy as a process owner, over HTTP: what may be deployed and what is refused (400
 * problem+json naming the element) before it reaches the engine, with proof that a refused model ran nothing;
 * who may deploy at all (403); and the same gate inside the engine for any other route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// its own database and Spring context: engine REST finds the engine of the context started last
@TestPropertySource(properties = "putitright.test.database=putitright-deployment")
class DeploymentGateTest {

    private static final String OWNER = "po.gate";
    private static final String ADMIN = "admin.gate";
    private static final String CUSTOMER_SERVICE = "cs.gate";
    private static final String AUDITOR = "aud.gate";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired DeploymentGate gate;
    @Autowired AuthorizationService authorizations;
    @Autowired org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engineConfiguration;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void users() {
        TestStaff.ensure(identity, OWNER, OWNER, "process-owners");
        TestStaff.ensure(identity, ADMIN, ADMIN, "camunda-admin");
        TestStaff.ensure(identity, CUSTOMER_SERVICE, CUSTOMER_SERVICE, "customer-service");
        TestStaff.ensure(identity, AUDITOR, AUDITOR, "auditors");
        // what the administrator user set-up (camunda.bpm.admin-user) grants the group in production
        if (authorizations.createAuthorizationQuery().groupIdIn("camunda-admin").resourceType(Resources.DEPLOYMENT)
                .count() == 0) {
            Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            all.setGroupId("camunda-admin");
            all.setResource(Resources.DEPLOYMENT);
            all.setResourceId("*");
            all.addPermission(Permissions.ALL);
            authorizations.saveAuthorization(all);
        }
    }

    @Test
    void theApplicationsOwnModelsAndFormsPassTheGate() throws Exception {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn",
                "classpath*:forms/*.form")) {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                resources.put(resource.getFilename(), resource.getContentAsByteArray());
            }
        }
        assertThat(resources).hasSizeGreaterThan(25);
        List<ModelProblem> problems = engineConfiguration.getCommandExecutorTxRequired()
                .execute(command -> gate.check(resources, command));
        assertThat(problems).isEmpty();
    }

    @Test
    void aProcessOwnerDeploysAStepFromModelerWithDeployChangedOnly() throws Exception {
        String name = "gate-" + UUID.randomUUID();
        String model = process("gate-letter", """
                <bpmn:serviceTask id="Task_SendAcknowledgement" name="Send acknowledgement" camunda:asyncBefore="true"
                    camunda:modelerTemplate="uk.putitright.step.createLetter" camunda:delegateExpression="${createLetter}">
                  <bpmn:extensionElements><camunda:properties>
                    <camunda:property name="letterType" value="ACKNOWLEDGEMENT" />
                  </camunda:properties></bpmn:extensionElements>
                </bpmn:serviceTask>
                <bpmn:userTask id="Task_Check" name="Check" camunda:formRef="form-log-comment"
                    camunda:formRefBinding="latest" camunda:candidateGroups="${stage1Group}"
                    camunda:dueDate="${workingDays.fromNow(5)}" />
                <bpmn:boundaryEvent id="Timer_CheckDue" name="Check due" attachedToRef="Task_Check" cancelActivity="false">
                  <bpmn:timerEventDefinition><bpmn:timeDate>${stage1ResponseBy}</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:exclusiveGateway id="Gateway_Extend" name="Extend?" default="Flow_NoExtension" />
                <bpmn:sequenceFlow id="Flow_Extend" sourceRef="Gateway_Extend" targetRef="Task_Check">
                  <bpmn:conditionExpression>${stage1Decision == 'EXTEND' &amp;&amp; not empty caseHandler}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_NoExtension" sourceRef="Gateway_Extend" targetRef="EndEvent_Probe" />
                <bpmn:endEvent id="EndEvent_Probe" name="End" />
                """);
        HttpResponse<String> response = deploy(OWNER, name, Map.of("gate-letter.bpmn", model));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("gate-letter").count()).isOne();

        // Modeler deploys the same file again unchanged: nothing new
        assertThat(deploy(OWNER, name, Map.of("gate-letter.bpmn", model)).statusCode()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("gate-letter").count()).isOne();
    }

    @Test
    void anExpressionThatRunsAShellCommandIsRefusedAndRunsNothing() throws Exception {
        Path marker = Files.createTempDirectory("gate").resolve("marker");
        String model = process("gate-rce", """
                <bpmn:intermediateCatchEvent id="Timer_Probe" name="Probe">
                  <bpmn:timerEventDefinition><bpmn:timeDate>%s</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>
                """.formatted(shell(marker))).replace("<bpmn:startEvent id=\"StartEvent_Probe\" name=\"Start\" />",
                "<bpmn:startEvent id=\"StartEvent_Probe\" name=\"Start\"><bpmn:timerEventDefinition><bpmn:timeDate>"
                        + shell(marker) + "</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>");

        HttpResponse<String> refused = deploy(OWNER, "gate-rce", Map.of("rce.bpmn", model));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(elements(refused)).contains("StartEvent_Probe", "Timer_Probe");
        assertThat(marker).doesNotExist();
        assertThat(repository.createDeploymentQuery().deploymentName("gate-rce").count()).isZero();

        // the same model from the application itself (trusted) does run the command: the probe is real
        try {
            repository.createDeployment().name("gate-rce-trusted").addString("rce.bpmn", model).deploy();
        } catch (RuntimeException expected) {
            // the command's result is no date, so the timer fails after the command ran
        }
        assertThat(marker).exists();
    }

    @Test
    void scriptsClassesConnectorsAndForeignExpressionsAreRefusedNamingTheElement() throws Exception {
        Map<String, String> refusedBodies = new LinkedHashMap<>();
        refusedBodies.put("Task_Script", """
                <bpmn:scriptTask id="Task_Script" name="Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>""");
        refusedBodies.put("Task_Class", """
                <bpmn:serviceTask id="Task_Class" name="Class" camunda:class="java.lang.Object" />""");
        refusedBodies.put("Task_Listener", """
                <bpmn:userTask id="Task_Listener" name="Listener" camunda:formRef="form-log-comment" camunda:candidateGroups="x">
                  <bpmn:extensionElements><camunda:taskListener event="create">
                    <camunda:script scriptFormat="groovy">1</camunda:script></camunda:taskListener></bpmn:extensionElements>
                </bpmn:userTask>""");
        refusedBodies.put("Task_ExternalScript", """
                <bpmn:userTask id="Task_ExternalScript" name="External script" camunda:formRef="form-log-comment" camunda:candidateGroups="x">
                  <bpmn:extensionElements><camunda:executionListener event="start">
                    <camunda:script scriptFormat="javascript" resource="deployment://evil.js" /></camunda:executionListener></bpmn:extensionElements>
                </bpmn:userTask>""");
        refusedBodies.put("Task_EngineBean", """
                <bpmn:serviceTask id="Task_EngineBean" name="Engine" camunda:delegateExpression="${processEngine}" />""");
        refusedBodies.put("Task_Expression", """
                <bpmn:serviceTask id="Task_Expression" name="Expression" camunda:delegateExpression="${createLetter}"
                    camunda:asyncBefore="${runtimeService.createProcessInstanceQuery().count() &gt; 0}" />""");
        refusedBodies.put("Flow_Condition", """
                <bpmn:exclusiveGateway id="Gateway_Probe" name="Probe" />
                <bpmn:sequenceFlow id="Flow_Condition" sourceRef="Gateway_Probe" targetRef="Gateway_Probe">
                  <bpmn:conditionExpression>${execution.getProcessEngine() != null}</bpmn:conditionExpression></bpmn:sequenceFlow>""");
        refusedBodies.put("Flow_Groovy", """
                <bpmn:exclusiveGateway id="Gateway_Groovy" name="Probe" />
                <bpmn:sequenceFlow id="Flow_Groovy" sourceRef="Gateway_Groovy" targetRef="Gateway_Groovy">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>""");
        refusedBodies.put("Task_NoForm", """
                <bpmn:userTask id="Task_NoForm" name="No form" camunda:candidateGroups="advocacy" />""");
        refusedBodies.put("Task_NoGroup", """
                <bpmn:userTask id="Task_NoGroup" name="No group" camunda:formRef="form-log-comment" />""");
        refusedBodies.put("Task_UnknownForm", """
                <bpmn:userTask id="Task_UnknownForm" name="Unknown form" camunda:formRef="form-nobody-made" camunda:candidateGroups="advocacy" />""");
        refusedBodies.put("Timer_FiveMinutes", """
                <bpmn:intermediateCatchEvent id="Timer_FiveMinutes" name="Five minutes">
                  <bpmn:timerEventDefinition><bpmn:timeDuration>PT5M</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:intermediateCatchEvent>""");
        // a policy timescale may be read as working days (${workingDays.fromNow(icpReferralWorkingDays)}), no other variable
        refusedBodies.put("Task_DueFromAnyVariable", """
                <bpmn:userTask id="Task_DueFromAnyVariable" name="Due from any variable" camunda:formRef="form-log-comment"
                    camunda:candidateGroups="advocacy" camunda:dueDate="${workingDays.fromNow(caseHandler)}" />""");
        refusedBodies.put("Task_NoStep", """
                <bpmn:serviceTask id="Task_NoStep" name="External" camunda:type="external" camunda:topic="t" />""");
        refusedBodies.put("Task_NoTemplate", """
                <bpmn:serviceTask id="Task_NoTemplate" name="No template" camunda:delegateExpression="${createLetter}" />""");
        refusedBodies.put("Task_UnknownLetter", """
                <bpmn:serviceTask id="Task_UnknownLetter" name="Unknown letter" camunda:modelerTemplate="uk.putitright.step.createLetter"
                    camunda:delegateExpression="${createLetter}">
                  <bpmn:extensionElements><camunda:properties><camunda:property name="letterType" value="LOVE_LETTER" />
                  </camunda:properties></bpmn:extensionElements></bpmn:serviceTask>""");
        refusedBodies.put("Task_WrongStep", """
                <bpmn:serviceTask id="Task_WrongStep" name="Wrong step" camunda:modelerTemplate="uk.putitright.step.recordConsent"
                    camunda:delegateExpression="${createLetter}" />""");
        refusedBodies.put("Task_BoundToDeployment", """
                <bpmn:userTask id="Task_BoundToDeployment" name="Bound to its deployment" camunda:formRef="form-log-comment"
                    camunda:formRefBinding="deployment" camunda:candidateGroups="advocacy" />""");
        refusedBodies.put("CallActivity_NoBinding", """
                <bpmn:callActivity id="CallActivity_NoBinding" name="Stage 1" calledElement="stage-1" />""");
        for (var body : refusedBodies.entrySet()) {
            String name = "gate-refused-" + body.getKey();
            HttpResponse<String> response = deploy(OWNER, name, Map.of("refused.bpmn", process("gate-refused", body.getValue())));
            assertThat(response.statusCode()).as(body.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(elements(response)).as(response.body()).contains(body.getKey());
            assertThat(repository.createDeploymentQuery().deploymentName(name).count()).isZero();
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("gate-refused").count()).isZero();
    }

    @Test
    void filesThatAreNoModelsOrDoNotParseAreRefused() throws Exception {
        HttpResponse<String> notXml = deploy(OWNER, "gate-broken", Map.of("broken.bpmn", "<bpmn:definitions"));
        assertThat(notXml.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notXml.body()).path("errors").get(0).path("resource").asText()).isEqualTo("broken.bpmn");

        HttpResponse<String> script = deploy(OWNER, "gate-js", Map.of("evil.js", "java.lang.Runtime.getRuntime()"));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("only BPMN");
        assertThat(repository.createDeploymentQuery().deploymentName("gate-broken").count()
                + repository.createDeploymentQuery().deploymentName("gate-js").count()).isZero();
    }

    @Test
    void aVersionThatDropsATaskRoleTheRulesNeedIsRefused() throws Exception {
        String stage2 = new String(new PathMatchingResourcePatternResolver().getResource("classpath:processes/stage-2.bpmn")
                .getContentAsByteArray(), StandardCharsets.UTF_8);
        String withoutSignOffRole = stage2.replace("<camunda:property name=\"taskRole\" value=\"STAGE_2_SIGN_OFF\" />", "");
        assertThat(withoutSignOffRole).isNotEqualTo(stage2);
        HttpResponse<String> refused = deploy(OWNER, "gate-roles", Map.of("stage-2.bpmn", withoutSignOffRole));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(elements(refused)).containsExactly("stage-2");
        assertThat(refused.body()).contains("STAGE_2_SIGN_OFF");

        HttpResponse<String> unknown = deploy(OWNER, "gate-roles", Map.of("stage-2.bpmn", stage2.replace(
                "value=\"STAGE_2_SIGN_OFF\"", "value=\"DIRECTOR_SIGN_OFF\"")));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(elements(unknown)).contains("Task_SignOffStage2Response");
        assertThat(repository.createDeploymentQuery().deploymentName("gate-roles").count()).isZero();
    }

    @Test
    void onlyProcessOwnersAndAdministratorsDeploy() throws Exception {
        String model = process("gate-who", "");
        for (String user : List.of(CUSTOMER_SERVICE, AUDITOR)) {
            HttpResponse<String> refused = deploy(user, "gate-who-" + user, Map.of("who.bpmn", model));
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(repository.createDeploymentQuery().deploymentName("gate-who-" + user).count()).isZero();
        }
        HttpResponse<String> byAdmin = deploy(ADMIN, "gate-who-admin", Map.of("who.bpmn", model));
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    }

    @Test
    void theGateInsideTheEngineRefusesAUsersDeploymentByAnyRoute() {
        String model = process("gate-java", """
                <bpmn:serviceTask id="Task_Class" name="Class" camunda:class="java.lang.Object" />""");
        identity.setAuthentication(OWNER, List.of("process-owners"));
        try {
            assertThatThrownBy(() -> repository.createDeployment().name("gate-java").addString("java.bpmn", model)
                    .deploy()).isInstanceOf(ModelRefusedException.class).hasMessageContaining("Task_Class");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(repository.createDeploymentQuery().deploymentName("gate-java").count()).isZero();
    }

    /** A shell command through the expression language, as measured before the gate (waiting for it to end). */
    private static String shell(Path marker) {
        return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
                + ".exec(\"touch " + marker + "\").waitFor()}";
    }

    private static String process(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Probe" targetNamespace="https://putitright.uk/probe">
                  <bpmn:process id="%s" name="Probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_Probe" name="Start" />
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body);
    }

    private static List<String> elements(HttpResponse<String> response) throws Exception {
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        return errors.findValuesAsText("element");
    }

    /** The request Camunda Modeler sends: multipart, deploy-changed-only, one part per file. */
    private HttpResponse<String> deploy(String user, String name, Map<String, String> files) throws Exception {
        String boundary = "----gate" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        Map<String, String> fields = Map.of("deployment-name", name, "deploy-changed-only", "true",
                "deployment-source", "Camunda Modeler");
        for (var field : fields.entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.getKey()).append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
        }
        for (var file : files.entrySet()) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(file.getKey()).append("\"; filename=\"").append(file.getKey())
                    .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(file.getValue()).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", TestStaff.basicAuth(user, user))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
