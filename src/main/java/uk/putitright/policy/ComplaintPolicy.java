package uk.putitright.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;

/**
 * The policy row a complaint runs under. {@link #determine} picks the latest deployed version of
 * {@code complaint-policy} and records its id on the complaint; {@link #of} reads that same version later,
 * so a process owner deploying new timescales changes new complaints, not the deadlines of open ones.
 * A row depends only on the decision version, landlord and business line, so each is evaluated once.
 */
@Component
public class ComplaintPolicy {

    public static final String DECISION_KEY = "complaint-policy";

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final Map<List<String>, Map<String, Object>> rows = new ConcurrentHashMap<>();

    ComplaintPolicy(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** The latest version's row for the complaint, now recorded on it as the policy it runs under. */
    public Map<String, Object> determine(Complaint complaint) {
        String definitionId = latestDefinitionId();
        Map<String, Object> row = row(definitionId, complaint.getLandlord(), complaint.getBusinessLine());
        complaint.recordPolicy(definitionId);
        return row;
    }

    /** The row of the version recorded on the complaint (the latest, for complaints from before it was recorded). */
    public Map<String, Object> of(Complaint complaint) {
        String definitionId = Optional.ofNullable(complaint.getPolicyDecisionId()).orElseGet(this::latestDefinitionId);
        return row(definitionId, complaint.getLandlord(), complaint.getBusinessLine());
    }

    /** The latest version's row for a landlord and business line, e.g. for "what happens next" before intake. */
    public Optional<Map<String, Object>> latest(String landlord, String businessLine) {
        try {
            return Optional.of(row(latestDefinitionId(), landlord, businessLine));
        } catch (NoPolicyRowException e) {
            return Optional.empty();
        }
    }

    private String latestDefinitionId() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException(DECISION_KEY + " is not deployed");
        }
        return latest.getId();
    }

    private Map<String, Object> row(String definitionId, String landlord, String businessLine) {
        String line = businessLine == null ? "" : businessLine;
        return rows.computeIfAbsent(List.of(definitionId, landlord, line), key -> {
            DmnDecisionResultEntries result = decisions.evaluateDecisionById(definitionId)
                    .variables(Map.of("landlord", landlord, "businessLine", line))
                    .evaluate()
                    .getSingleResult();
            if (result == null) {
                throw new NoPolicyRowException(landlord, line);
            }
            return Collections.unmodifiableMap(new HashMap<>(result.getEntryMap()));
        });
    }

    /** The DMN has no rule for this landlord and business line: a configuration error, not bad input. */
    public static final class NoPolicyRowException extends IllegalStateException {
        NoPolicyRowException(String landlord, String businessLine) {
            super(DECISION_KEY + " has no rule for landlord '" + landlord + "' and business line '" + businessLine + "'");
        }
    }
}
