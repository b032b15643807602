package uk.putitright.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.Outcome;
import uk.putitright.complaint.RootCause;
import uk.putitright.process.CustomerMessage;
import uk.putitright.process.ProcessTestSupport;

/**
 * Learning from complaints: each response records its outcome and root cause on the complaint, and a
 * service improvement it raises becomes an action its owning team completes in Tasklist.
 */
class LearningFromComplaintsTest extends ProcessTestSupport {

    @Autowired ImprovementActionRepository actions;

    @Test
    void aResponseRecordsOutcomeRootCauseAndWorkingDaysAndRaisesAnImprovementAction() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("hoc-2024", null, false);
        clockAt("2026-12-23T10:00");
        complete(ref, "Task_AcknowledgeComplaint");

        clockAt("2027-01-08T10:00");
        Map<String, Object> response = new HashMap<>(Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was ordered three weeks late.", "stage1Outcome", "UPHELD",
                "rootCause", "REPAIR_DELAY", "improvementNeeded", true,
                "improvementAction", "Repairs orders are raised the day the call is logged.",
                "improvementOwner", "service-managers", "improvementDueDate", "2027-03-31"));
        complete(ref, "Task_InvestigateComplaint", response);

        Complaint complaint = complaint(ref);
        assertThat(complaint.getStage1Outcome()).isEqualTo(Outcome.UPHELD);
        assertThat(complaint.getOutcome()).isEqualTo(Outcome.UPHELD);
        assertThat(complaint.getRootCause()).isEqualTo(RootCause.REPAIR_DELAY);
        // Stage 1 from Wed 23 Dec: 24, 29, 30, 31 Dec and 4-8 Jan (25 and 28 Dec, 1 Jan are bank holidays)
        assertThat(complaint.getStage1WorkingDays()).isEqualTo(9);

        List<ImprovementAction> raised = actions.findByComplaintIdOrderByIdAsc(complaint.getId());
        assertThat(raised).singleElement().satisfies(action -> {
            assertThat(action.getDescription()).isEqualTo("Repairs orders are raised the day the call is logged.");
            assertThat(action.getOwnerGroup()).isEqualTo("service-managers");
            assertThat(action.getDueOn()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(action.getStatus()).isEqualTo(ImprovementAction.Status.OPEN);
        });
        Task actionTask = task(ref, "Task_CompleteImprovementAction");
        assertThat(candidateGroupsOf(actionTask)).containsExactly("service-managers");
        assertThat(actionTask.getDueDate()).isEqualTo(Date.from(london("2027-03-31T17:00")));
        // the owning team's form shows what to do and by when, read from our table as it opens
        assertThat(forms.getTaskFormVariables(actionTask.getId()))
                .containsEntry("improvementAction", "Repairs orders are raised the day the call is logged.")
                .containsEntry("improvementDue", "Wednesday 31 March 2027").containsEntry("reference", ref);
        // the improvement's text is kept in our table, not in the engine or its history
        assertThat(tasks.getVariablesLocal(actionTask.getId())).isEmpty();
        assertThat(runtime.getVariable(actionTask.getProcessInstanceId(), "improvementAction")).isNull();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("improvementAction").list()
                .stream().filter(v -> v.getValue() != null)).isEmpty();

        clockAt("2027-02-10T11:00");
        assertThatThrownBy(() -> tasks.complete(actionTask.getId(), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("what was done");
        ensureUser("sm.learning", "service-managers");
        identity.setAuthentication("sm.learning", List.of("service-managers"));
        try {
            tasks.complete(actionTask.getId(), Map.of("improvementCompletionNote",
                    "The call script now raises the order; checked on 40 calls."));
        } finally {
            identity.clearAuthentication();
        }
        ImprovementAction done = actions.findByComplaintIdOrderByIdAsc(complaint.getId()).get(0);
        assertThat(done.getStatus()).isEqualTo(ImprovementAction.Status.DONE);
        assertThat(done.getCompletedBy()).isEqualTo("sm.learning");
        assertThat(done.getCompletedAt()).isEqualTo(london("2027-02-10T11:00"));
        assertThat(done.getCompletionNote()).startsWith("The call script");
    }

    @Test
    void theStage2ResponseGivesTheFinalOutcomeAndAMissingRootCauseStaysEmptyForTheReportToFlag() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("hoc-2024", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was done.", "stage1Outcome", "NOT_UPHELD"));
        assertThat(complaint(ref).getRootCause()).isNull();

        send(ref, CustomerMessage.ESCALATE);
        complete(ref, "Task_AcknowledgeStage2");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "The repair failed again a week later.", "stage2Outcome", "PARTLY_UPHELD",
                "rootCause", "REPAIR_QUALITY"));
        Complaint complaint = complaint(ref);
        assertThat(complaint.getStage1Outcome()).isEqualTo(Outcome.NOT_UPHELD);
        assertThat(complaint.getStage2Outcome()).isEqualTo(Outcome.PARTLY_UPHELD);
        assertThat(complaint.getOutcome()).isEqualTo(Outcome.PARTLY_UPHELD);
        assertThat(complaint.getRootCause()).isEqualTo(RootCause.REPAIR_QUALITY);
        assertThat(complaint.getStage2WorkingDays()).isNotNull();
        assertThat(actions.findByComplaintIdOrderByIdAsc(complaint.getId())).isEmpty();
    }

    @Test
    void anImprovementNeedsAnOwnerAndAFutureDueDate() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("hoc-2024", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        Map<String, Object> response = new HashMap<>(Map.of("stage1Decision", "RESPOND",
                "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD", "rootCause", "REPAIR_DELAY",
                "improvementNeeded", true, "improvementAction", "Order repairs the same day.",
                "improvementOwner", "service-managers", "improvementDueDate", "2026-12-01"));
        String taskId = task(ref, "Task_InvestigateComplaint").getId();
        assertThatThrownBy(() -> tasks.complete(taskId, response)).hasMessageContaining("must be in the future");
        response.put("improvementDueDate", "2027-01-29");
        response.put("improvementOwner", "no-such-team");
        assertThatThrownBy(() -> tasks.complete(taskId, response)).hasMessageContaining("no-such-team");
        response.remove("improvementOwner");
        assertThatThrownBy(() -> tasks.complete(taskId, response)).hasMessageContaining("team that owns it");
        // nothing was recorded by the refused completions
        assertThat(task(ref, "Task_InvestigateComplaint").getId()).isEqualTo(taskId);
        assertThat(actions.findByComplaintIdOrderByIdAsc(complaint(ref).getId())).isEmpty();
        assertThat(complaint(ref).getStage1Outcome()).isNull();
    }
}
