package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.complaint.Complaint;
import uk.putitright.process.FormVariables;
import uk.putitright.process.ProcessTestSupport;

/** Staff log a complaint with Tasklist's "Log a complaint" start form. */
class StartFormIntakeTest extends ProcessTestSupport {

    @Autowired RepositoryService repository;

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    @Test
    void theStartFormStoresTheComplaintInOurTablesAndKeepsPersonalDataOutOfTheEngine() {
        clockAt("2026-12-21T10:00");
        ensureUser("cs.startform", "customer-service");
        identity.setAuthentication("cs.startform", List.of("customer-service"));
        ProcessInstance started = forms.submitStartForm(complaintDefinition(), startForm());
        identity.clearAuthentication();

        String ref = started.getBusinessKey();
        myComplaints.add(ref);
        executeDueJobs();
        assertThat(ref).matches("CHG-2026-\\d{6}");
        Complaint complaint = complaint(ref);
        assertThat(complaint.getCustomer().getName()).isEqualTo("Robin Tenant");
        assertThat(complaint.getCustomer().getEmail()).isEqualTo("robin@example.org");
        assertThat(complaint.getRepresentative().getName()).isEqualTo("Ash Advocate");
        assertThat(complaint.getConsentGiven()).isTrue();
        assertThat(complaint.getSummary()).isEqualTo("Window frames are rotten.");
        assertThat(complaint.getProcessInstanceId()).isEqualTo(started.getId());
        // consent was already confirmed on the phone: straight to the acknowledgement
        assertThat(openTasks(ref)).containsExactly("Task_AcknowledgeComplaint");

        Map<String, Object> variables = runtime.getVariables(started.getId());
        assertThat(variables).containsEntry("complaintId", complaint.getId()).containsEntry("reference", ref)
                .containsEntry("hasRepresentative", false);
        assertThat(variables.keySet()).doesNotContainAnyElementsOf(FormVariables.NOT_IN_HISTORY)
                .doesNotContain("channel", "preferredContact", "onBehalf");
        for (String name : FormVariables.NOT_IN_HISTORY) {
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(started.getId())
                    .variableName(name).count()).as(name).isZero();
        }
    }

    @Test
    void anIncompleteStartFormLogsNothing() {
        long before = complaints.count();
        Map<String, Object> form = startForm();
        form.remove("customerName");
        form.put("preferredContact", "POST"); // and no address to post to
        assertThatThrownBy(() -> forms.submitStartForm(complaintDefinition(), form))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("customer.name");
        assertThat(complaints.count()).isEqualTo(before);
    }

    private String complaintDefinition() {
        return repository.createProcessDefinitionQuery().processDefinitionKey("complaint").latestVersion()
                .singleResult().getId();
    }

    private static Map<String, Object> startForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("channel", "PHONE");
        form.put("customerName", "Robin Tenant");
        form.put("customerEmail", "robin@example.org");
        form.put("customerPhone", "01480 222333");
        form.put("preferredContact", "EMAIL");
        form.put("onBehalf", true);
        form.put("representativeName", "Ash Advocate");
        form.put("consentAlreadyGiven", true);
        form.put("complaintSummary", "Window frames are rotten.");
        form.put("desiredOutcome", "Replace the windows");
        return form;
    }
}
