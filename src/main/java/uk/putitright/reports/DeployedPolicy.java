package uk.putitright.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The complaint policy as deployed (the latest complaint-policy decision), one {@link Line} per rule of a
 * landlord: each rule is evaluated by a DMN engine of its own, outside the process engine, so the
 * self-assessment writes no decision history, and the engine says which rule matched, for the evidence.
 */
final class DeployedPolicy {

    static final String DECISION_KEY = "complaint-policy";

    /** One value the policy gives a line, with the output entry that holds it. */
    record Value(Object value, String outputEntryId) {
    }

    /** What the policy decides for one business line ({@code null}: any) of a landlord. */
    record Line(String businessLine, String ruleId, Map<String, Value> outputs) {

        Object value(String output) {
            Value v = outputs.get(output);
            return v == null ? null : v.value();
        }

        Integer number(String output) {
            return value(output) instanceof Number n ? n.intValue() : null;
        }

        boolean flag(String output) {
            return Boolean.TRUE.equals(value(output));
        }

        String text(String output) {
            Object v = value(output);
            return v == null ? null : v.toString();
        }

        String lineName() {
            return businessLine == null ? "any business line" : "business line " + businessLine;
        }

        Finding.Evidence evidence(String decision, String output) {
            Value v = outputs.get(output);
            return new Finding.Evidence("dmn", v == null ? ruleId : v.outputEntryId(),
                    decision + " rule " + ruleId + " (" + lineName() + "): " + output + " = "
                            + (v == null ? "(none)" : v.value()));
        }
    }

    final String decision;
    final List<Line> lines;

    private DeployedPolicy(String decision, List<Line> lines) {
        this.decision = decision;
        this.lines = lines;
    }

    static DeployedPolicy forLandlord(RepositoryService repository, String landlord) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (definition == null) {
            return new DeployedPolicy(DECISION_KEY + " (not deployed)", List.of());
        }
        DmnModelInstance model = repository.getDmnModelInstance(definition.getId());
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).stream()
                .filter(t -> DECISION_KEY.equals(((org.camunda.bpm.model.dmn.instance.Decision) t.getParentElement())
                        .getId())).findFirst().orElseThrow();
        List<Output> outputs = new ArrayList<>(table.getOutputs());

        List<DmnEvaluatedDecisionRule> matched = new ArrayList<>();
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(List.of(event -> matched.addAll(event.getMatchingRules())));
        DmnEngine engine = configuration.buildEngine();
        DmnDecision decision = engine.parseDecision(DECISION_KEY, model);

        String quoted = "\"" + landlord + "\"";
        List<Line> lines = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<InputEntry> inputs = new ArrayList<>(rule.getInputEntries());
            if (!quoted.equals(inputs.get(0).getTextContent().strip())) {
                continue;
            }
            String lineEntry = inputs.size() > 1 ? inputs.get(1).getTextContent().strip() : "";
            String businessLine = lineEntry.startsWith("\"") ? lineEntry.substring(1, lineEntry.length() - 1) : null;
            matched.clear();
            engine.evaluateDecisionTable(decision, Variables.createVariables().putValue("landlord", landlord)
                    .putValue("businessLine", businessLine == null ? "" : businessLine));
            if (matched.isEmpty() || !matched.get(0).getId().equals(rule.getId())) {
                continue; // shadowed by an earlier rule: never decides anything
            }
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            Map<String, Value> values = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                String name = outputs.get(i).getName();
                DmnEvaluatedOutput out = matched.get(0).getOutputEntries().get(name);
                values.put(name, new Value(out == null ? null : out.getValue().getValue(), entries.get(i).getId()));
            }
            lines.add(new Line(businessLine, rule.getId(), values));
        }
        return new DeployedPolicy(DECISION_KEY + " v" + definition.getVersion(), lines);
    }
}
