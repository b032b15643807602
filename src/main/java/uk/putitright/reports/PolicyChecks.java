package uk.putitright.reports;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.metadata.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import uk.putitright.intake.CustomerStatusPageEscalationForm;
import uk.putitright.intake.EscalationRequest;
import uk.putitright.reports.DeployedPolicy.Line;
import uk.putitright.reports.Finding.Evidence;

/**
 * The Code's {@code policy} provisions checked against what is deployed: the complaint-policy DMN for each of a
 * landlord's business lines, the stage models' user tasks, the escalation form and API, and the letter
 * templates. Every finding names its evidence; a landlord's published procedure that conflicts with the Code
 * shows as "no" with the reason, never hidden.
 */
@Service
class PolicyChecks {

    /** The Code's limits, in working days. */
    static final int ACKNOWLEDGE = 5;
    static final int STAGE_1_RESPONSE = 10;
    static final int STAGE_1_EXTENSION = 10;
    static final int STAGE_2_RESPONSE = 20;
    static final int STAGE_2_EXTENSION = 20;

    private final RepositoryService repository;
    private final IdentityService identity;
    private final Validator validator;

    PolicyChecks(RepositoryService repository, IdentityService identity, Validator validator) {
        this.repository = repository;
        this.identity = identity;
        this.validator = validator;
    }

    /**
     * The findings per provision. The models are read as the application, not as the user asking (whose engine
     * authorizations may not cover every definition): the self-assessment shows models, never instance data,
     * and who may see it is SecurityConfig's business.
     */
    Map<String, Finding> check(String landlord) {
        return asApplication(() -> checkAsApplication(landlord));
    }

    private <T> T asApplication(java.util.function.Supplier<T> read) {
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }

