package uk.putitright.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The application's own deployment of processes/ and forms/ at start-up, in place of the Spring starter's.
 * The starter redeploys every file when any one changed, so a release silently put back the jar's version of
 * a model or policy a process owner had since deployed from Modeler. Here each file is compared with the
 * application's previous deployment of it (deploy-changed-only), so:
 * <ul>
 *   <li>a file the release did not change is not deployed again, and a process owner's newer version of it
 *       stays the latest;</li>
 *   <li>a file the release changed is deployed (the release's code may need it); if a process owner's version
 *       was the latest, that is logged as a warning and listed for process owners ({@link DeploymentDrift}),
 *       so they can apply their change again on top of the release's.</li>
 * </ul>
 */
@Component
public class ClasspathDeployment extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(ClasspathDeployment.class);

    /** A process owner's version that a release replaced at start-up. */
    public record Superseded(String key, int ownerVersion, String ownerDeploymentId, String ownerDeploymentName,
            int releaseVersion) {
    }

    private Resource[] resources = new Resource[0];
    private String name = "SpringAutoDeployment";
    private final List<Superseded> superseded = new CopyOnWriteArrayList<>();
    private Map<String, byte[]> releaseFiles = Map.of();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringTransactionsProcessEngineConfiguration spring
                && spring.getDeploymentResources() != null) {
            resources = spring.getDeploymentResources();
            if (spring.getDeploymentName() != null) {
                name = spring.getDeploymentName();
            }
            // ours instead (postProcessEngineBuild), file by file
            spring.setDeploymentResources(new Resource[0]);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (resources.length > 0) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Resource resource : resources) {
                try {
                    files.put(resourceName(resource), resource.getContentAsByteArray());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + resource, e);
                }
            }
            releaseFiles = Map.copyOf(files);
            deploy(engine, files);
        }
    }

    /** The files of this release as deployed at start-up (name to content). */
    public Map<String, byte[]> releaseFiles() {
        return releaseFiles;
    }

    /** The name every deployment of the application's own files carries. */
    public String deploymentName() {
        return name;
    }

    /** What the release replaced at the last start-up. */
    public List<Superseded> superseded() {
        return List.copyOf(superseded);
    }

    /**
     * Deploys the files (name to content) that changed since the application's previous deployment of them;
     * returns the process owners' versions this replaced. Public for the restart tests, which deploy a
     * "new release" this way.
     */
    public List<Superseded> deploy(ProcessEngine engine, Map<String, byte[]> files) {
        RepositoryService repository = engine.getRepositoryService();
        Map<String, Latest> before = latest(repository);
        DeploymentBuilder deployment = repository.createDeployment().name(name).source("process application")
                .enableDuplicateFiltering(true);
        files.forEach((file, content) -> deployment.addInputStream(file, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        List<Superseded> replaced = new ArrayList<>();
        Map<String, Latest> after = latest(repository);
        for (var now : after.entrySet()) {
            Latest earlier = before.get(now.getKey());
            if (now.getValue().deploymentId().equals(deployed.getId()) && earlier != null
                    && !name.equals(earlier.deploymentName())) {
                replaced.add(new Superseded(now.getKey(), earlier.version(), earlier.deploymentId(),
                        earlier.deploymentName(), now.getValue().version()));
            }
        }
        for (Superseded s : replaced) {
            LOG.warn("This release changed {} and its version {} is now the latest: it replaces version {}, which a "
                    + "process owner deployed as \"{}\" (deployment {}). Apply the process owner's change again in "
                    + "Modeler if it is still wanted.", s.key(), s.releaseVersion(), s.ownerVersion(),
                    s.ownerDeploymentName(), s.ownerDeploymentId());
        }
        for (var now : after.entrySet()) {
            if (!name.equals(now.getValue().deploymentName())) {
                LOG.info("{}: the latest version {} is a process owner's (\"{}\"), not this release's; the release "
                        + "did not change it, so it stays", now.getKey(), now.getValue().version(),
                        now.getValue().deploymentName());
            }
        }
        superseded.addAll(replaced);
        return replaced;
    }

    private record Latest(int version, String deploymentId, String deploymentName) {
    }

    /** The latest version of every process and decision, by key. */
    private static Map<String, Latest> latest(RepositoryService repository) {
        Map<String, String> deploymentNames = new HashMap<>();
        Map<String, Latest> latest = new HashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().list().forEach(definition -> latest.put(
                definition.getKey(), new Latest(definition.getVersion(), definition.getDeploymentId(),
                        deploymentNames.computeIfAbsent(definition.getDeploymentId(), id -> deploymentName(repository, id)))));
        repository.createDecisionDefinitionQuery().latestVersion().list().forEach(definition -> latest.put(
                definition.getKey(), new Latest(definition.getVersion(), definition.getDeploymentId(),
                        deploymentNames.computeIfAbsent(definition.getDeploymentId(), id -> deploymentName(repository, id)))));
        return latest;
    }

    private static String deploymentName(RepositoryService repository, String deploymentId) {
        var deployment = repository.createDeploymentQuery().deploymentId(deploymentId).singleResult();
        return deployment == null || deployment.getName() == null ? "" : deployment.getName();
    }

    /**
     * The name the Spring starter gave the file, so a file deployed by earlier releases compares equal: its
     * path within a context, else its absolute path on disk, else (inside the jar) its file name.
     */
    private static String resourceName(Resource resource) {
        if (resource instanceof org.springframework.core.io.ContextResource context) {
            return context.getPathWithinContext();
        }
        try {
            return resource.getFile().getAbsolutePath();
        } catch (IOException insideJar) {
            return resource.getFilename();
        }
    }
}
