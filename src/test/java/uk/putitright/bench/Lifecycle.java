package uk.putitright.bench;

import java.util.List;
import java.util.Map;

/**
 * One complaint lifecycle, product or baseline, driven the same way: start, run the due jobs, complete three
 * user tasks (running the jobs each completion makes due), fire the window timer, run the last jobs, and
 * check the process has ended.
 */
abstract class Lifecycle {

    /** A user task the lifecycle completes and what the worker's form sends with it. */
    record Completion(String taskDefinitionKey, Map<String, Object> variables) {
    }

    // the same form values for both, so both write the same variables at each completion
    static final Map<String, Object> ACKNOWLEDGED = Map.of();
    static final Map<String, Object> NOT_PUT_RIGHT = Map.of("putItRightOutcome", "UNRESOLVED");
    static final Map<String, Object> STAGE_1_ANSWERED = Map.of("stage1Decision", "RESPOND",
            "stage1Findings", "The boiler repair was late and the visits were missed.", "stage1Outcome", "UPHELD");

    private final String name;
    private final List<Completion> completions;
    private final String closingTimerActivityId;
    protected final LifecycleDriver driver;

    Lifecycle(String name, LifecycleDriver driver, List<Completion> completions, String closingTimerActivityId) {
        this.name = name;
        this.driver = driver;
        this.completions = completions;
        this.closingTimerActivityId = closingTimerActivityId;
    }

    String name() {
        return name;
    }

    /** Starts the lifecycle (one transaction) and returns its main process instance id. */
    protected abstract String start(long number, StepTimes times);

    /** Runs one whole lifecycle in the calling thread. */
    final void run(long number, StepTimes times) {
        String main = start(number, times);
        driver.runDueJobs(main, times);
        for (Completion completion : completions) {
            driver.complete(main, completion.taskDefinitionKey(), completion.variables(), times);
            driver.runDueJobs(main, times);
        }
        driver.fireTimer(main, closingTimerActivityId, times);
        driver.runDueJobs(main, times);
        if (!driver.ended(main)) {
            throw new IllegalStateException(name + " lifecycle " + main + " has not ended");
        }
        times.lifecycles++;
    }

    /** Letters written so far (the outbox), to check a run wrote what it should. */
    abstract long lettersInOutbox();
}