    private Map<String, Finding> checkAsApplication(String landlord) {
        DeployedPolicy policy = DeployedPolicy.forLandlord(repository, landlord);
        Map<String, Finding> found = new LinkedHashMap<>();
        if (policy.lines.isEmpty()) {
            Finding none = new Finding(Finding.NO, List.of(new Evidence("dmn", policy.decision,
                    "no rule for landlord " + landlord)), "No complaint policy is deployed for this landlord.");
            CodeProvision.CODE_2024.stream().filter(p -> p.assessment() == CodeProvision.Assessment.POLICY)
                    .forEach(p -> found.put(p.number(), none));
            return found;
        }
        String d = policy.decision;
        found.put("1.3", templates("A representative's complaint is handled under the same policy, with the"
                + " resident's consent", List.of("consent-confirmation"), "may act for you"));
        found.put("3.6", found.get("1.3"));
        found.put("3.7", templates("Every response letter names the right ombudsman with its contact details",
                List.of("stage-1-response", "stage-2-final-response", "ombudsman-signposting", "extension-notice"),
                "letters/fragments :: ombudsman"));
        found.put("5.2", perLine(policy, line -> !line.flag("informalStage")
                ? new Finding(Finding.YES, List.of(line.evidence(d, "informalStage")), null)
                : new Finding(Finding.NO, List.of(line.evidence(d, "informalStage"),
                        line.evidence(d, "informalStageWorkingDays")), "The procedure (" + line.lineName()
                        + ") puts an informal stage of " + line.number("informalStageWorkingDays")
                        + " working day(s) before Stage 1: the Code allows no extra named stage before Stage 1.")));
        found.put("5.3", fiveThree(policy));
        // besides its practice check: the refusal letter says why and offers the Ombudsman now (and 2.4's detail)
        found.put("5.11", templates("The escalation refusal letter gives the reasons and says the resident can go to"
                + " the Ombudsman now", List.of("escalation-refusal"), "${refusal.reason}",
                "letters/fragments :: ombudsman", "Ombudsman</span> now", "You do not need to wait"));
        found.put("5.6", templates("The acknowledgements set out the complaint as understood and the outcome"
                + " wanted", List.of("acknowledgement", "stage-2-acknowledgement"), "complaintAsUnderstood"));
        found.put("5.13", templates("Both responses offer a remedy", List.of("stage-1-response",
                "stage-2-final-response"), "letters/fragments :: decision("));
        found.put("6.2", limit(policy, "acknowledgeWorkingDays", ACKNOWLEDGE, "acknowledges a complaint"));
        found.put("6.3", stage1Response(policy));
        found.put("6.4", limit(policy, "stage1ExtensionMaxWorkingDays", STAGE_1_EXTENSION,
                "allows a Stage 1 extension of"));
        found.put("6.5", templates("The extension notice gives the Ombudsman's contact details",
                List.of("extension-notice"), "letters/fragments :: ombudsman"));
        found.put("6.6", templates("The responses list outstanding actions with their dates",
                List.of("stage-1-response", "stage-2-final-response"), "letters/fragments :: decision("));
        found.put("6.9", templates("The Stage 1 response states the stage, decision, reasons, remedy, outstanding"
                + " actions and how to escalate", List.of("stage-1-response"), "Stage 1",
                "letters/fragments :: decision(", "Stage 2"));
        found.put("6.10", callActivity("complaint", "stage-2", "Stage 2 follows Stage 1 when the resident asks"));
        found.put("6.11", limit(policy, "stage2AcknowledgeWorkingDays", ACKNOWLEDGE, "acknowledges a Stage 2 request"));
        found.put("6.12", escalationReasonsOptional());
        found.put("6.13", differentPerson(policy));
        found.put("6.14", stage2Response(policy));
        found.put("6.15", limit(policy, "stage2ExtensionMaxWorkingDays", STAGE_2_EXTENSION,
                "allows a Stage 2 extension of"));
        found.put("6.16", found.get("6.5"));
        found.put("6.17", templates("The final response lists outstanding actions with their dates",
                List.of("stage-2-final-response"), "letters/fragments :: decision("));
        found.put("6.19", templates("The final response states the stage, decision, reasons, remedy, outstanding"
                + " actions and that the resident can go to the Ombudsman now", List.of("stage-2-final-response"),
                "Stage 2", "letters/fragments :: decision(", "letters/fragments :: ombudsman", "you do not need to wait"));
        found.put("6.20", perLine(policy, line -> new Finding(Finding.YES, List.of(line.evidence(d,
                "stage2ReviewerGroup"), line.evidence(d, "stage2SignOffRequired")), null)));
        found.put("8.1", new Finding(Finding.YES, List.of(new Evidence("template", "reports/annual",
                "the annual report PDF includes the approved self-assessment and the governing body's response")),
                null));
        found.put("8.3", new Finding(Finding.YES, List.of(new Evidence("api", "/api/reports/self-assessment",
                "a deployment after the approval marks the self-assessment as needing review")), null));
        return found;
    }

    /** The deployed complaint policy's key and version, e.g. "complaint-policy v3". */
    String deployedPolicy() {
        return asApplication(() -> {
            var definition = repository.createDecisionDefinitionQuery()
                    .decisionDefinitionKey(DeployedPolicy.DECISION_KEY).latestVersion().singleResult();
            return definition == null ? DeployedPolicy.DECISION_KEY + " (not deployed)"
                    : DeployedPolicy.DECISION_KEY + " v" + definition.getVersion();
        });
    }

    /** The newest deployment of any policy or model (read as the application, as {@link #check}). */
    org.camunda.bpm.engine.repository.Deployment latestDeployment() {
        return asApplication(() -> repository.createDeploymentQuery().orderByDeploymentTime().desc()
                .listPage(0, 1).stream().findFirst().orElse(null));
    }

    // ------------------------------------------------------------------------------------------- the DMN

    private static Finding perLine(DeployedPolicy policy, Function<Line, Finding> check) {
        return Finding.combine(policy.lines.stream().map(check).toList());
    }

    private static Finding limit(DeployedPolicy policy, String output, int codeLimit, String what) {
        return perLine(policy, line -> {
            Integer days = line.number(output);
            boolean ok = days != null && days <= codeLimit;
            return new Finding(ok ? Finding.YES : Finding.NO, List.of(line.evidence(policy.decision, output)),
                    ok ? null : "The policy (" + line.lineName() + ") " + what + " " + days
                            + " working days; the Code allows " + codeLimit + ".");
        });
    }

