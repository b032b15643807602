package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import uk.putitright.letters.LetterType;
import uk.putitright.process.ProcessTestSupport;

/** A Stage 1 or Stage 2 response cannot be sent without findings and an outcome: the letter gives both. */
class ResponseDecisionRuleTest extends ProcessTestSupport {

    @Test
    void aStage1ResponseNeedsFindingsAndAnOutcome() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("housing-plus", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        String investigate = task(ref, "Task_InvestigateComplaint").getId();

        assertThatThrownBy(() -> tasks.complete(investigate, Map.of("stage1Decision", "RESPOND")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Write your findings");
        assertThatThrownBy(() -> tasks.complete(investigate, Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "  ", "stage1Outcome", "UPHELD")))
                .hasMessageContaining("Write your findings");
        assertThatThrownBy(() -> tasks.complete(investigate, Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was never ordered.")))
                .hasMessageContaining("Choose the outcome");
        assertThatThrownBy(() -> tasks.complete(investigate, Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was never ordered.", "stage1Outcome", "MAYBE")))
                .hasMessageContaining("Choose the outcome");
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
        assertThat(lettersOf(ref)).doesNotContain(LetterType.STAGE_1_RESPONSE);

        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was never ordered.", "stage1Outcome", "UPHELD"));
        assertThat(lettersOf(ref)).contains(LetterType.STAGE_1_RESPONSE);
    }

    @Test
    void anExtendedInvestigationNeedsFindingsAndAnOutcomeToo() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("housing-plus", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "EXTEND",
                "extensionReason", "A specialist survey is booked.", "extendedResponseBy", "2027-01-12"));
        String extended = task(ref, "Task_CompleteExtendedInvestigation").getId();

        assertThatThrownBy(() -> tasks.complete(extended, Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Write your findings");
        assertThatThrownBy(() -> tasks.complete(extended, Map.of("stage1Findings", "The survey found rising damp.")))
                .hasMessageContaining("Choose the outcome");

        complete(ref, "Task_CompleteExtendedInvestigation", Map.of("stage1Findings", "The survey found rising damp.",
                "stage1Outcome", "NOT_UPHELD"));
        assertThat(lettersOf(ref)).contains(LetterType.EXTENSION_NOTICE, LetterType.STAGE_1_RESPONSE);
    }

    @Test
    void aStage2ResponseNeedsFindingsAndAnOutcome() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("emh", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED", "putItRightAction", "Called."));
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "PARTLY_UPHELD"));
        send(ref, uk.putitright.process.CustomerMessage.ESCALATE);
        complete(ref, "Task_AcknowledgeStage2", Map.of("stage2Reason", "Still broken."));
        String review = task(ref, "Task_ReviewComplaint").getId();

        assertThatThrownBy(() -> tasks.complete(review, Map.of("stage2Decision", "RESPOND",
                "stage2Outcome", "UPHELD")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Stage 2");
        assertThatThrownBy(() -> tasks.complete(review, Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "The follow-up visit was never booked.")))
                .hasMessageContaining("Choose the outcome");

        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "The follow-up visit was never booked.", "stage2Outcome", "UPHELD"));
        assertThat(lettersOf(ref)).contains(LetterType.STAGE_2_FINAL_RESPONSE);
    }
}
