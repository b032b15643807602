package uk.putitright.tasklist;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;

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

    /** The processes that wait for a customer's messages (uk.putitright.process.CustomerMessage). */
    private static final List<String> CUSTOMER_MESSAGE_RECEIVERS = List.of("complaint", "put-it-right", "stage-1",
            "stage-2", "independent-complaints-panel", "ombudsman-wait");

    private void grantRoles() {
        for (Role role : TASK_WORKERS) {
            grant(role, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // process names and the Reference column in Tasklist; not other groups' tasks (no READ_TASK).
            // Process variables hold no personal data, only ids, enums and dates.
            grant(role, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE);
            grant(role, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        // the Customer Service Centre logs complaints with the start form
        grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "complaint", Permissions.CREATE_INSTANCE);
        // ... and record what customers ask for by phone or letter (escalation, withdrawal, ...)
        grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, "customer-request", Permissions.CREATE_INSTANCE);
        grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // ... also through our API (POST /api/complaints/{ref}/escalation, ...), which passes the message to
        // whichever process waits for it; the Ombudsman liaison team records the Ombudsman's enquiries
        for (String definition : CUSTOMER_MESSAGE_RECEIVERS) {
            grant(Role.CUSTOMER_SERVICE, Resources.PROCESS_DEFINITION, definition, Permissions.UPDATE_INSTANCE);
            grant(Role.OMBUDSMAN_LIAISON, Resources.PROCESS_DEFINITION, definition, Permissions.UPDATE_INSTANCE);
        }
        // auditors read everything, including history, and change nothing
        grant(Role.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Role.AUDITORS, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(Role.AUDITORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(Role.AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(Role.AUDITORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(Role.AUDITORS, Resources.TASK, "*", Permissions.READ);
        grant(Role.AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(Role.AUDITORS, Resources.OPERATION_LOG_CATEGORY, "*",
                org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions.READ);
        // process owners deploy and manage models (as do camunda-admin members)
        grant(Role.PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(Role.PROCESS_OWNERS, Resources.DEPLOYMENT, "*", Permissions.ALL);
        grant(Role.PROCESS_OWNERS, Resources.PROCESS_DEFINITION, "*", Permissions.ALL);
        grant(Role.PROCESS_OWNERS, Resources.DECISION_DEFINITION, "*", Permissions.ALL);
        grant(Role.PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.ALL);
    }

    private void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(role.groupId())
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(role.groupId());
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
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
            grant(role, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
