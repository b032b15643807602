package uk.putitright.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;

/**
 * The policy row a complaint runs under. {@link #determine} picks the latest deployed version of
 * {@code complaint-policy} and records its id and the rules that matched on the complaint; {@link #of} reads
 * that same version later, so a process owner deploying new timescales changes new complaints, not the
 * deadlines of open ones. A row depends only on the decision version, landlord and business line, so each is
 * evaluated once ({@link PolicyTable}, which also names the matching rules for the record).
 */
@Component
public class ComplaintPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(ComplaintPolicy.class);

    public static final String DECISION_KEY = "complaint-policy";

    /**
     * The task timescales the models wrote as numbers before the policy held them (working days): a complaint
     * pinned to a policy version from before then keeps the timescale it started under.
     */
    public static final Map<String, Object> TIMESCALES_BEFORE_THE_POLICY_HELD_THEM = Map.of(
            "breachReviewWorkingDays", 2, "ombudsmanResponseWorkingDays", 10,
            "designatedPersonResponseWorkingDays", 10, "icpReferralWorkingDays", 5, "icpOutcomeWorkingDays", 20);

    /** Which policy a complaint ran under, for its timeline: the decision version and the rules that matched. */
    public record Applied(String decisionDefinitionId, int version, String versionTag, List<String> ruleIds) {
    }

    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<String, DmnDecision> decisions = new ConcurrentHashMap<>();
    private final Map<List<String>, PolicyTable.Match> rows = new ConcurrentHashMap<>();

    ComplaintPolicy(RepositoryService repository, IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
    }

    /** The latest version's row for the complaint, now recorded on it (version and rules) as the policy it runs under. */
    public Map<String, Object> determine(Complaint complaint) {
        String definitionId = latestDefinitionId();
        PolicyTable.Match match = match(definitionId, complaint.getLandlord(), complaint.getBusinessLine());
        complaint.recordPolicy(definitionId, match.ruleIds());
        return withTimescales(match.outputs());
    }

    /** The row of the version recorded on the complaint (the latest, for complaints from before it was recorded). */
    public Map<String, Object> of(Complaint complaint) {
        String pinned = definitionIdOf(complaint);
        if (!isDeployed(pinned)) {
            // only an administrator deletes a deployment; the complaint must still move on, under today's policy
            LOG.warn("{}: its policy version {} was deleted; the latest version applies", complaint.getReference(),
                    pinned);
            pinned = latestDefinitionId();
        }
        return withTimescales(match(pinned, complaint.getLandlord(), complaint.getBusinessLine()).outputs());
    }

    /** Asked, not tried: an engine exception would mark the caller's transaction for rollback. */
    private boolean isDeployed(String definitionId) {
        return decisions.containsKey(definitionId) || asEngine(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionId(definitionId).count() > 0);
    }

    private static Map<String, Object> withTimescales(Map<String, Object> outputs) {
        if (TIMESCALES_BEFORE_THE_POLICY_HELD_THEM.keySet().stream().allMatch(name -> outputs.get(name) != null)) {
            return outputs;
        }
        Map<String, Object> completed = new LinkedHashMap<>(outputs);
        TIMESCALES_BEFORE_THE_POLICY_HELD_THEM.forEach(completed::putIfAbsent);
        return Collections.unmodifiableMap(completed);
    }

    /**
     * The version and rules the complaint runs under: as recorded, or for a complaint recorded before the rules
     * were (V60), the rules its pinned version gives its landlord and business line; empty before any policy.
     */
    public Optional<Applied> applied(Complaint complaint) {
        String definitionId = complaint.getPolicyDecisionId();
        if (definitionId == null) {
            return Optional.empty();
        }
        List<String> rules = complaint.getPolicyRuleIds();
        boolean deployed = isDeployed(definitionId);
        if (rules.isEmpty() && deployed) {
            try {
                rules = match(definitionId, complaint.getLandlord(), complaint.getBusinessLine()).ruleIds();
            } catch (NoPolicyRowException e) {
                rules = List.of();
            }
        }
        DecisionDefinition definition = deployed ? asEngine(() -> repository.createDecisionDefinitionQuery()
                .decisionDefinitionId(definitionId).singleResult()) : null;
        // a version deleted since (an administrator's intervention): its id and rules are still the record
        return Optional.of(definition == null ? new Applied(definitionId, 0, "deleted", rules)
                : new Applied(definitionId, definition.getVersion(), definition.getVersionTag(), rules));
    }

    /** The latest version's row for a landlord and business line, e.g. for "what happens next" before intake. */
    public Optional<Map<String, Object>> latest(String landlord, String businessLine) {
        try {
            return Optional.of(match(latestDefinitionId(), landlord, businessLine).outputs());
        } catch (NoPolicyRowException e) {
            return Optional.empty();
        }
    }

    private String definitionIdOf(Complaint complaint) {
        return Optional.ofNullable(complaint.getPolicyDecisionId()).orElseGet(this::latestDefinitionId);
    }

    private String latestDefinitionId() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException(DECISION_KEY + " is not deployed");
        }
        return latest.getId();
    }

    private PolicyTable.Match match(String definitionId, String landlord, String businessLine) {
        String line = businessLine == null ? "" : businessLine;
        return rows.computeIfAbsent(List.of(definitionId, landlord, line), key -> {
            DmnDecision decision = decisions.computeIfAbsent(definitionId,
                    id -> PolicyTable.parse(asEngine(() -> repository.getDmnModelInstance(id))));
            return PolicyTable.evaluate(decision, landlord, line)
                    .orElseThrow(() -> new NoPolicyRowException(landlord, line));
        });
    }

    /**
     * Reads the deployed policy as the engine itself: the application's own policy applies whoever's step or
     * page needs it, whatever their engine grants on decision definitions.
     */
    private <T> T asEngine(Supplier<T> read) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return read.get();
        }
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }

    /** The DMN has no rule for this landlord and business line: a configuration error, not bad input. */
    public static final class NoPolicyRowException extends IllegalStateException {
        NoPolicyRowException(String landlord, String businessLine) {
            super(DECISION_KEY + " has no rule for landlord '" + landlord + "' and business line '" + businessLine + "'");
        }
    }
}
