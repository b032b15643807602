package uk.putitright.change;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Service;
import uk.putitright.deployment.DeploymentDrift;
import uk.putitright.intake.InvalidFieldException;

/**
 * What changed between two versions of a process or of a decision, read with the Camunda model APIs
 * (bpmn-model, dmn-model), never as text: steps, events, timers, forms, candidate groups, due dates and
 * properties of a process; inputs, outputs and rules of a decision table, each with its old and new value.
 */
@Service
public class ModelChanges {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** The Camunda attributes of a flow node that say what the step does. */
    private static final List<String> CAMUNDA_ATTRIBUTES = List.of("formRef", "formRefBinding", "candidateGroups",
            "assignee", "dueDate", "delegateExpression", "modelerTemplate", "calledElementBinding", "asyncBefore");

    /** One version: who deployed it and when (deployedBy null: the application's own deployment). */
    public record Version(int version, String definitionId, String versionTag, String deploymentName,
                          String deployedBy, Instant deployedAt) {
    }

    /** One property's old and new value (null where it had none). */
    public record Difference(String property, String before, String after) {
    }

    public enum ChangeType { ADDED, REMOVED, CHANGED }

    /** An element added, removed or changed: a step, event, flow, input, output or rule. */
    public record Change(ChangeType change, String kind, String id, String name, List<Difference> differences) {
    }

    public record Changes(String key, String type, Version from, Version to, List<Change> changes) {
    }

    private final RepositoryService repository;
    private final IdentityService identity;
    private final DeploymentDrift deployments;

    ModelChanges(RepositoryService repository, IdentityService identity, DeploymentDrift deployments) {
        this.repository = repository;
        this.identity = identity;
        this.deployments = deployments;
    }

