package uk.putitright.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;
import uk.putitright.audit.TimelineEntry.Kind;
import uk.putitright.complaint.Complaint;
import uk.putitright.process.TaskRole;

/**
 * The timeline entries the process engine's history holds for one complaint: every process instance of it
 * (the complaint process and its called processes, and the instances started with the reference as business
 * key: letter delivery, breach review, customer requests). The caller runs this without an engine user.
 */
@Component
class ProcessHistoryEntries {

    private final HistoryService history;
    private final RepositoryService repository;

    ProcessHistoryEntries(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /** Whether the activity is the put-it-right task (TaskRole in its model), whose end met the informal deadline. */
    private boolean isPutItRight(HistoricActivityInstance activity) {
        if (!"userTask".equals(activity.getActivityType())) {
            return false;
        }
        BaseElement element = repository.getBpmnModelInstance(activity.getProcessDefinitionId())
                .getModelElementById(activity.getActivityId());
        return TaskRole.of(element).orElse(null) == TaskRole.PUT_IT_RIGHT;
    }

    /** The entries, and when the informal stage's task ended (null if it never did). */
    record ProcessHistory(List<TimelineEntry> entries, Instant informalStageEndedAt) {
    }

    ProcessHistory of(Complaint complaint) {
        List<TimelineEntry> entries = new ArrayList<>();
        Instant informalStageEndedAt = null;
        for (HistoricProcessInstance instance : instancesOf(complaint)) {
            String processId = instance.getId();
            entries.add(TimelineEntry.at(instant(instance.getStartTime()), Kind.VERSION, "Process "
                            + instance.getProcessDefinitionKey() + " version " + instance.getProcessDefinitionVersion())
                    .detail("process definition " + instance.getProcessDefinitionId()).process(processId).build());
            Map<String, HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                    .processInstanceId(processId).list().stream()
                    .collect(Collectors.toMap(HistoricTaskInstance::getId, Function.identity()));
            Map<String, String> completedBy = new LinkedHashMap<>();
            entries.addAll(operations(processId, tasks, completedBy));
            for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(processId).orderByHistoricActivityInstanceStartTime().asc()
                    .orderPartiallyByOccurrence().asc().list()) {
                TimelineEntry entry = activityEntry(instance, activity, tasks, completedBy);
                if (entry != null) {
                    entries.add(entry);
                }
                if (activity.getEndTime() != null && !activity.isCanceled() && isPutItRight(activity)) {
                    informalStageEndedAt = instant(activity.getEndTime());
                }
            }
            // a failure in a called process also raises an incident on each calling activity: show the cause only
            history.createHistoricIncidentQuery().processInstanceId(processId).list().stream()
                    .filter(incident -> incident.getCauseIncidentId() == null
                            || incident.getCauseIncidentId().equals(incident.getId()))
                    .forEach(incident -> entries.add(incidentEntry(instance, incident)));
        }
        return new ProcessHistory(entries, informalStageEndedAt);
    }

