package uk.putitright.cases;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads the engine as the engine itself: a reader's Camunda authorizations cover only their own group's tasks,
 * while a case shows every team's work on it. The HTTP layer and {@link CaseAccess} have checked the reader.
 */
final class EngineReads {

    private EngineReads() {
    }

    static <T> T asEngine(IdentityService identity, Supplier<T> read) {
        Authentication current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (current != null) {
                identity.setAuthentication(current);
            }
        }
    }
}
