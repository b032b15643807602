package uk.putitright.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.process.TaskRole;

/**
 * Checks every deployment made on behalf of a user (engine REST from Modeler, Cockpit, any API) inside the
 * engine, before its parsers see it: a deployer placed in front of the BPMN and DMN deployers, so no route into
 * the engine bypasses it, and it sees exactly the resources the engine will deploy (after Modeler's
 * deploy-changed-only has dropped the unchanged ones). A deployment with no user behind it is the
 * application's own (processes/ at start-up, tests) and is trusted.
 */
@Component
public class DeploymentGate extends AbstractProcessEnginePlugin {

    private static final String STEPS_PACKAGE = "uk.putitright.";
    /** Dates in working days the application sets besides the deadlines: an improvement action's due date. */
    private static final Set<String> OTHER_WORKING_DAY_DATES = Set.of("improvementDueAt");

    private final ApplicationContext context;
    private volatile ModelCheck check;

    DeploymentGate(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, this::gate);
        configuration.setCustomPreDeployers(deployers);
    }

    private void gate(DeploymentEntity deployment) {
        CommandContext command = Context.getCommandContext();
        if (command == null || command.getAuthenticatedUserId() == null) {
            return;
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            resources.put(resource.getName(), resource.getBytes());
        }
        List<ModelProblem> problems = check(resources, command);
        if (!problems.isEmpty()) {
            throw new ModelRefusedException(problems);
        }
    }

    /**
     * Everything wrong with these resources deployed together by a member of staff, compared with what is
     * deployed (read in the given command: the forms there are, the task roles of each latest process).
     */
    public List<ModelProblem> check(Map<String, byte[]> resources, CommandContext command) {
        Predicate<String> formDeployed = id -> command.getCamundaFormDefinitionManager()
                .findLatestDefinitionByKey(id) != null;
        return modelCheck().check(resources, formDeployed, key -> deployedTaskRoles(command, key));
    }

    /** The task roles of the latest deployed version of a process (none if it is new). */
    private static Set<String> deployedTaskRoles(CommandContext command, String processKey) {
        var latest = command.getProcessDefinitionManager().findLatestProcessDefinitionByKey(processKey);
        if (latest == null) {
            return Set.of();
        }
        BpmnModelInstance model = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findBpmnModelInstanceForProcessDefinition(latest.getId());
        Set<String> roles = new TreeSet<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            TaskRole.of(task).ifPresent(role -> roles.add(role.name()));
        }
        return roles;
    }

    /** The bean names of the application's steps: its delegates and listeners. */
    public Set<String> steps() {
        Set<String> steps = new TreeSet<>();
        for (Class<?> type : List.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)) {
            for (String name : context.getBeanNamesForType(type)) {
                Class<?> beanType = context.getType(name);
                if (beanType != null && beanType.getName().startsWith(STEPS_PACKAGE) && !name.contains(".")) {
                    steps.add(name);
                }
            }
        }
        return steps;
    }

    // built on first use: the steps are beans that need the engine this plugin configures
    private ModelCheck modelCheck() {
        ModelCheck current = check;
        if (current == null) {
            Set<String> deadlines = Arrays.stream(DeadlineType.values()).map(DeadlineType::variable)
                    .collect(Collectors.toSet());
            deadlines.addAll(OTHER_WORKING_DAY_DATES);
            current = new ModelCheck(new ExpressionAllowlist(steps(), context::containsBean), deadlines,
                    StepTemplates.fromClasspath());
            check = current;
        }
        return current;
    }
}
