package uk.putitright.bench.load;

import java.util.Map;

/**
 * What a member of staff sends when completing each kind of task, as its Camunda Form would: valid values for
 * every required field of the forms in {@code forms/}. The generator walks complaints forward with these, and
 * the load simulation submits them; the bare engine's twin tasks (same ids, same forms) get the same values.
 * Tasks not listed here are opened but never completed in a run.
 */
public final class TaskCompletions {

    public static final Map<String, Map<String, Object>> BY_TASK = Map.of(
            "Task_AcknowledgeComplaint", Map.of("customerContacted", true,
                    "acknowledgementNote", "Called the customer to talk it through."),
            "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED",
                    "putItRightAction", "Booked a repair visit; the customer wants a formal answer."),
            "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                    "stage1Findings", "The repair was late and two visits were missed.", "stage1Outcome", "UPHELD",
                    "rootCause", "REPAIR_DELAY", "improvementNeeded", false),
            "Task_AcknowledgeStage2", Map.of("stage2Reason", "The Stage 1 remedy did not cover the missed visits."),
            "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                    "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD",
                    "rootCause", "REPAIR_DELAY", "improvementNeeded", false),
            "Task_SignOffStage2Response", Map.of("signOffApproved", true));

    private TaskCompletions() {
    }
}
