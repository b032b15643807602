package uk.putitright.tasklist;

import java.lang.reflect.Field;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AddGroupIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may hand a task to whom, and who may comment on it, when a logged-in user asks (Tasklist, the engine REST
 * API; the process's own assignments and the steps' code are not checked):
 * <ul>
 * <li>a task is assigned, delegated, claimed for, owned by or offered to (candidate user) only a member of one
 *     of its candidate groups: whoever holds a task reads its case;</li>
 * <li>only an administrator offers a task to another group;</li>
 * <li>a comment needs the right to work the task, so auditors, who read tasks, add nothing to them.</li>
 * </ul>
 * Checked before the command runs, so a refusal is the engine's AuthorizationException (HTTP 403) and nothing
 * changes. The engine's assignment commands keep what they are given in protected fields, read here.
 */
class TaskChangeRules extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.getAuthentication() != null && context.isAuthorizationCheckEnabled()) {
            check(command, context);
        }
        return next.execute(command);
    }

    private static void check(Command<?> command, CommandContext context) {
        if (command instanceof AddGroupIdentityLinkCmd) {
            requireAdministrator(context, "Only an administrator offers a task to another group");
        } else if (command instanceof AbstractAddIdentityLinkCmd link) {
            checkHolderOf(context, field(link, AbstractSetTaskPropertyCmd.class, "taskId"),
                    field(link, AbstractAddIdentityLinkCmd.class, "userId"));
        } else if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd) {
            checkHolderOf(context, field(command, command.getClass(), "taskId"),
                    field(command, command.getClass(), "userId"));
        } else if (command instanceof SaveTaskCmd save) {
            TaskEntity changed = field(save, SaveTaskCmd.class, "task");
            TaskEntity stored = changed == null || changed.getId() == null ? null
                    : context.getTaskManager().findTaskById(changed.getId());
            if (stored != null && stored != changed) {
                if (!Objects.equals(stored.getAssignee(), changed.getAssignee())) {
                    checkHolder(context, stored, changed.getAssignee());
                }
                if (!Objects.equals(stored.getOwner(), changed.getOwner())) {
                    checkHolder(context, stored, changed.getOwner());
                }
            }
        } else if (command instanceof AddCommentCmd comment) {
            String taskId = field(comment, AddCommentCmd.class, "taskId");
            if (taskId == null) {
                requireAdministrator(context, "Only an administrator comments on a process instance");
            } else if (!mayWork(context, taskId)) {
                throw new AuthorizationException(context.getAuthenticatedUserId()
                        + " may not comment on task " + taskId + ": only who may work it");
            }
        }
    }

    private static void checkHolderOf(CommandContext context, String taskId, String userId) {
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task != null) {
            checkHolder(context, task, userId);
        }
    }

    private static void checkHolder(CommandContext context, TaskEntity task, String userId) {
        if (userId == null) {
            return;
        }
        Set<String> candidateGroups = task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).collect(Collectors.toSet());
        boolean candidateUser = task.getIdentityLinks().stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
        boolean member = candidateUser || context.runWithoutAuthorization(() ->
                context.getReadOnlyIdentityProvider().createGroupQuery(context).groupMember(userId).list().stream()
                        .map(Group::getId).anyMatch(candidateGroups::contains));
        if (!member) {
            throw new AuthorizationException("Task " + task.getId() + " goes only to a member of "
                    + String.join(", ", candidateGroups.stream().sorted().toList()) + "; " + userId + " is not one");
        }
    }

    private static boolean mayWork(CommandContext context, String taskId) {
        AuthorizationManager authorizations = context.getAuthorizationManager();
        return authorizations.isCamundaAdmin(context.getAuthentication())
                || authorizations.isAuthorized(TaskPermissions.TASK_WORK, Resources.TASK, taskId)
                || authorizations.isAuthorized(Permissions.UPDATE, Resources.TASK, taskId);
    }

    private static void requireAdministrator(CommandContext context, String message) {
        if (!context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
            throw new AuthorizationException(message);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(Object command, Class<?> declaring, String name) {
        try {
            Field field = declaring.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(command);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Camunda's " + declaring.getSimpleName() + " has no field " + name, e);
        }
    }
}