    private static Finding stage1Response(DeployedPolicy policy) {
        String d = policy.decision;
        return perLine(policy, line -> {
            Integer days = line.number("stage1ResponseWorkingDays");
            String clock = line.text("stage1ClockStart");
            List<Evidence> evidence = List.of(line.evidence(d, "stage1ResponseWorkingDays"),
                    line.evidence(d, "stage1ClockStart"));
            List<String> problems = new ArrayList<>();
            if (days == null || days > STAGE_1_RESPONSE) {
                problems.add("the Stage 1 response is due " + days + " working days after the clock starts; the"
                        + " Code allows " + STAGE_1_RESPONSE + " from the acknowledgement");
            }
            if (!"RECEIVED".equals(clock) && !"ACKNOWLEDGED".equals(clock)) {
                problems.add("the clock starts only when the formal complaint starts (" + clock + "), after the"
                        + " informal stage, not at the acknowledgement");
            }
            return problems.isEmpty() ? new Finding(Finding.YES, evidence, null)
                    : new Finding(Finding.NO, evidence, "The policy (" + line.lineName() + "): "
                    + String.join("; ", problems) + ".");
        });
    }

    private static Finding stage2Response(DeployedPolicy policy) {
        String d = policy.decision;
        return perLine(policy, line -> {
            Integer days = line.number("stage2ResponseWorkingDays");
            List<Evidence> evidence = List.of(line.evidence(d, "stage2ResponseWorkingDays"),
                    line.evidence(d, "stage2ClockStart"));
            boolean ok = days != null && days <= STAGE_2_RESPONSE
                    && List.of("ACKNOWLEDGED", "ESCALATION_REQUESTED").contains(line.text("stage2ClockStart"));
            return new Finding(ok ? Finding.YES : Finding.NO, evidence, ok ? null : "The policy (" + line.lineName()
                    + ") gives the final response " + days + " working days from " + line.text("stage2ClockStart")
                    + "; the Code allows " + STAGE_2_RESPONSE + " from the Stage 2 acknowledgement.");
        });
    }

    /**
     * Two stages, then the Ombudsman without delay. The designated person and the ICP may be offered after the
     * final response, but a procedure that makes the resident wait for the Ombudsman conflicts with the Code
     * and, since 1 October 2022, with the Housing Ombudsman Scheme (no "democratic filter").
     */
    private Finding fiveThree(DeployedPolicy policy) {
        Finding stages = callActivity("complaint", "stage-1", "Stage 1 is one stage");
        Finding stage2 = callActivity("complaint", "stage-2", "Stage 2 is the second and final stage");
        Finding wait = perLine(policy, line -> {
            Integer weeks = line.number("ombudsmanWaitWeeks");
            List<Evidence> evidence = new ArrayList<>(List.of(line.evidence(policy.decision, "ombudsmanWaitWeeks"),
                    line.evidence(policy.decision, "icpAvailable"),
                    line.evidence(policy.decision, "designatedPersonRoute")));
            if (weeks == null || weeks == 0) {
                return new Finding(Finding.YES, evidence, null);
            }
            evidence.add(new Evidence("template", "stage-2-final-response",
                    "tells the resident they can go to the Ombudsman now; the ICP and designated person are optional"));
            return new Finding(Finding.NO, evidence, "The landlord's published procedure (" + line.lineName()
                    + ") says the resident can go to the Ombudsman only " + weeks + " weeks after the final"
                    + " response unless a designated person refers it. Since the Housing Ombudsman Scheme of"
                    + " 1 October 2022 no wait and no designated person are needed, and a wait after two stages"
                    + " delays access to the Ombudsman. Put It Right's letters tell residents they can go to the"
                    + " Ombudsman now and that the designated person and the ICP are optional; the published"
                    + " procedure needs correcting.");
        });
        return Finding.combine(List.of(stages, stage2, wait));
    }

