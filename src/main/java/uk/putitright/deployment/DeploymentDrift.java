package uk.putitright.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Service;

/**
 * Where what runs differs from what the release brought: every process or decision whose latest version a
 * process owner deployed (with who and when, and the release's own latest version of it), and the process
 * owners' versions the last start-up replaced ({@link ClasspathDeployment}).
 */
@Service
public class DeploymentDrift {

    /** A process or decision whose latest version is not the release's. */
    public record OwnerVersion(String key, String type, int latestVersion, String deploymentName,
            String deployedBy, Instant deployedAt, Integer releaseVersion) {
    }

    /** A deployment as process owners and auditors see it: its name, who deployed it (null: the application) and when. */
    public record Deployed(String deploymentId, String name, String deployedBy, Instant deployedAt) {
    }

    public record Report(List<OwnerVersion> ownerVersions, List<ClasspathDeployment.Superseded> supersededAtStartUp) {
    }

    private final RepositoryService repository;
    private final HistoryService history;
    private final IdentityService identity;
    private final ClasspathDeployment classpath;

    DeploymentDrift(RepositoryService repository, HistoryService history, IdentityService identity,
            ClasspathDeployment classpath) {
        this.repository = repository;
        this.history = history;
        this.identity = identity;
        this.classpath = classpath;
    }

    public Report report() {
        // a fixed report for whoever may open the page (SecurityConfig), not filtered by their engine grants
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return new Report(ownerVersions(), classpath.superseded());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private List<OwnerVersion> ownerVersions() {
        Set<String> release = repository.createDeploymentQuery().deploymentName(classpath.deploymentName()).list()
                .stream().map(Deployment::getId).collect(Collectors.toSet());
        Map<String, Deployment> deployments = new HashMap<>();
        List<OwnerVersion> drift = new ArrayList<>();
        for (var definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            if (!release.contains(definition.getDeploymentId())) {
                Integer releaseVersion = repository.createProcessDefinitionQuery()
                        .processDefinitionKey(definition.getKey()).list().stream()
                        .filter(d -> release.contains(d.getDeploymentId())).map(d -> d.getVersion())
                        .max(Integer::compare).orElse(null);
                drift.add(ownerVersion(definition.getKey(), "process", definition.getVersion(),
                        definition.getDeploymentId(), releaseVersion, deployments));
            }
        }
        for (var definition : repository.createDecisionDefinitionQuery().latestVersion().list()) {
            if (!release.contains(definition.getDeploymentId())) {
                Integer releaseVersion = repository.createDecisionDefinitionQuery()
                        .decisionDefinitionKey(definition.getKey()).list().stream()
                        .filter(d -> release.contains(d.getDeploymentId())).map(d -> d.getVersion())
                        .max(Integer::compare).orElse(null);
                drift.add(ownerVersion(definition.getKey(), "decision", definition.getVersion(),
                        definition.getDeploymentId(), releaseVersion, deployments));
            }
        }
        drift.sort(Comparator.comparing(OwnerVersion::key));
        return drift;
    }

    private OwnerVersion ownerVersion(String key, String type, int version, String deploymentId,
            Integer releaseVersion, Map<String, Deployment> deployments) {
        Deployed deployed = deployed(deployments.computeIfAbsent(deploymentId,
                id -> repository.createDeploymentQuery().deploymentId(id).singleResult()));
        return new OwnerVersion(key, type, version, deployed.name(), deployed.deployedBy(), deployed.deployedAt(),
                releaseVersion);
    }

    /** Who deployed a deployment and when; the caller reads as the engine (no user), as {@link #report} does. */
    public Deployed deployed(Deployment deployment) {
        String by = history.createUserOperationLogQuery().deploymentId(deployment.getId())
                .entityType(EntityTypes.DEPLOYMENT).operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                .list().stream().map(UserOperationLogEntry::getUserId).filter(u -> u != null).findFirst().orElse(null);
        return new Deployed(deployment.getId(), deployment.getName(), by,
                deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant());
    }
}
