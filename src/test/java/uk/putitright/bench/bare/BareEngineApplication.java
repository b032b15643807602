package uk.putitright.bench.bare;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The baseline of the load run: Camunda's engine and engine-rest as they come, configured from
 * {@code bare-engine.yaml} (the product's application.yaml is never read), with the same users' groups, the
 * same shared Tasklist filters and the same kind of authorizations as the product sets up, made here with
 * Camunda's API. Run with {@code java -cp <test classpath> uk.putitright.bench.bare.BareEngineApplication
 * --server.port=... --spring.datasource.url=...} (see .ci/load/run-load.sh).
 *
 * <p>Not a {@code @Configuration} and scans nothing: it sits under the product's package, whose component
 * scan must never pick it up (nor it the product's).
 */
@EnableAutoConfiguration
public class BareEngineApplication {

    static final List<String> TASK_WORKERS = List.of("customer-service", "service-managers", "advocacy",
            "heads-of-service", "senior-advocacy", "directors", "icp-panel", "ombudsman-liaison", "auditors");

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareEngineApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "bare-engine"));
        application.run(args);
    }

    /** engine-rest is never anonymous here either: HTTP Basic against the engine's users (Camunda's filter). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        return registration;
    }

    /** Groups, authorizations and filters, if missing (as the product's AccessSetup makes its own). */
    @Bean
    BareAccess bareAccess(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                          TaskService tasks) {
        return new BareAccess(identity, authorizations, filters, tasks);
    }

    record BareAccess(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                      TaskService tasks) {

        @EventListener(ApplicationReadyEvent.class)
        public void setUp() {
            for (String group : TASK_WORKERS) {
                if (identity.createGroupQuery().groupId(group).count() == 0) {
                    var g = identity.newGroup(group);
                    g.setName(group);
                    g.setType("WORKFLOW");
                    identity.saveGroup(g);
                }
                grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                        Permissions.READ_HISTORY);
            }
            grant("customer-service", Resources.PROCESS_DEFINITION, "bare-complaint", Permissions.CREATE_INSTANCE,
                    Permissions.UPDATE_INSTANCE);
            grant("customer-service", Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            grant("auditors", Resources.TASK, "*", Permissions.READ);
            filter("My tasks", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
            filter("My group's tasks", -5,
                    tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
            filter("Overdue", 0, tasks.createTaskQuery().dueBeforeExpression("${now()}"));
            filter("Due in the next 2 working days", 5, tasks.createTaskQuery().dueAfterExpression("${now()}")
                    .dueBefore(new Date(System.currentTimeMillis() + 2 * 86_400_000L)));
            filter("Stage 2", 10, tasks.createTaskQuery().taskDefinitionKeyIn("Task_AcknowledgeStage2",
                    "Task_ReviewComplaint", "Task_SignOffStage2Response"));
        }

        private void filter(String name, int priority, TaskQuery query) {
            Filter filter = filters.createFilterQuery().filterName(name).singleResult();
            if (filter == null) {
                query.orderByDueDate().asc();
                filter = filters.newTaskFilter(name).setQuery(query).setProperties(Map.of("priority", priority,
                        "refresh", true, "variables", List.of(Map.of("name", "reference", "label", "Reference"))));
                filters.saveFilter(filter);
            }
            // shared with the groups that work tasks, as the product's are (not the auditors)
            for (String group : TASK_WORKERS.subList(0, TASK_WORKERS.size() - 1)) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }

        private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
            Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                    .resourceType(resource).resourceId(resourceId).singleResult();
            Authorization authorization = existing != null ? existing
                    : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions) {
                authorization.addPermission(permission);
            }
            authorizations.saveAuthorization(authorization);
        }
    }
}
