package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.process.ProcessTestSupport;

/** What Tasklist users meet beyond the BPMN: case context, notes kept out of the engine, four eyes, refused completions. */
class TaskFormRulesTest extends ProcessTestSupport {

    @Autowired ComplaintNoteRepository notes;

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void everyTaskShowsTheCaseAndWhatWasWrittenIsKeptAsANoteNotAsAProcessVariable() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        Task acknowledge = task(ref, "Task_AcknowledgeComplaint");
        // what Tasklist fills the Camunda Form from (GET /task/{id}/form-variables)
        assertThat(forms.getTaskFormVariables(acknowledge.getId())).containsEntry("customerName", "Alex Customer")
                .containsEntry("stageLabel", "New complaint")
                .containsEntry("complaintSummary", "The boiler has not been repaired after three visits.")
                // the policy outputs the task's form names (formShowsPolicy): Chorus Homes acknowledges in 2 days
                .containsEntry("acknowledgeWorkingDays", 2)
                .doesNotContainKey("stage1ResponseWorkingDays");
        // the form key look-up (GET /task/{id}/form) names the form and does not read the case
        TaskFormData keyOnly = forms.getTaskFormData(acknowledge.getId());
        assertThat(keyOnly.getCamundaFormRef().getKey()).isEqualTo("form-acknowledge-complaint");
        assertThat(keyOnly.getFormFields()).extracting(FormField::getId).doesNotContain("customerName");
        // read from our tables when the form opens: the engine holds no copy
        assertThat(tasks.getVariablesLocal(acknowledge.getId())).isEmpty();
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instancesOf(ref))
                .variableName("customerName").count()).isZero();
        // the case handed to someone else while the task is open: the form shows who has it now
        if (identity.createUserQuery().userId("sm.rivers").count() == 0) {
            var rivers = identity.newUser("sm.rivers");
            rivers.setFirstName("Sam");
            rivers.setLastName("Rivers");
            identity.saveUser(rivers);
        }
        var complaint = complaint(ref);
        complaint.assignCaseHandler("sm.rivers");
        complaints.save(complaint);
        assertThat(forms.getTaskFormVariables(acknowledge.getId())).containsEntry("caseHandlerName", "Sam Rivers");
        assertThat(runtime.getVariable(mainProcess(ref).getId(), "reference")).isEqualTo(ref);
        complete(ref, "Task_AcknowledgeComplaint");

        ensureUser("sm.notes", "service-managers");
        identity.setAuthentication("sm.notes", List.of("service-managers"));
        tasks.complete(task(ref, "Task_PutItRight").getId(), Map.of("putItRightOutcome", "UNRESOLVED",
                "putItRightAction", "Booked a second engineer visit."));
        identity.clearAuthentication();
        executeDueJobs();

        List<ComplaintNote> written = notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint(ref).getId());
        assertThat(written).extracting(ComplaintNote::getField, ComplaintNote::getBody, ComplaintNote::getAuthor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("putItRightAction",
                        "Booked a second engineer visit.", "sm.notes"));
        String[] instances = instancesOf(ref);
        assertThat(instances).hasSizeGreaterThanOrEqualTo(3); // complaint, put-it-right, stage-1
        // kept as a note only, not as a process variable
        assertThat(runtime.getVariables(mainProcess(ref).getId())).doesNotContainKey("putItRightAction");
        assertThat(runtime.getVariables(childProcess(ref, "stage-1").getId())).doesNotContainKey("putItRightAction");
        // personal data and free text never reach the engine's history
        for (String name : List.of("putItRightAction", "customerName", "complaintSummary")) {
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances)
                    .variableName(name).count()).as(name).isZero();
            for (String instance : instances) {
                assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list())
                        .noneMatch(d -> name.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                                .getVariableName()));
            }
        }
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances)
                .variableName("putItRightOutcome").count()).as("decisions stay in history").isPositive();
        // the next task shows the earlier finding
        Task investigate = task(ref, "Task_InvestigateComplaint");
        assertThat(forms.getTaskFormVariables(investigate.getId()))
                .containsEntry("putItRightAction", "Booked a second engineer visit.")
                .containsEntry("stageLabel", "Stage 1")
                .containsEntry("stage1ResponseWorkingDays", 10)
                .containsEntry("stage1ExtensionMaxWorkingDays", 10);
    }

    @Test
    void anExtensionOutsideThePolicyIsRefusedWhenTheTaskIsCompleted() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        String investigate = task(ref, "Task_InvestigateComplaint").getId();

        assertThatThrownBy(() -> tasks.complete(investigate, Map.of("stage1Decision", "EXTEND",
                "extensionReason", "Waiting for a survey", "extendedResponseBy", "2027-06-30")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("at most 10 more working days");
        assertThatThrownBy(() -> tasks.complete(investigate, Map.of("stage1Decision", "EXTEND",
                "extensionReason", "", "extendedResponseBy", "2027-01-12")))
                .hasMessageContaining("needs a reason");
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instancesOf(ref))
                .variableName("stage1Decision").count()).isZero();
    }

    @Test
    void whoeverWroteTheStage2ResponseCannotSignItOff() {
        ensureUser("sao.one", "senior-advocacy");
        ensureUser("sao.one", "directors"); // an acting director who also reviews
        ensureUser("dir.two", "directors");
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("housing-plus", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        send(ref, uk.putitright.process.CustomerMessage.ESCALATE);
        complete(ref, "Task_AcknowledgeStage2");
        identity.setAuthentication("sao.one", List.of("senior-advocacy", "directors"));
        tasks.complete(task(ref, "Task_ReviewComplaint").getId(), Map.of("stage2Decision", "RESPOND",
                "stage2Findings", "Repairs were late; we apologise.", "stage2Outcome", "UPHELD"));
        identity.clearAuthentication();
        executeDueJobs();

        String signOff = task(ref, "Task_SignOffStage2Response").getId();
        assertThatThrownBy(() -> tasks.claim(signOff, "sao.one")).hasMessageContaining("Four-eyes rule");
        identity.setAuthentication("sao.one", List.of("senior-advocacy", "directors"));
        assertThatThrownBy(() -> tasks.complete(signOff, Map.of("signOffApproved", true)))
                .hasMessageContaining("Four-eyes rule");
        identity.setAuthentication("dir.two", List.of("directors"));
        assertThatThrownBy(() -> tasks.complete(signOff, Map.of("signOffApproved", false)))
                .hasMessageContaining("Say what must change");
        tasks.claim(signOff, "dir.two");
        tasks.complete(signOff, Map.of("signOffApproved", true));
        identity.clearAuthentication();
        executeDueJobs();
        assertThat(complaint(ref).getClosureReason()).isEqualTo(uk.putitright.complaint.ClosureReason.FINAL_RESPONSE);
    }

    /** Every process instance, running or ended, of the complaint (main, stages, reviews). */
    private String[] instancesOf(String ref) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
                .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toArray(String[]::new);
    }
}
