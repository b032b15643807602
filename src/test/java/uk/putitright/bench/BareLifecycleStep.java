package uk.putitright.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The baseline's service tasks: does nothing, so the bare lifecycle costs only what the engine itself does.
 * Registered as the Spring bean {@code bareLifecycleStep} by the benchmark only (never in the application).
 */
final class BareLifecycleStep implements JavaDelegate {

    static final String BEAN_NAME = "bareLifecycleStep";

    @Override
    public void execute(DelegateExecution execution) {
        // intentionally empty
    }
}
