package uk.putitright.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives one process instance tree (a main instance and the instances its call activities started, found by
 * their root instance) with the job executor off, as the process tests do: executes its due jobs in the calling
 * thread, completes its user tasks and fires a timer on request. Instances started by messages
 * (letter-delivery) are roots of their own, so their jobs are left alone. Product and baseline use this same
 * driver.
 */
final class LifecycleDriver {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final Map<String, String> activityByJobDefinition = new ConcurrentHashMap<>();

    LifecycleDriver(RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Executes the tree's due jobs, and the jobs they create, until none is due. */
    void runDueJobs(String mainInstanceId, StepTimes times) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().rootProcessInstanceId(mainInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                execute(job, times);
            }
        }
        throw new IllegalStateException("jobs of " + mainInstanceId + " keep creating due jobs");
    }

    /** Completes the tree's one open user task, which must be the expected one. */
    void complete(String mainInstanceId, String taskDefinitionKey, Map<String, Object> variables, StepTimes times) {
        List<String> tree = instanceTree(mainInstanceId);
        List<Task> open = tasks.createTaskQuery().processInstanceIdIn(tree.toArray(String[]::new)).list();
        if (open.size() != 1 || !taskDefinitionKey.equals(open.get(0).getTaskDefinitionKey())) {
            throw new IllegalStateException("expected only task " + taskDefinitionKey + " open in " + mainInstanceId
                    + " but found " + open.stream().map(Task::getTaskDefinitionKey).toList());
        }
        long start = System.nanoTime();
        tasks.complete(open.get(0).getId(), variables);
        times.record("complete " + taskDefinitionKey, System.nanoTime() - start);
        times.taskCompletions++;
    }

    /** Fires the main instance's timer now (it is not due yet), as if its time had come. */
    void fireTimer(String mainInstanceId, String timerActivityId, StepTimes times) {
        Job timer = management.createJobQuery().processInstanceId(mainInstanceId).timers()
                .activityId(timerActivityId).singleResult();
        if (timer == null) {
            throw new IllegalStateException("no timer " + timerActivityId + " in " + mainInstanceId);
        }
        execute(timer, times);
    }

    boolean ended(String mainInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(mainInstanceId).count() == 0;
    }

    private void execute(Job job, StepTimes times) {
        long start = System.nanoTime();
        management.executeJob(job.getId());
        times.record("job " + activityOf(job), System.nanoTime() - start);
        times.jobs++;
    }

    /** The job's activity (its definition's, looked up once: the job itself can only tell inside a command). */
    private String activityOf(Job job) {
        return activityByJobDefinition.computeIfAbsent(job.getJobDefinitionId(), id -> {
            JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
            return definition == null ? "?" : definition.getActivityId();
        });
    }

    /**
     * The main instance and the instances its call activities are running now: one indexed query on the root
     * instance, so its cost does not grow with the letter-delivery instances a run leaves behind (the product's
     * steps start them and they are never delivered here).
     */
    private List<String> instanceTree(String mainInstanceId) {
        return runtime.createProcessInstanceQuery().rootProcessInstanceId(mainInstanceId).list().stream()
                .map(ProcessInstance::getId).toList();
    }
}
