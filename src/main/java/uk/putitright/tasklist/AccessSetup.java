package uk.putitright.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.security.StaffGroups;

/**
 * At start-up, if missing: a Camunda group per {@link Role}, what each group may do (authorizations), and
 * the shared Tasklist filters. Tasks themselves are visible to their candidate groups through Camunda's
 * default authorization provider, so a group sees and works only its own tasks.
 */
@Component
class AccessSetup {

    static final String MY_TASKS = "My tasks";
    static final String MY_GROUPS_TASKS = "My group's tasks";
    static final String OVERDUE = "Overdue";
    static final String DUE_SOON = "Due in the next 2 working days";
    static final String STAGE_2 = "Stage 2";

    private static final List<Role> TASK_WORKERS = List.of(Role.CUSTOMER_SERVICE, Role.SERVICE_MANAGERS,
            Role.ADVOCACY, Role.HEADS_OF_SERVICE, Role.SENIOR_ADVOCACY, Role.DIRECTORS, Role.ICP_PANEL,
            Role.OMBUDSMAN_LIAISON, Role.PROCESS_OWNERS);
    private static final List<Role> STAGE_2_ROLES = List.of(Role.HEADS_OF_SERVICE, Role.SENIOR_ADVOCACY,
            Role.DIRECTORS);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final WorkingDays workingDays;

    AccessSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                TaskService tasks, WorkingDays workingDays) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.workingDays = workingDays;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void setUp() {
        createMissingGroups();
        grantRoles();
        administratorsHoldEverything();
        createFilters();
    }

    private void createMissingGroups() {
        for (Role role : Role.values()) {
            if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identity.newGroup(role.groupId());
                group.setName(role.displayName());
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
        }
    }

    /** A role's grant on one resource; a role's grants on a resource id are merged. */
    private record Grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    }

    /**
     * Every role's engine authorizations, the least each needs (ASVS 1.4, 4.1). Nobody but camunda-admin may
     * modify, suspend or delete a process instance, change its variables, delete history or run the history
     * cleanup: those are interventions, written to the engine's user operation log with the admin's id and
     * shown on the complaint's timeline. Customers' messages reach a complaint through our API or the customer
     * request start form, which pass them with the application's rights (process.ComplaintProcess), so no role
     * holds UPDATE_INSTANCE. Tasks are offered to their candidate groups by Camunda's default authorization
     * provider (per task, not here).
     */
    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (Role role : TASK_WORKERS) {
            grants.add(new Grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            // process names and the Reference column in Tasklist; not other groups' tasks (no READ_TASK).
            // Process variables hold no personal data, only ids, enums and dates.
            grants.add(new Grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE));
            grants.add(new Grant(role, Resources.DECISION_DEFINITION, "*", Permissions.READ));
        }
        // the Customer Service Centre logs complaints and records customers' requests with the start forms
        grants.add(new Grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "complaint", Permissions.CREATE_INSTANCE));
        grants.add(new Grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "customer-request",
                Permissions.CREATE_INSTANCE));
        grants.add(new Grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
        // auditors read everything, including history, and change nothing
        grants.add(new Grant(Role.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(Role.AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY));
        grants.add(new Grant(Role.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(Role.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
        grants.add(new Grant(Role.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
        grants.add(new Grant(Role.AUDITORS, Resources.TASK, "*", Permissions.READ));
        grants.add(new Grant(Role.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ));
        grants.add(new Grant(Role.AUDITORS, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ));
        // process owners deploy models, read them with their history and move running complaints to a new
        // version; they delete nothing (a deployment's cascade would take the complaints' history with it)
        grants.add(new Grant(Role.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(new Grant(Role.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ));
        grants.add(new Grant(Role.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.READ_HISTORY,
                Permissions.MIGRATE_INSTANCE));
        grants.add(new Grant(Role.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY));
        grants.add(new Grant(Role.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
        grants.add(new Grant(Role.PROCESS_OWNERS, Resources.BATCH, "*", BatchPermissions.READ,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES));
        return grants;
    }

    /**
     * Resources on which a role group holds exactly the grants above: anything else found there (an older
     * release's wider grants, a hand-made one) is revoked at start-up. On these only the "*" grants are ours;
     * the engine grants single tasks and instances itself.
     */
    private static final List<Resource> ROLE_WIDE = List.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
            Resources.DECISION_DEFINITION, Resources.DECISION_REQUIREMENTS_DEFINITION, Resources.DEPLOYMENT,
            Resources.BATCH, Resources.OPERATION_LOG_CATEGORY);
    private static final List<Resource> STAR_ONLY = List.of(Resources.PROCESS_INSTANCE, Resources.TASK,
            Resources.HISTORIC_TASK, Resources.HISTORIC_PROCESS_INSTANCE);

    private record Target(Role role, Resource resource, String resourceId) {
    }

    private void grantRoles() {
        Map<Target, Set<Permission>> wanted = new LinkedHashMap<>();
        for (Grant grant : grants()) {
            wanted.computeIfAbsent(new Target(grant.role(), grant.resource(), grant.resourceId()),
                    target -> new LinkedHashSet<>()).addAll(List.of(grant.permissions()));
        }
        for (Role role : Role.values()) {
            for (Authorization held : authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
                    .authorizationType(AUTH_TYPE_GRANT).unlimitedList()) {
                boolean ours = ROLE_WIDE.stream().anyMatch(r -> r.resourceType() == held.getResourceType())
                        || "*".equals(held.getResourceId())
                        && STAR_ONLY.stream().anyMatch(r -> r.resourceType() == held.getResourceType());
                if (ours && !wanted.containsKey(new Target(role, ResourceTypeUtil.getResourceByType(held.getResourceType()),
                        held.getResourceId()))) {
                    authorizations.deleteAuthorization(held.getId());
                }
            }
        }
        wanted.forEach((target, permissions) ->
                grantExactly(target.role(), target.resource(), target.resourceId(), permissions.toArray(Permission[]::new)));
    }

    /** The role holds these permissions on the resource, and no others. */
    private void grantExactly(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(role.groupId());
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }

    /**
     * camunda-admin may do anything, as Camunda's first-user setup and admin-user configuration grant; here
     * also on a database set up without either, so "only administrators" always has someone in it.
     */
    private void administratorsHoldEverything() {
        for (Resource resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(StaffGroups.ADMINISTRATORS)
                    .resourceType(resource).resourceId("*").count() == 0) {
                Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                all.setGroupId(StaffGroups.ADMINISTRATORS);
                all.setResource(resource);
                all.setResourceId("*");
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }

    private void createFilters() {
        filter(MY_TASKS, -10, "Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), TASK_WORKERS);
        filter(MY_GROUPS_TASKS, -5, "Unassigned tasks for my groups",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(),
                TASK_WORKERS);
        filter(OVERDUE, 0, "Past their due date",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), TASK_WORKERS);
        filter(DUE_SOON, 5, "Due by the end of the second working day from today", dueSoonQuery(), TASK_WORKERS);
        filter(STAGE_2, 10, "Stage 2 reviews and sign-offs",
                tasks.createTaskQuery().processDefinitionKey("stage-2"), STAGE_2_ROLES);
    }

    /** Filter expressions cannot count working days, so the date is recomputed every working morning. */
    @Scheduled(cron = "0 1 0 * * *", zone = "Europe/London")
    void refreshDueSoon() {
        Filter filter = filters.createFilterQuery().filterName(DUE_SOON).singleResult();
        if (filter != null) {
            filters.saveFilter(filter.setQuery(dueSoonQuery()));
        }
    }

    private TaskQuery dueSoonQuery() {
        return tasks.createTaskQuery().dueAfterExpression("${now()}").dueBefore(workingDays.fromNow(2));
    }

    private void filter(String name, int priority, String description, TaskQuery query, List<Role> sharedWith) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            query.orderByDueDate().asc();
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(Map.of(
                    "description", description,
                    "priority", priority,
                    "refresh", true,
                    "variables", List.of(Map.of("name", "reference", "label", "Reference"))));
            filters.saveFilter(filter);
        }
        for (Role role : sharedWith) {
            grantExactly(role, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
