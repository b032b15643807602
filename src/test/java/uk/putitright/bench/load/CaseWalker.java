package uk.putitright.bench.load;

import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks one case (a complaint's process tree, product or bare: the same code for both) forward through the
 * engine, as staff and customers would: runs its due jobs, completes its open task with the values its form
 * sends ({@link TaskCompletions}) as a member of the task's group, or, where the case waits for the customer
 * to escalate, escalates it; for a given number of steps. Letter-delivery instances are roots of their own and
 * are left alone.
 */
final class CaseWalker {

    static final String ESCALATE_MESSAGE = "EscalateComplaint";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final List<StaffRoster.Member> staff = StaffRoster.members();

    CaseWalker(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
    }

    /** Takes up to {@code steps} steps; returns how many were taken (fewer where the case ended or waits on time). */
    int walk(String rootInstanceId, String businessKey, int steps, Random random) {
        runDueJobs(rootInstanceId);
        int taken = 0;
        while (taken < steps) {
            List<String> tree = runtime.createProcessInstanceQuery().rootProcessInstanceId(rootInstanceId).list()
                    .stream().map(ProcessInstance::getId).toList();
            if (tree.isEmpty()) {
                break;
            }
            Task task = tasks.createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new)).list().stream()
                    .filter(t -> TaskCompletions.BY_TASK.containsKey(t.getTaskDefinitionKey())).findFirst().orElse(null);
            if (task != null) {
                complete(task, random);
            } else if (tree.stream().anyMatch(id -> runtime.createEventSubscriptionQuery()
                    .eventName(ESCALATE_MESSAGE).processInstanceId(id).count() > 0)) {
                runtime.createMessageCorrelation(ESCALATE_MESSAGE).processInstanceBusinessKey(businessKey).correlate();
            } else {
                break;
            }
            taken++;
            runDueJobs(rootInstanceId);
        }
        return taken;
    }

    /** Completes the task as a member of its group (the assignee where it has one), with that group's rights. */
    private void complete(Task task, Random random) {
        StaffRoster.Member member = staff.stream().filter(m -> m.userId().equals(task.getAssignee())).findFirst()
                .orElse(null);
        if (member == null) {
            String group = tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                    .filter(g -> g != null).findFirst().orElse("customer-service");
            List<StaffRoster.Member> members = staff.stream().filter(m -> m.groupId().equals(group)).toList();
            member = members.isEmpty() ? new StaffRoster.Member("load.generator", group)
                    : members.get(random.nextInt(members.size()));
        }
        identity.setAuthentication(member.userId(), List.of(member.groupId()));
        try {
            tasks.complete(task.getId(), TaskCompletions.BY_TASK.get(task.getTaskDefinitionKey()));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Executes the tree's due jobs, and the jobs they make due, until none is. */
    void runDueJobs(String rootInstanceId) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().rootProcessInstanceId(rootInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("jobs of " + rootInstanceId + " keep making due jobs");
    }
}
