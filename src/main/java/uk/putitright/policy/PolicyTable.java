package uk.putitright.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * Evaluates a complaint-policy decision table (deployed or a process owner's candidate) with a DMN engine of
 * its own, outside the process engine: it says which rule matched, which the process engine's decision result
 * does not, and a candidate is evaluated without being deployed.
 */
public final class PolicyTable {

    /** The matching rules (FIRST hit: one) and the row of output values they give. */
    public record Match(List<String> ruleIds, Map<String, Object> outputs) {
    }

    private static final ThreadLocal<List<DmnEvaluatedDecisionRule>> MATCHED = ThreadLocal.withInitial(ArrayList::new);
    private static final DmnEngine ENGINE = buildEngine();

    private PolicyTable() {
    }

    private static DmnEngine buildEngine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.customPostDecisionTableEvaluationListeners(
                List.of(event -> MATCHED.get().addAll(event.getMatchingRules())));
        return configuration.buildEngine();
    }

    /** @throws org.camunda.bpm.dmn.engine.DmnEngineException if the model has no complaint-policy table */
    public static DmnDecision parse(DmnModelInstance model) {
        return ENGINE.parseDecision(ComplaintPolicy.DECISION_KEY, model);
    }

    /** The policy for a landlord and business line (null: none), or empty if no rule matches. */
    public static Optional<Match> evaluate(DmnDecision decision, String landlord, String businessLine) {
        List<DmnEvaluatedDecisionRule> matched = MATCHED.get();
        matched.clear();
        try {
            ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("landlord", landlord)
                    .putValue("businessLine", businessLine == null ? "" : businessLine));
            if (matched.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> outputs = new HashMap<>();
            for (DmnEvaluatedOutput output : matched.get(0).getOutputEntries().values()) {
                outputs.put(output.getOutputName(), output.getValue().getValue());
            }
            return Optional.of(new Match(matched.stream().map(DmnEvaluatedDecisionRule::getId).toList(),
                    Collections.unmodifiableMap(outputs)));
        } finally {
            matched.clear();
        }
    }
}
