package uk.putitright.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine work the application does on a member of staff's behalf, with the application's rights: reading
 * staff names for letters and forms, passing a customer's message to whichever process waits for it. Who may
 * ask is decided before (SecurityConfig per endpoint); the caller stays the author in the engine's user
 * operation log, only the engine's authorization checks are off, and only for this work.
 */
@Component
public class SystemRights {

    private final ProcessEngineConfigurationImpl engine;

    SystemRights(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    /** Runs in the caller's transaction (or command, when called from a step), checks restored afterwards. */
    public <T> T run(Supplier<T> work) {
        return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work::get));
    }
}
