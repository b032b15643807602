package uk.putitright.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import uk.putitright.complaint.Stage;

/** Which user tasks send a Stage 1 or Stage 2 response (answering straight away, or after an extension). */
public final class ResponseTasks {

    private ResponseTasks() {
    }

    /** The stage a completing task answers, empty when it is not (or not this time) a response. */
    public static Optional<Stage> answeredStage(DelegateTask task) {
        return TaskRole.of(task).map(role -> switch (role) {
            case STAGE_1_INVESTIGATION -> "RESPOND".equals(task.getVariable("stage1Decision")) ? Stage.STAGE_1 : null;
            case STAGE_2_REVIEW -> "RESPOND".equals(task.getVariable("stage2Decision")) ? Stage.STAGE_2 : null;
            case STAGE_1_EXTENDED_RESPONSE -> Stage.STAGE_1;
            case STAGE_2_EXTENDED_RESPONSE -> Stage.STAGE_2;
            default -> null;
        });
    }
}