    /** Stage 2 reviewers are another group than Stage 1 investigators, in the policy and in the models. */
    private Finding differentPerson(DeployedPolicy policy) {
        String d = policy.decision;
        Finding models = Finding.combine(List.of(
                candidateGroups("stage-1", "Task_InvestigateComplaint", "${stage1Group}"),
                candidateGroups("stage-2", "Task_ReviewComplaint", "${stage2ReviewerGroup}")));
        Finding groups = perLine(policy, line -> {
            String stage1 = line.text("stage1Group");
            String stage2 = line.text("stage2ReviewerGroup");
            List<Evidence> evidence = new ArrayList<>(List.of(line.evidence(d, "stage1Group"),
                    line.evidence(d, "stage2ReviewerGroup")));
            if (line.flag("stage2SignOffRequired")) {
                evidence.add(line.evidence(d, "stage2SignOffGroup"));
                evidence.add(new Evidence("bpmn", "Task_SignOffStage2Response",
                        "four-eyes rule: whoever wrote the Stage 2 response may not sign it off"));
            }
            boolean ok = stage1 != null && stage2 != null && !stage1.isBlank() && !stage1.equals(stage2);
            return new Finding(ok ? Finding.YES : Finding.NO, evidence, ok ? null : "The policy ("
                    + line.lineName() + ") gives Stage 1 and Stage 2 to the same group (" + stage2 + "), so the"
                    + " person who considered Stage 1 may consider Stage 2.");
        });
        return Finding.combine(List.of(groups, models));
    }

    private Finding candidateGroups(String processKey, String taskId, String expected) {
        BpmnModelInstance model = latestModel(processKey);
        UserTask task = model == null ? null : model.getModelElementById(taskId);
        String actual = task == null ? null : task.getCamundaCandidateGroups();
        boolean ok = Objects.equals(expected, actual);
        return new Finding(ok ? Finding.YES : Finding.NO, List.of(new Evidence("bpmn", taskId, processKey
                + " candidate groups " + actual)), ok ? null : "In " + processKey + ", " + taskId
                + " is not given to the policy's group (" + expected + ") but to " + actual + ".");
    }

    private Finding callActivity(String processKey, String calledProcess, String what) {
        BpmnModelInstance model = latestModel(processKey);
        List<CallActivity> calls = model == null ? List.of() : model.getModelElementsByType(CallActivity.class)
                .stream().filter(c -> calledProcess.equals(c.getCalledElement())).toList();
        return calls.isEmpty()
                ? new Finding(Finding.NO, List.of(new Evidence("bpmn", processKey, "calls no " + calledProcess)),
                "The " + processKey + " process has no " + calledProcess + ".")
                : new Finding(Finding.YES, calls.stream().map(c -> new Evidence("bpmn", c.getId(), processKey
                + " calls " + calledProcess + ": " + what)).toList(), null);
    }

    private BpmnModelInstance latestModel(String processKey) {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        return definition == null ? null : repository.getBpmnModelInstance(definition.getId());
    }

    // ------------------------------------------------------------------------------------- forms and API

    private Finding escalationReasonsOptional() {
        List<Finding> findings = new ArrayList<>();
        for (Class<?> type : List.of(CustomerStatusPageEscalationForm.class, EscalationRequest.class)) {
            PropertyDescriptor reason = validator.getConstraintsForClass(type).getConstraintsForProperty("reason");
            boolean required = reason != null && reason.getConstraintDescriptors().stream()
                    .anyMatch(c -> c.getAnnotation() instanceof NotBlank);
            String kind = type == EscalationRequest.class ? "api" : "form";
            findings.add(new Finding(required ? Finding.NO : Finding.YES, List.of(new Evidence(kind,
                    type.getSimpleName() + ".reason", required ? "required" : "optional")), required
                    ? "The Stage 2 request (" + type.getSimpleName() + ") requires the resident to say why." : null));
        }
        return Finding.combine(findings);
    }

    // ------------------------------------------------------------------------------------------ templates

    /** Each template contains every marker (a fragment it includes, or words it says). */
    private static Finding templates(String what, List<String> names, String... markers) {
        List<Finding> findings = new ArrayList<>();
        for (String name : names) {
            String source = template(name);
            List<String> missing = java.util.Arrays.stream(markers).filter(m -> !source.contains(m)).toList();
            findings.add(missing.isEmpty()
                    ? new Finding(Finding.YES, List.of(new Evidence("template", name, what)), null)
                    : new Finding(Finding.NO, List.of(new Evidence("template", name, "lacks " + missing)),
                    "The " + name + " letter does not contain " + missing + "."));
        }
        return Finding.combine(findings);
    }

    private static String template(String name) {
        try (InputStream in = new ClassPathResource("templates/letters/" + name + ".html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
