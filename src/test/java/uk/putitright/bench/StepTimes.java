package uk.putitright.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts and wall time per step of a lifecycle (job activity, task completion, intake); one per worker thread. */
final class StepTimes {

    /** Count and total nanoseconds of one step. */
    static final class Step {
        long count;
        long nanos;
    }

    private final Map<String, Step> steps = new LinkedHashMap<>();
    long lifecycles;
    long jobs;
    long taskCompletions;
    long allocatedBytes;

    void record(String step, long nanos) {
        Step s = steps.computeIfAbsent(step, key -> new Step());
        s.count++;
        s.nanos += nanos;
    }

    void add(StepTimes other) {
        other.steps.forEach((name, s) -> {
            Step mine = steps.computeIfAbsent(name, key -> new Step());
            mine.count += s.count;
            mine.nanos += s.nanos;
        });
        lifecycles += other.lifecycles;
        jobs += other.jobs;
        taskCompletions += other.taskCompletions;
        allocatedBytes += other.allocatedBytes;
    }

    Map<String, Step> steps() {
        return steps;
    }
}
