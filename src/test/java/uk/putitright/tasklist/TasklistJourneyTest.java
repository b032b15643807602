package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;
import uk.putitright.process.ProcessTestSupport;

/**
 * A Chorus Homes complaint from logging to the Stage 2 final response by Tasklist's means only (start forms,
 * claims, completions), each step by a member of the role that owns it, with authorizations on.
 */
class TasklistJourneyTest extends ProcessTestSupport {

    @Autowired RepositoryService repository;

    @BeforeEach
    void staff() {
        ensureUser("cs.journey", "customer-service");
        ensureUser("sm.journey", "service-managers");
        ensureUser("hos.journey", "heads-of-service");
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void eachRoleTakesTheComplaintOneStepFurtherUpToTheFinalResponse() {
        clockAt("2026-11-25T10:00");
        as("cs.journey", "customer-service");
        String ref = forms.submitStartForm(definition("complaint"), Map.of("channel", "PHONE",
                "customerName", "Morgan Tenant", "customerPhone", "01480 333444", "preferredContact", "PHONE",
                "complaintSummary", "The fence blew down in October and is still down.",
                "desiredOutcome", "Fix the fence")).getBusinessKey();
        myComplaints.add(ref);
        work("cs.journey", "customer-service", ref, "Task_AcknowledgeComplaint", Map.of());
        work("sm.journey", "service-managers", ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED",
                "putItRightAction", "Fencing contractor cannot come for six weeks."));
        work("sm.journey", "service-managers", ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was not ordered.", "stage1Outcome", "UPHELD",
                "stage1Remedy", "Fence replaced by 11 December."));
        assertThat(lettersOf(ref)).contains(LetterType.STAGE_1_RESPONSE);

        // the customer phones to ask for a review: customer service records it
        as("cs.journey", "customer-service");
        Map<String, Object> request = new HashMap<>(Map.of("reference", ref, "request", "ESCALATE",
                "stage2Reason", "The fence is still down.", "stage2DesiredOutcome", "Compensation"));
        forms.submitStartForm(definition("customer-request"), request);
        identity.clearAuthentication();
        executeDueJobs();
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_2);
        assertThat(complaint(ref).getStage2Reason()).isEqualTo("The fence is still down.");

        work("hos.journey", "heads-of-service", ref, "Task_AcknowledgeStage2", Map.of());
        work("hos.journey", "heads-of-service", ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "Stage 1 was right; we add £50 for the delay.", "stage2Outcome", "UPHELD"));

        assertThat(lettersOf(ref)).contains(LetterType.STAGE_2_ACKNOWLEDGEMENT, LetterType.STAGE_2_FINAL_RESPONSE);
        assertThat(complaint(ref).getFinalResponseAt()).isNotNull();
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.OMBUDSMAN_WAIT);
        assertThat(complaint(ref).getClosureReason()).isNull();
    }

    @Test
    void aRequestTheComplaintCannotTakeIsRefusedStraightAway() {
        clockAt("2026-11-25T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        as("cs.journey", "customer-service");
        assertThatThrownBy(() -> forms.submitStartForm(definition("customer-request"),
                Map.of("reference", ref, "request", "REQUEST_ICP")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("cannot take");
        assertThatThrownBy(() -> forms.submitStartForm(definition("customer-request"),
                Map.of("reference", "CHG-2026-999999", "request", "WITHDRAW")))
                .hasMessageContaining("No complaint with reference CHG-2026-999999");
        forms.submitStartForm(definition("customer-request"), Map.of("reference", ref, "request", "WITHDRAW"));
        identity.clearAuthentication();
        executeDueJobs();
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.WITHDRAWN);
        assertThat(lettersOf(ref)).containsExactly(LetterType.WITHDRAWAL_CONFIRMATION);
    }

    /** Logs in as the user, claims the task if it is not theirs yet, and completes it. */
    private void work(String user, String group, String ref, String taskKey, Map<String, Object> variables) {
        identity.clearAuthentication();
        executeDueJobs();
        String taskId = task(ref, taskKey).getId();
        as(user, group);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("%s sees %s", user, taskKey).isEqualTo(1);
        if (!user.equals(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())) {
            tasks.claim(taskId, user);
        }
        tasks.complete(taskId, variables);
        identity.clearAuthentication();
        executeDueJobs();
    }

    private String definition(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult()
                .getId();
    }

    private void as(String user, String group) {
        identity.setAuthentication(user, List.of(group));
    }
}
