package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;

/**
 * The Housing Ombudsman Complaint Handling Code 2024 defaults (landlord "hoc-2024"): no informal stage,
 * acknowledge in 5 working days, Stage 1 response in 10 from the acknowledgement, Stage 2 acknowledge in 5
 * and respond in 20 from the Stage 2 acknowledgement.
 */
class CodeDefaultsProcessTest extends ProcessTestSupport {

    @Test
    void code2024TimescalesFromReceiptToFinalResponse() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("hoc-2024", null, false);
        ProcessInstance main = mainProcess(ref);
        assertThat(ref).startsWith("HOC-2026-");

        BpmnAwareTests.assertThat(main).isWaitingAt("Task_AcknowledgeComplaint")
                .hasPassed("Task_DeterminePolicy", "Task_AssignCaseHandler").hasNotPassed("Task_ConfirmConsent");
        // Mon 21 Dec + 5 working days = Wed 30 Dec 2026
        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2026-12-30T17:00"));

        clockAt("2026-12-23T10:00");
        complete(ref, "Task_AcknowledgeComplaint");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1").hasNotPassed("CallActivity_PutItRight");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        // Wed 23 Dec + 10 working days = Mon 11 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-11T17:00"));
        assertThat(deadlineOf(ref, DeadlineType.INFORMAL_RESOLUTION)).isNull();
        Task investigate = task(ref, "Task_InvestigateComplaint");
        assertThat(candidateGroupsOf(investigate)).containsExactly("service-managers");
        assertThat(investigate.getDueDate()).isEqualTo(Date.from(london("2027-01-11T17:00")));

        clockAt("2027-01-08T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        // Fri 8 Jan + 20 working days = Fri 5 Feb 2027
        assertThat(deadlineOf(ref, DeadlineType.ESCALATION_WINDOW)).isEqualTo(london("2027-02-05T17:00"));

        clockAt("2027-01-11T10:00");
        send(ref, CustomerMessage.ESCALATE);
        // Mon 11 Jan + 5 working days = Mon 18 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_ACKNOWLEDGEMENT)).isEqualTo(london("2027-01-18T17:00"));
        assertThat(candidateGroupsOf(task(ref, "Task_AcknowledgeStage2"))).containsExactly("heads-of-service");

        clockAt("2027-01-13T10:00");
        complete(ref, "Task_AcknowledgeStage2");
        // Wed 13 Jan + 20 working days = Wed 10 Feb 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_RESPONSE)).isEqualTo(london("2027-02-10T17:00"));
        assertThat(task(ref, "Task_ReviewComplaint").getDueDate()).isEqualTo(Date.from(london("2027-02-10T17:00")));

        clockAt("2027-02-09T10:00");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND", "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));

        BpmnAwareTests.assertThat(main).isEnded().hasPassed("Task_CloseAfterFinalResponse")
                .hasNotPassed("CallActivity_OmbudsmanWait");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.FINAL_RESPONSE);
        assertThat(breachesOf(ref)).isEmpty();
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.STAGE_1_RESPONSE,
                LetterType.STAGE_2_ACKNOWLEDGEMENT, LetterType.STAGE_2_FINAL_RESPONSE, LetterType.OMBUDSMAN_SIGNPOSTING);
    }
}
