package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;

/**
 * The customer may withdraw at any point (interrupting: everything stops); the Ombudsman may ask about a
 * complaint at any point (non-interrupting: the complaint carries on). Messages nobody waits for are refused.
 */
class WithdrawalAndOmbudsmanEnquiryTest extends ProcessTestSupport {

    @Autowired ComplaintProcess complaintProcess;

    // ---------------------------------------------------------------- withdrawal

    @Test
    void withdrawalBeforeTheAcknowledgementClosesEverything() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        ProcessInstance main = mainProcess(ref);

        clockAt("2026-12-21T12:00");
        send(ref, CustomerMessage.WITHDRAW);

        BpmnAwareTests.assertThat(main).isEnded()
                .hasPassed("StartEvent_WithdrawalReceived", "Task_RecordWithdrawal", "Task_SendWithdrawalConfirmation",
                        "EndEvent_Withdrawn")
                .hasNotPassed("Task_SendAcknowledgement");
        assertWithdrawn(ref, Stage.INTAKE, List.of(LetterType.WITHDRAWAL_CONFIRMATION));
        assertThat(complaint(ref).getClosedAt()).isEqualTo(london("2026-12-21T12:00"));

        // the acknowledgement timer went with the process: nothing fires later
        clockAt("2026-12-24T09:00");
        assertThat(dueJobs(ref)).isEmpty();
        assertThat(breachesOf(ref)).isEmpty();
    }

    @Test
    void withdrawalDuringPutItRightEndsTheInformalStage() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        ProcessInstance main = mainProcess(ref);
        complete(ref, "Task_AcknowledgeComplaint");
        ProcessInstance putItRight = childProcess(ref, "put-it-right");

        send(ref, CustomerMessage.WITHDRAW);

        BpmnAwareTests.assertThat(putItRight).isEnded().hasNotPassed("Task_SendPutItRightOutcome");
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("EndEvent_Withdrawn");
        assertWithdrawn(ref, Stage.PUT_IT_RIGHT,
                List.of(LetterType.ACKNOWLEDGEMENT, LetterType.WITHDRAWAL_CONFIRMATION));
    }

    @Test
    void withdrawalDuringStage1EndsTheInvestigationInTheCalledProcess() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        ProcessInstance main = mainProcess(ref);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        ProcessInstance stage1 = childProcess(ref, "stage-1");
        BpmnAwareTests.assertThat(stage1).isWaitingAt("Task_InvestigateComplaint");

        clockAt("2026-12-23T10:00");
        send(ref, CustomerMessage.WITHDRAW);

        BpmnAwareTests.assertThat(stage1).isEnded().hasNotPassed("Task_SendStage1Response");
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("Task_RecordWithdrawal", "Task_SendWithdrawalConfirmation");
        assertWithdrawn(ref, Stage.STAGE_1, List.of(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE,
                LetterType.WITHDRAWAL_CONFIRMATION));

        // the Stage 1 deadline timer went with it
        clockAt("2027-01-12T09:00");
        assertThat(dueJobs(ref)).isEmpty();
        assertThat(breachesOf(ref)).isEmpty();
    }

    @Test
    void withdrawalDuringStage2LeavesTheMissedDeadlineReviewToTheDirectors() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("hoc-2024", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        clockAt("2027-01-08T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        clockAt("2027-01-11T10:00");
        send(ref, CustomerMessage.ESCALATE);
        ProcessInstance stage2 = childProcess(ref, "stage-2");
        clockAt("2027-01-18T17:00");
        executeDueJobs();
        assertThat(openTasks(ref)).containsExactly("Task_AcknowledgeStage2", "Task_ReviewMissedDeadline");
        ProcessInstance review = childProcess(ref, "breach-review");

        send(ref, CustomerMessage.WITHDRAW);

        BpmnAwareTests.assertThat(stage2).isEnded();
        assertWithdrawn(ref, Stage.STAGE_2, List.of(LetterType.ACKNOWLEDGEMENT, LetterType.STAGE_1_RESPONSE,
                LetterType.WITHDRAWAL_CONFIRMATION));
        assertThat(breachesOf(ref)).hasSize(1);
        // the deadline was missed all the same: its review is a process of its own and stays with the directors
        BpmnAwareTests.assertThat(review).isWaitingAt("Task_ReviewMissedDeadline");
        assertThat(openTasks(ref)).containsExactly("Task_ReviewMissedDeadline");
        complete(ref, "Task_ReviewMissedDeadline");
        assertThat(processEnded(ref)).isTrue();
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.WITHDRAWN);
    }

    @Test
    void aWithdrawnComplaintTakesNoFurtherMessages() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        send(ref, CustomerMessage.WITHDRAW);

        assertThatThrownBy(() -> send(ref, CustomerMessage.WITHDRAW))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(lettersOf(ref)).containsExactly(LetterType.WITHDRAWAL_CONFIRMATION);
    }

    @Test
    void aClosedComplaintCannotBeWithdrawn() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        clockAt("2026-12-23T17:00");
        executeDueJobs();
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));
        send(ref, CustomerMessage.ACCEPT_PUT_IT_RIGHT_OUTCOME);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.RESOLVED_INFORMALLY);
        // the complaint's process has ended; only the review of the missed acknowledgement is still open
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("complaint")
                .processInstanceBusinessKey(ref).count()).isZero();
        assertThat(openTasks(ref)).containsExactly("Task_ReviewMissedDeadline");

        assertThatThrownBy(() -> send(ref, CustomerMessage.WITHDRAW))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.RESOLVED_INFORMALLY);
        assertThat(lettersOf(ref)).doesNotContain(LetterType.WITHDRAWAL_CONFIRMATION);
        // the service the API uses refuses it too
        assertThatThrownBy(() -> complaintProcess.send(complaint(ref), CustomerMessage.WITHDRAW))
                .isInstanceOf(StepNotOpenException.class);
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
    }

    // ---------------------------------------------------------------- Ombudsman enquiry

    @Test
    void ombudsmanEnquiryDuringStage1OpensALiaisonTaskWhileTheInvestigationContinues() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        ProcessInstance main = mainProcess(ref);
        complete(ref, "Task_AcknowledgeComplaint");
        clockAt("2026-12-23T10:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        ProcessInstance stage1 = childProcess(ref, "stage-1");

        clockAt("2026-12-24T10:00");
        send(ref, CustomerMessage.OMBUDSMAN_ENQUIRY);

        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1", "Task_RespondToOmbudsman");
        BpmnAwareTests.assertThat(stage1).isWaitingAt("Task_InvestigateComplaint");
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint", "Task_RespondToOmbudsman");
        Task respond = task(ref, "Task_RespondToOmbudsman");
        assertThat(candidateGroupsOf(respond)).containsExactly("ombudsman-liaison");
        // Thu 24 Dec 2026 + 10 working days (28 Dec and 1 Jan are bank holidays) = Tue 12 Jan 2027
        assertThat(respond.getDueDate()).isEqualTo(Date.from(london("2027-01-12T17:00")));
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);

        // a second enquiry gets its own task
        send(ref, CustomerMessage.OMBUDSMAN_ENQUIRY);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ref)
                .taskDefinitionKey("Task_RespondToOmbudsman").count()).isEqualTo(2);

        tasks.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey("Task_RespondToOmbudsman").list()
                .forEach(task -> tasks.complete(task.getId()));
        executeDueJobs();
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1").hasPassed("EndEvent_OmbudsmanAnswered");
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");

        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        BpmnAwareTests.assertThat(main).isWaitingAt("Gateway_AfterStage1Response");
        assertThat(lettersOf(ref)).endsWith(LetterType.STAGE_1_RESPONSE);
    }

    @Test
    void ombudsmanEnquiryBeforeTheAcknowledgementLeavesTheAcknowledgementOpen() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("housing-plus", null, false);
        ProcessInstance main = mainProcess(ref);

        send(ref, CustomerMessage.OMBUDSMAN_ENQUIRY);

        BpmnAwareTests.assertThat(main).isWaitingAt("Task_AcknowledgeComplaint", "Task_RespondToOmbudsman");
        assertThat(openTasks(ref)).containsExactly("Task_AcknowledgeComplaint", "Task_RespondToOmbudsman");
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint", "Task_RespondToOmbudsman");
    }

    // ---------------------------------------------------------------- messages nobody waits for

    @Test
    void aMessageNothingWaitsForIsRefused() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        ProcessInstance main = mainProcess(ref);

        for (CustomerMessage message : List.of(CustomerMessage.ESCALATE, CustomerMessage.ACCEPT_PUT_IT_RIGHT_OUTCOME,
                CustomerMessage.REQUEST_ICP, CustomerMessage.CHOOSE_DESIGNATED_PERSON)) {
            assertThatThrownBy(() -> runtime.createMessageCorrelation(message.messageName())
                    .processInstanceBusinessKey(ref).correlate())
                    .as(message.messageName())
                    .isInstanceOf(MismatchingMessageCorrelationException.class);
        }
        // the service the API uses turns it into a StepNotOpenException
        assertThatThrownBy(() -> complaintProcess.send(complaint(ref), CustomerMessage.ESCALATE))
                .isInstanceOf(StepNotOpenException.class)
                .hasMessageContaining(ref).hasMessageContaining("EscalateComplaint");

        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1");
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
    }

    // ---------------------------------------------------------------- helpers

    /** Everything of the complaint stopped; only a missed deadline review (a process of its own) may remain. */
    private void assertWithdrawn(String ref, Stage stage, List<LetterType> letters) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).list())
                .allSatisfy(instance -> assertThat(instance.getProcessDefinitionId()).startsWith("breach-review:"));
        assertThat(openTasks(ref)).allMatch("Task_ReviewMissedDeadline"::equals);
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.WITHDRAWN);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.WITHDRAWN);
        assertThat(complaint(ref).getStage()).isEqualTo(stage);
        assertThat(lettersOf(ref)).containsExactlyElementsOf(letters);
    }
}
