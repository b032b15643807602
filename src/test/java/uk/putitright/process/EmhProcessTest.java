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
 * emh: acknowledge the day the complaint arrives (0 working days), service request by the next working day,
 * Stage 1 10 working days from receipt, Stage 2 20 working days from the escalation request, no sign-off and
 * no eight-week wait.
 */
class EmhProcessTest extends ProcessTestSupport {

    private static final String EMH = "emh";

    @Test
    void acknowledgementIsDueByTheEndOfTheDayTheComplaintArrives() {
        clockAt("2026-12-22T10:00");
        String ref = logComplaint(EMH, null, false);

        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2026-12-22T17:00"));
        Task acknowledge = task(ref, "Task_AcknowledgeComplaint");
        assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(london("2026-12-22T17:00")));
        assertThat(timerJob(mainProcess(ref).getId(), "Timer_AcknowledgementDue").getDuedate())
                .isEqualTo(Date.from(london("2026-12-22T17:00")));

        clockAt("2026-12-22T11:00");
        complete(ref, "Task_AcknowledgeComplaint");
        // the service request (put it right) is due the next working day
        assertThat(deadlineOf(ref, DeadlineType.INFORMAL_RESOLUTION)).isEqualTo(london("2026-12-23T17:00"));
        assertThat(task(ref, "Task_PutItRight").getDueDate()).isEqualTo(Date.from(london("2026-12-23T17:00")));
        assertThat(candidateGroupsOf(task(ref, "Task_PutItRight"))).containsExactly("service-managers");
    }

    @Test
    void aComplaintReceivedOnASaturdayCountsFromTheNextWorkingDay() {
        // Sat 26 Dec 2026: Sunday and the Boxing Day substitute (Mon 28 Dec) are no working days either
        clockAt("2026-12-26T10:00");
        String ref = logComplaint(EMH, null, false);

        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2026-12-29T17:00"));
        clockAt("2026-12-29T09:00");
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(deadlineOf(ref, DeadlineType.INFORMAL_RESOLUTION)).isEqualTo(london("2026-12-30T17:00"));
    }

    @Test
    void aComplaintReceivedAfterFivePmCountsFromTheNextWorkingDay() {
        // Thu 24 Dec 2026 17:30: the next working day is Tue 29 Dec
        clockAt("2026-12-24T17:30");
        String ref = logComplaint(EMH, null, false);

        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2026-12-29T17:00"));
        assertThat(task(ref, "Task_AcknowledgeComplaint").getDueDate()).isEqualTo(Date.from(london("2026-12-29T17:00")));
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(deadlineOf(ref, DeadlineType.INFORMAL_RESOLUTION)).isEqualTo(london("2026-12-30T17:00"));
    }

    @Test
    void stage1ClockStartsWhenTheComplaintWasReceived() {
        clockAt("2026-12-22T10:00");
        String ref = logComplaint(EMH, null, false);
        complete(ref, "Task_AcknowledgeComplaint");

        clockAt("2026-12-23T16:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));

        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE);
        // received Tue 22 Dec 2026 + 10 working days = Fri 8 Jan 2027 (not counted from Wed 23 Dec)
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-08T17:00"));
        Task investigate = task(ref, "Task_InvestigateComplaint");
        assertThat(candidateGroupsOf(investigate)).containsExactly("service-managers");
        assertThat(investigate.getDueDate()).isEqualTo(Date.from(london("2027-01-08T17:00")));
    }

    @Test
    void stage2ResponseIsDueTwentyWorkingDaysAfterTheEscalationRequest() {
        clockAt("2027-03-01T09:00");
        String ref = logComplaint(EMH, null, false);
        ProcessInstance main = mainProcess(ref);
        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2027-03-01T17:00"));
        clockAt("2027-03-01T10:00");
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(deadlineOf(ref, DeadlineType.INFORMAL_RESOLUTION)).isEqualTo(london("2027-03-02T17:00"));
        clockAt("2027-03-01T11:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-03-15T17:00"));

        clockAt("2027-03-12T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        BpmnAwareTests.assertThat(main).isWaitingAt("Gateway_AfterStage1Response");

        clockAt("2027-03-15T10:00");
        send(ref, CustomerMessage.ESCALATE);
        ProcessInstance stage2 = childProcess(ref, "stage-2");
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_ACKNOWLEDGEMENT)).isEqualTo(london("2027-03-22T17:00"));
        assertThat(candidateGroupsOf(task(ref, "Task_AcknowledgeStage2"))).containsExactly("heads-of-service");

        clockAt("2027-03-19T10:00");
        complete(ref, "Task_AcknowledgeStage2");
        // Mon 15 Mar (the request) + 20 working days, skipping Good Friday and Easter Monday = Wed 14 Apr 2027;
        // counting from the acknowledgement (Fri 19 Mar) would give Tue 20 Apr
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_RESPONSE)).isEqualTo(london("2027-04-14T17:00"));
        Task review = task(ref, "Task_ReviewComplaint");
        assertThat(candidateGroupsOf(review)).containsExactly("heads-of-service");
        assertThat(review.getDueDate()).isEqualTo(Date.from(london("2027-04-14T17:00")));

        clockAt("2027-04-13T10:00");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND", "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));

        BpmnAwareTests.assertThat(stage2).isEnded().hasNotPassed("Task_SignOffStage2Response");
        BpmnAwareTests.assertThat(main).isEnded()
                .hasPassed("Task_SendOmbudsmanSignposting", "Task_CloseAfterFinalResponse")
                .hasNotPassed("CallActivity_OmbudsmanWait");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.FINAL_RESPONSE);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_2);
        assertThat(breachesOf(ref)).isEmpty();
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE,
                LetterType.STAGE_1_RESPONSE, LetterType.STAGE_2_ACKNOWLEDGEMENT, LetterType.STAGE_2_FINAL_RESPONSE,
                LetterType.OMBUDSMAN_SIGNPOSTING, LetterType.SATISFACTION_SURVEY_INVITATION);
    }

    @Test
    void aClosedComplaintInvitesTheCustomerToTheSatisfactionSurveyButAWithdrawnOneDoesNot() {
        clockAt("2026-11-25T10:00");
        String resolved = logComplaint(EMH, null, false);
        complete(resolved, "Task_AcknowledgeComplaint");
        complete(resolved, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));
        send(resolved, CustomerMessage.ACCEPT_PUT_IT_RIGHT_OUTCOME);
        assertThat(lettersOf(resolved)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.PUT_IT_RIGHT_OUTCOME,
                LetterType.SATISFACTION_SURVEY_INVITATION);

        String withdrawn = logComplaint(EMH, null, false);
        send(withdrawn, CustomerMessage.WITHDRAW);
        assertThat(lettersOf(withdrawn)).containsExactly(LetterType.WITHDRAWAL_CONFIRMATION);
    }
}