    /** Every process instance of the complaint, oldest first, each once. */
    private List<HistoricProcessInstance> instancesOf(Complaint complaint) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        Set<String> roots = new LinkedHashSet<>();
        if (complaint.getProcessInstanceId() != null) {
            roots.add(complaint.getProcessInstanceId());
        }
        for (HistoricProcessInstance byKey : history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(complaint.getReference()).list()) {
            found.put(byKey.getId(), byKey);
            roots.add(byKey.getRootProcessInstanceId() != null ? byKey.getRootProcessInstanceId() : byKey.getId());
        }
        for (String root : roots) {
            history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list()
                    .forEach(instance -> found.putIfAbsent(instance.getId(), instance));
        }
        return found.values().stream()
                .sorted(java.util.Comparator.comparing(HistoricProcessInstance::getStartTime)).toList();
    }

    private TimelineEntry activityEntry(HistoricProcessInstance instance, HistoricActivityInstance activity,
                                        Map<String, HistoricTaskInstance> tasks, Map<String, String> completedBy) {
        String type = activity.getActivityType();
        String name = activity.getActivityName();
        boolean gateway = type.toLowerCase(Locale.ROOT).contains("gateway");
        if (type.equals("sequenceFlow") || (gateway && (name == null || name.isBlank()))) {
            return null;
        }
        Kind kind = gateway ? Kind.GATEWAY : kindOf(type);
        String title = name == null || name.isBlank() ? activity.getActivityId() : name;
        TimelineEntry.Builder entry = TimelineEntry.at(instant(activity.getStartTime()), kind, title)
                .ended(instant(activity.getEndTime())).process(instance.getId());
        String where = "in " + instance.getProcessDefinitionKey();
        if (kind == Kind.TASK) {
            HistoricTaskInstance task = activity.getTaskId() == null ? null : tasks.get(activity.getTaskId());
            List<String> groups = task == null ? List.of() : candidateGroups(task.getId());
            String actor = task == null ? null : completedBy.get(task.getId());
            if (actor == null && task != null && task.getEndTime() != null && !activity.isCanceled()) {
                actor = task.getAssignee();
            }
            entry.actor(actor).groups(groups).due(task == null ? null : instant(task.getDueDate()))
                    .detail(where + "; " + taskState(activity, task, actor, groups));
        } else if (activity.isCanceled()) {
            entry.detail(where + "; cancelled");
        } else {
            entry.detail(where);
        }
        return entry.build();
    }

    private static String taskState(HistoricActivityInstance activity, HistoricTaskInstance task, String actor,
                                    List<String> groups) {
        String forWhom = groups.isEmpty() ? "" : "for " + String.join(", ", groups) + "; ";
        if (activity.getEndTime() == null) {
            String assignee = task == null ? null : task.getAssignee();
            return forWhom + "open" + (assignee == null ? ", unassigned" : ", assigned to " + assignee);
        }
        if (activity.isCanceled()) {
            String reason = task == null ? null : task.getDeleteReason();
            return forWhom + "cancelled" + (reason == null || reason.equals("deleted") ? "" : " (" + reason + ")");
        }
        return forWhom + "completed" + (actor == null ? "" : " by " + actor);
    }

    private static Kind kindOf(String activityType) {
        return switch (activityType) {
            case "userTask" -> Kind.TASK;
            case "callActivity", "subProcess" -> Kind.SUBPROCESS;
            case "serviceTask", "sendTask", "scriptTask", "businessRuleTask", "task", "manualTask" -> Kind.STEP;
            case "intermediateTimer", "boundaryTimer", "startTimerEvent" -> Kind.TIMER;
            case "intermediateMessageCatch", "messageStartEvent", "boundaryMessage", "receiveTask",
                 "intermediateMessageThrowEvent", "messageEndEvent" -> Kind.MESSAGE;
            default -> Kind.EVENT;
        };
    }

    private List<String> candidateGroups(String taskId) {
        return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE)
                .operationType("add").list().stream().map(HistoricIdentityLinkLog::getGroupId)
                .filter(Objects::nonNull).distinct().sorted().toList();
    }

    /**
     * Who completed each task (into {@code completedBy}), and an entry for every other operation a user did:
     * claims and assignments, and Cockpit or API interventions (operator and admin categories). The engine
     * writes one log row per changed property; rows of one operation share its operation id.
     */
    private List<TimelineEntry> operations(String processId, Map<String, HistoricTaskInstance> tasks,
                                           Map<String, String> completedBy) {
        Map<String, List<UserOperationLogEntry>> byOperation = history.createUserOperationLogQuery()
                .processInstanceId(processId).orderByTimestamp().asc().list().stream()
                .collect(Collectors.groupingBy(e -> e.getOperationId() != null ? e.getOperationId() : e.getId(),
                        LinkedHashMap::new, Collectors.toList()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (List<UserOperationLogEntry> rows : byOperation.values()) {
            UserOperationLogEntry first = rows.get(0);
            String operation = first.getOperationType();
            String category = first.getCategory();
            // starting a process from a Tasklist start form (a customer's request) is work, not an intervention
            boolean startForm = UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation)
                    && EntityTypes.PROCESS_INSTANCE.equals(first.getEntityType());
            boolean intervention = !startForm && (UserOperationLogEntry.CATEGORY_OPERATOR.equals(category)
                    || UserOperationLogEntry.CATEGORY_ADMIN.equals(category));
            if (!intervention && UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(operation)
                    && first.getTaskId() != null) {
                completedBy.putIfAbsent(first.getTaskId(), first.getUserId());
                continue;
            }
            HistoricTaskInstance task = first.getTaskId() == null ? null : tasks.get(first.getTaskId());
            String title = startForm ? "Started " + first.getProcessDefinitionKey() + " from a start form"
                    : intervention ? "Intervention: " + words(operation)
                    : words(operation) + (task == null ? "" : ": " + task.getName());
            String changes = rows.stream().filter(r -> r.getProperty() != null)
                    .map(r -> r.getProperty() + " " + valueOf(r.getOrgValue()) + " to " + valueOf(r.getNewValue()))
                    .collect(Collectors.joining("; "));
            String detail = (first.getEntityType() == null ? "" : first.getEntityType())
                    + (changes.isEmpty() ? "" : ": " + changes)
                    + (intervention ? " (" + category + ")" : "");
            entries.add(TimelineEntry.at(instant(first.getTimestamp()), intervention ? Kind.INTERVENTION
                            : Kind.TASK_ACTION, title)
                    .actor(first.getUserId()).detail(detail.strip()).process(processId).build());
        }
        return entries;
    }

    private static TimelineEntry incidentEntry(HistoricProcessInstance instance, HistoricIncident incident) {
        String state = incident.isOpen() ? "open" : incident.isResolved() ? "resolved" : "deleted";
        String message = incident.getIncidentMessage() == null ? "no message" : incident.getIncidentMessage();
        return TimelineEntry.at(instant(incident.getCreateTime()), Kind.INCIDENT,
                        "Incident (" + incident.getIncidentType() + ")")
                .ended(instant(incident.getEndTime())).process(instance.getId())
                .detail(state + " at " + incident.getActivityId() + " in " + instance.getProcessDefinitionKey()
                        + ": " + message)
                .build();
    }

    private static String valueOf(String value) {
        return value == null ? "(none)" : value;
    }

    /** "SetJobRetries" -> "Set job retries". */
    static String words(String camelCase) {
        if (camelCase == null || camelCase.isEmpty()) {
            return "Operation";
        }
        String spaced = camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
