package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import uk.putitright.TestStaff;

/**
 * Versions a process owner deploys as Modeler would (source "Camunda Modeler", under the owner's login, through
 * the engine's own checks), removed again newest first after the test, so each removal makes the version before
 * it the latest again. Also the models of processes/ as text, and the change a test makes to one.
 */
public final class OwnerDeployments {

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final String owner;
    private final List<String> deployments = new ArrayList<>();

    public OwnerDeployments(ProcessEngine engine, String owner) {
        this.engine = engine;
        this.identity = engine.getIdentityService();
        this.owner = owner;
        TestStaff.ensure(identity, owner, owner, "process-owners");
    }

    /** Deploys one resource as the process owner, named like Modeler names it. */
    public DeploymentWithDefinitions deploy(String name, String resourceName, String content) {
        identity.setAuthentication(owner, List.of("process-owners"));
        try {
            DeploymentWithDefinitions deployment = engine.getRepositoryService().createDeployment().name(name)
                    .source("Camunda Modeler").addString(resourceName, content).deployWithResult();
            deployments.add(deployment.getId());
            return deployment;
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Deploys a process model and returns its new version. */
    public int deployProcess(String processKey, String model) {
        return deploy(processKey, processKey + ".bpmn", model).getDeployedProcessDefinitions().get(0).getVersion();
    }

    /** Remembers a deployment made another way (a release), to remove it with the owner's. */
    public void track(String deploymentId) {
        deployments.add(deploymentId);
    }

    /** Removes every deployment of the test, newest first. */
    public void removeAll() {
        identity.clearAuthentication();
        for (int i = deployments.size() - 1; i >= 0; i--) {
            engine.getRepositoryService().deleteDeployment(deployments.get(i), true);
        }
        deployments.clear();
    }

    /** A model of the release (processes/{fileName}) as text. */
    public static String classpathModel(String fileName) {
        try {
            return new String(new PathMatchingResourcePatternResolver().getResource("classpath:processes/" + fileName)
                    .getContentAsByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The model with a user task put on a sequence flow: the flow now ends at the task, and a new flow leads
     * from the task to where the flow went (form log-comment, bound latest; no layout: the engine needs none).
     */
    public static String withUserTaskOn(String model, String flowId, String taskId, String taskName,
            String candidateGroups) {
        Matcher flow = Pattern.compile("<bpmn:sequenceFlow id=\"" + Pattern.quote(flowId)
                + "\"([^>]*?) targetRef=\"([^\"]+)\"([^>]*?)(/?)>").matcher(model);
        assertThat(flow.find()).as("sequence flow %s", flowId).isTrue();
        String target = flow.group(2);
        String changed = model.substring(0, flow.start())
                + "<bpmn:sequenceFlow id=\"" + flowId + "\"" + flow.group(1) + " targetRef=\"" + taskId + "\""
                + flow.group(3) + flow.group(4) + ">" + model.substring(flow.end());
        String task = "<bpmn:userTask id=\"" + taskId + "\" name=\"" + taskName + "\" camunda:candidateGroups=\""
                + candidateGroups + "\" camunda:formRef=\"form-log-comment\" camunda:formRefBinding=\"latest\">"
                + "<bpmn:incoming>" + flowId + "</bpmn:incoming><bpmn:outgoing>Flow_" + taskId + "Done</bpmn:outgoing>"
                + "</bpmn:userTask><bpmn:sequenceFlow id=\"Flow_" + taskId + "Done\" sourceRef=\"" + taskId
                + "\" targetRef=\"" + target + "\" />";
        int processEnd = changed.indexOf("</bpmn:process>");
        return changed.substring(0, processEnd) + task + changed.substring(processEnd);
    }
}
