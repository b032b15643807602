package uk.putitright.bench;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The baseline: bench/bare-lifecycle.bpmn (and bare-lifecycle-stage.bpmn, called twice) in the same engine,
 * with the shape of {@link ProductLifecycle}'s path (its jobs, user tasks, call activities and gateways) and
 * no-op service tasks. Started with as many variables as the product starts its complaint process with
 * (caseId, not complaintId: the product's task listeners, which run on every user task, would look that
 * complaint up), and completed with the same form values.
 */
final class BareLifecycle extends Lifecycle {

    static final String PROCESS_KEY = "bare-lifecycle";

    private final RuntimeService runtime;

    BareLifecycle(LifecycleDriver driver, RuntimeService runtime) {
        super("bare", driver, List.of(
                new Completion("Task_AnswerFirst", ACKNOWLEDGED),
                new Completion("Task_AnswerInStage", NOT_PUT_RIGHT),
                new Completion("Task_AnswerInStage", STAGE_1_ANSWERED)),
                "Timer_WindowEnds");
        this.runtime = runtime;
    }

    @Override
    protected String start(long number, StepTimes times) {
        String reference = "BARE-" + number;
        long start = System.nanoTime();
        String main = runtime.startProcessInstanceByKey(PROCESS_KEY, reference, Map.of(
                "caseId", number, "reference", reference, "landlord", ProductLifecycle.LANDLORD,
                "businessLine", "", "hasRepresentative", false)).getId();
        times.record("start: RuntimeService.startProcessInstanceByKey", System.nanoTime() - start);
        return main;
    }

    @Override
    long lettersInOutbox() {
        return 0;
    }
}