    /** @throws InvalidFieldException naming key, from or to when there is no such process, decision or version */
    public Changes between(String key, Integer from, Integer to) {
        if (key == null || key.isBlank()) {
            throw new InvalidFieldException("key", "is required: the key of a process or of a decision");
        }
        // a fixed view of what is deployed for whoever may open it (SecurityConfig), not filtered by engine grants
        return asEngine(() -> {
            if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).count() > 0) {
                DecisionDefinition a = decision(key, from, "from");
                DecisionDefinition b = decision(key, to, "to");
                return new Changes(key, "decision", version(a.getVersion(), a.getId(), a.getVersionTag(),
                        a.getDeploymentId()), version(b.getVersion(), b.getId(), b.getVersionTag(), b.getDeploymentId()),
                        decisionChanges(repository.getDmnModelInstance(a.getId()), repository.getDmnModelInstance(b.getId()), key));
            }
            if (repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
                ProcessDefinition a = process(key, from, "from");
                ProcessDefinition b = process(key, to, "to");
                return new Changes(key, "process", version(a.getVersion(), a.getId(), a.getVersionTag(),
                        a.getDeploymentId()), version(b.getVersion(), b.getId(), b.getVersionTag(), b.getDeploymentId()),
                        processChanges(repository.getBpmnModelInstance(a.getId()), repository.getBpmnModelInstance(b.getId())));
            }
            throw new InvalidFieldException("key", "is no deployed process or decision");
        });
    }

    private DecisionDefinition decision(String key, Integer version, String field) {
        requireVersion(version, field);
        DecisionDefinition found = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .decisionDefinitionVersion(version).singleResult();
        if (found == null) {
            throw new InvalidFieldException(field, "is no version of " + key);
        }
        return found;
    }

    private ProcessDefinition process(String key, Integer version, String field) {
        requireVersion(version, field);
        ProcessDefinition found = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (found == null) {
            throw new InvalidFieldException(field, "is no version of " + key);
        }
        return found;
    }

    private static void requireVersion(Integer version, String field) {
        if (version == null || version < 1) {
            throw new InvalidFieldException(field, "must be a version number (1 or more)");
        }
    }

    private Version version(int version, String definitionId, String versionTag, String deploymentId) {
        Deployment deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        DeploymentDrift.Deployed deployed = deployments.deployed(deployment);
        return new Version(version, definitionId, versionTag, deployed.name(), deployed.deployedBy(),
                deployed.deployedAt());
    }

    // ---------------------------------------------------------------- processes

    private static List<Change> processChanges(BpmnModelInstance before, BpmnModelInstance after) {
        return compare(describeProcess(before), describeProcess(after));
    }

    /** Every flow node and sequence flow, by id: its kind, name and the properties that say what it does. */
    private static Map<String, Described> describeProcess(BpmnModelInstance model) {
        Map<String, Described> elements = new LinkedHashMap<>();
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            Map<String, String> properties = new LinkedHashMap<>();
            for (String attribute : CAMUNDA_ATTRIBUTES) {
                properties.put(attribute, node.getAttributeValueNs(CAMUNDA_NS, attribute));
            }
            if (node instanceof CallActivity call) {
                properties.put("calledElement", call.getCalledElement());
            }
            if (node instanceof Event event) {
                for (TimerEventDefinition timer : event.getChildElementsByType(TimerEventDefinition.class)) {
                    properties.put("timer date", text(timer.getTimeDate()));
                    properties.put("timer duration", text(timer.getTimeDuration()));
                    properties.put("timer cycle", text(timer.getTimeCycle()));
                }
            }
            extensionProperties(node).forEach((name, value) -> properties.put("property " + name, value));
            elements.put(node.getId(), new Described(kind(node), node.getName(), properties));
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("from", flow.getSource().getId());
            properties.put("to", flow.getTarget().getId());
            ConditionExpression condition = flow.getConditionExpression();
            properties.put("condition", condition == null ? null : condition.getTextContent().strip());
            elements.put(flow.getId(), new Described("flow", flow.getName(), properties));
        }
        return elements;
    }

    /** "user task", "service task", "boundary event"... from the element's BPMN type name. */
    private static String kind(BaseElement element) {
        String type = element.getElementType().getTypeName();
        boolean timer = element instanceof Event event
                && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty();
        return (timer ? "timer " : "") + type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> extensionProperties(BaseElement element) {
        Map<String, String> found = new LinkedHashMap<>();
        if (element.getExtensionElements() != null) {
            for (CamundaProperties properties : element.getExtensionElements()
                    .getChildElementsByType(CamundaProperties.class)) {
                for (CamundaProperty property : properties.getCamundaProperties()) {
                    found.put(property.getCamundaName(), property.getCamundaValue());
                }
            }
        }
        return found;
    }

    private static String text(ModelElementInstance element) {
        return element == null ? null : element.getTextContent().strip();
    }

    // ---------------------------------------------------------------- decisions

    private static List<Change> decisionChanges(DmnModelInstance before, DmnModelInstance after, String key) {
        return compare(describeDecision(before, key), describeDecision(after, key));
    }

    /** The table's hit policy, inputs, outputs and rules, by id; a rule by its place and its entry per column. */
    private static Map<String, Described> describeDecision(DmnModelInstance model, String key) {
        Map<String, Described> elements = new LinkedHashMap<>();
        Decision decision = model.getModelElementById(key);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return elements;
        }
        elements.put(table.getId(), new Described("decision table", decision.getName(),
                Map.of("hit policy", table.getHitPolicy().name())));
        List<String> inputColumns = new ArrayList<>();
        for (Input input : table.getInputs()) {
            String expression = input.getInputExpression() == null ? null : text(input.getInputExpression().getText());
            inputColumns.add("input " + (input.getLabel() == null ? expression : input.getLabel()));
            elements.put(input.getId(), new Described("input", input.getLabel(), props("expression", expression,
                    "type", input.getInputExpression() == null ? null : input.getInputExpression().getTypeRef())));
        }
        List<String> outputColumns = new ArrayList<>();
        for (Output output : table.getOutputs()) {
            outputColumns.add(output.getName());
            elements.put(output.getId(), new Described("output", output.getLabel(),
                    props("name", output.getName(), "type", output.getTypeRef())));
        }
        int position = 0;
        for (Rule rule : table.getRules()) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("position", String.valueOf(++position));
            properties.put("description", text(rule.getDescription()));
            List<InputEntry> inputs = new ArrayList<>(rule.getInputEntries());
            for (int i = 0; i < inputs.size() && i < inputColumns.size(); i++) {
                properties.put(inputColumns.get(i), text(inputs.get(i).getText()));
            }
            List<OutputEntry> outputs = new ArrayList<>(rule.getOutputEntries());
            for (int i = 0; i < outputs.size() && i < outputColumns.size(); i++) {
                properties.put(outputColumns.get(i), text(outputs.get(i).getText()));
            }
            elements.put(rule.getId(), new Described("rule", null, properties));
        }
        return elements;
    }

    private static Map<String, String> props(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    // ---------------------------------------------------------------- both

    private record Described(String kind, String name, Map<String, String> properties) {
    }

    /** Elements of the new version first in its order (added or changed), then the removed ones. */
    private static List<Change> compare(Map<String, Described> before, Map<String, Described> after) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Described> entry : after.entrySet()) {
            Described now = entry.getValue();
            Described was = before.get(entry.getKey());
            if (was == null) {
                changes.add(new Change(ChangeType.ADDED, now.kind(), entry.getKey(), now.name(),
                        differences(Map.of(), now.properties())));
                continue;
            }
            List<Difference> differences = new ArrayList<>();
            if (!Objects.equals(was.name(), now.name())) {
                differences.add(new Difference("name", was.name(), now.name()));
            }
            if (!was.kind().equals(now.kind())) {
                differences.add(new Difference("kind", was.kind(), now.kind()));
            }
            differences.addAll(differences(was.properties(), now.properties()));
            if (!differences.isEmpty()) {
                changes.add(new Change(ChangeType.CHANGED, now.kind(), entry.getKey(), now.name(), differences));
            }
        }
        before.forEach((id, was) -> {
            if (!after.containsKey(id)) {
                changes.add(new Change(ChangeType.REMOVED, was.kind(), id, was.name(),
                        differences(was.properties(), Map.of())));
            }
        });
        return changes;
    }

    private static List<Difference> differences(Map<String, String> before, Map<String, String> after) {
        Set<String> properties = new LinkedHashSet<>(before.keySet());
        properties.addAll(after.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String property : properties) {
            String was = blankToNull(before.get(property));
            String now = blankToNull(after.get(property));
            if (!Objects.equals(was, now)) {
                differences.add(new Difference(property, was, now));
            }
        }
        return differences;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private <T> T asEngine(Supplier<T> read) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
