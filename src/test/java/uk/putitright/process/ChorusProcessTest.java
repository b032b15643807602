package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
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
 * Chorus Homes: acknowledge in 2 working days, "put it right" in 5, Stage 1 (service managers) 10 working days
 * from the start of Stage 1, Stage 2 (heads of service) 10 working days from the Stage 2 acknowledgement,
 * no sign-off, then the eight-week wait with the designated person and ICP routes.
 */
class ChorusProcessTest extends ProcessTestSupport {

    private static final String CHORUS = "chorus-homes";

    // ---------------------------------------------------------------- put it right

    @Test
    void resolvedOutcomeAndSilenceClosesTheComplaintWhenTheAcceptanceWindowEnds() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(CHORUS, null, false);
        ProcessInstance main = mainProcess(ref);
        clockAt("2026-12-21T11:00");
        complete(ref, "Task_AcknowledgeComplaint");

        ProcessInstance putItRight = childProcess(ref, "put-it-right");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_PutItRight");
        BpmnAwareTests.assertThat(putItRight).isWaitingAt("Task_PutItRight");

        clockAt("2026-12-22T10:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));

        // the acceptance window: 20 working days from Tue 22 Dec, skipping Christmas Day, the Boxing Day
        // substitute (Mon 28 Dec) and New Year's Day = Fri 22 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.ESCALATION_WINDOW)).isEqualTo(london("2027-01-22T17:00"));
        BpmnAwareTests.assertThat(putItRight).isWaitingAt("Gateway_CustomerAccepts")
                .isWaitingFor("AcceptPutItRightOutcome", "EscalateComplaint");
        assertThat(timerJob(putItRight.getId(), "Timer_AcceptanceWindowEnds").getDuedate())
                .isEqualTo(Date.from(london("2027-01-22T17:00")));
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.PUT_IT_RIGHT_OUTCOME);
        assertThat(openTasks(ref)).isEmpty();

        clockAt("2027-01-22T16:59");
        assertThat(dueJobs(ref)).isEmpty();
        executeDueJobs();
        assertThat(processEnded(ref)).isFalse();
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.OPEN);

        clockAt("2027-01-22T17:00");
        executeDueJobs();

        BpmnAwareTests.assertThat(putItRight).isEnded().hasPassed("Timer_AcceptanceWindowEnds", "EndEvent_PutRight");
        BpmnAwareTests.assertThat(main).isEnded()
                .hasPassed("Task_CloseResolvedInformally", "EndEvent_ResolvedInformally")
                .hasNotPassed("CallActivity_Stage1");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.RESOLVED_INFORMALLY);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.PUT_IT_RIGHT);
        assertThat(complaint(ref).getClosedAt()).isEqualTo(london("2027-01-22T17:00"));
        assertThat(breachesOf(ref)).isEmpty();
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.PUT_IT_RIGHT_OUTCOME);
    }

    @Test
    void unresolvedPutItRightStartsStage1WithFormalComplaintGuidance() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(CHORUS, null, false);
        ProcessInstance main = mainProcess(ref);
        complete(ref, "Task_AcknowledgeComplaint");

        clockAt("2026-12-23T10:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));

        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1")
                .hasPassed("CallActivity_PutItRight").hasNotPassed("Task_CloseResolvedInformally");
        ProcessInstance stage1 = childProcess(ref, "stage-1");
        BpmnAwareTests.assertThat(stage1).isWaitingAt("Task_InvestigateComplaint");
        assertThat(processEnded(ref)).isFalse();
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        assertThat(complaint(ref).getStage1StartedAt()).isEqualTo(london("2026-12-23T10:00"));
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE);
        // Chorus counts Stage 1 from the start of the formal stage: Wed 23 Dec + 10 working days = Mon 11 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-11T17:00"));
        Task investigate = task(ref, "Task_InvestigateComplaint");
        assertThat(candidateGroupsOf(investigate)).containsExactly("service-managers");
        assertThat(investigate.getAssignee()).isEqualTo(complaint(ref).getCaseHandler());
        assertThat(investigate.getDueDate()).isEqualTo(Date.from(london("2027-01-11T17:00")));
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
    }

    @Test
    void customerAskingForAFormalComplaintAfterThePutItRightOutcomeStartsStage1() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(CHORUS, null, false);
        ProcessInstance main = mainProcess(ref);
        complete(ref, "Task_AcknowledgeComplaint");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));
        ProcessInstance putItRight = childProcess(ref, "put-it-right");

        clockAt("2026-12-22T09:30");
        send(ref, CustomerMessage.ESCALATE);

        BpmnAwareTests.assertThat(putItRight).isEnded()
                .hasPassed("Message_FormalComplaintRequested", "Gateway_NotPutRight", "Task_SendFormalComplaintGuidance",
                        "EndEvent_NotPutRight")
                .hasNotPassed("Timer_AcceptanceWindowEnds", "Message_OutcomeAccepted");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1").hasNotPassed("Task_CloseResolvedInformally");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.PUT_IT_RIGHT_OUTCOME,
                LetterType.FORMAL_COMPLAINT_GUIDANCE);
        // Tue 22 Dec + 10 working days (25, 28 Dec and 1 Jan are bank holidays) = Fri 8 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-08T17:00"));
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
    }

    @Test
    void informalStageTimeUpRecordsABreachAndStartsStage1() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(CHORUS, null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        ProcessInstance putItRight = childProcess(ref, "put-it-right");
        assertThat(task(ref, "Task_PutItRight").getDueDate()).isEqualTo(Date.from(london("2026-12-30T17:00")));
        assertThat(timerJob(putItRight.getId(), "Timer_InformalStageDue").getDuedate())
                .isEqualTo(Date.from(london("2026-12-30T17:00")));

        clockAt("2026-12-30T16:59");
        assertThat(dueJobs(ref)).isEmpty();
        executeDueJobs();
        assertThat(openTasks(ref)).containsExactly("Task_PutItRight");
        assertThat(breachesOf(ref)).isEmpty();

        clockAt("2026-12-31T09:00");
        executeDueJobs();

        BpmnAwareTests.assertThat(putItRight).isEnded()
                .hasPassed("Timer_InformalStageDue", "Task_RecordInformalStageExpired", "Gateway_NotPutRight",
                        "Task_SendFormalComplaintGuidance", "EndEvent_NotPutRight")
                .hasNotPassed("Gateway_PutRight");
        var breaches = breachesOf(ref);
        assertThat(breaches).hasSize(1);
        assertThat(breaches.get(0).getDeadline()).isEqualTo(DeadlineType.INFORMAL_RESOLUTION);
        assertThat(breaches.get(0).getDueAt()).isEqualTo(london("2026-12-30T17:00"));
        assertThat(breaches.get(0).getStage()).isEqualTo(Stage.PUT_IT_RIGHT);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
        // Stage 1 started Thu 31 Dec: + 10 working days (New Year's Day is a bank holiday) = Fri 15 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-15T17:00"));
        // the customer is told how the formal complaint works
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE);
    }

    /**
     * However the informal stage ends without putting it right (the case handler says so, the time runs out, or
     * the customer asks for a formal complaint after the outcome), the customer gets the formal complaint
     * guidance exactly once, and the complaint moves on to Stage 1.
     */
    @Test
    void everyWayIntoTheFormalComplaintSendsTheFormalComplaintGuidanceOnce() {
        clockAt("2026-12-21T10:00");
        String unresolved = logComplaint(CHORUS, null, false);
        String timeUp = logComplaint(CHORUS, null, false);
        String customerAsks = logComplaint(CHORUS, null, false);
        for (String ref : List.of(unresolved, timeUp, customerAsks)) {
            complete(ref, "Task_AcknowledgeComplaint");
        }
        ProcessInstance expiring = childProcess(timeUp, "put-it-right");
        ProcessInstance asked = childProcess(customerAsks, "put-it-right");

        clockAt("2026-12-22T10:00");
        complete(unresolved, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        complete(customerAsks, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));
        assertThat(lettersOf(customerAsks)).doesNotContain(LetterType.FORMAL_COMPLAINT_GUIDANCE);
        send(customerAsks, CustomerMessage.ESCALATE);
        clockAt("2026-12-30T17:00");
        executeDueJobs();

        BpmnAwareTests.assertThat(expiring).isEnded().hasPassed("Timer_InformalStageDue", "Task_SendFormalComplaintGuidance");
        BpmnAwareTests.assertThat(asked).isEnded()
                .hasPassed("Message_FormalComplaintRequested", "Task_SendFormalComplaintGuidance");
        for (String ref : List.of(unresolved, timeUp, customerAsks)) {
            assertThat(lettersOf(ref)).as(ref).filteredOn(LetterType.FORMAL_COMPLAINT_GUIDANCE::equals).hasSize(1);
            assertThat(complaint(ref).getStage()).as(ref).isEqualTo(Stage.STAGE_1);
            assertThat(openTasks(ref)).as(ref).containsExactly("Task_InvestigateComplaint");
        }
    }

    // ---------------------------------------------------------------- Stage 1

    @Test
    void stage1ResponseWithoutEscalationClosesWhenTheEscalationWindowEnds() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(CHORUS, null, false);
        ProcessInstance main = mainProcess(ref);
        complete(ref, "Task_AcknowledgeComplaint");
        clockAt("2026-12-23T10:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        ProcessInstance stage1 = childProcess(ref, "stage-1");

        clockAt("2027-01-04T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));

        BpmnAwareTests.assertThat(stage1).isEnded().hasPassed("Task_SendStage1Response", "EndEvent_Stage1Responded")
                .hasNotPassed("Task_RecordStage1Extension");
        BpmnAwareTests.assertThat(main).isWaitingAt("Gateway_AfterStage1Response").isWaitingFor("EscalateComplaint");
        assertThat(complaint(ref).getStage1RespondedAt()).isEqualTo(london("2027-01-04T10:00"));
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE,
                LetterType.STAGE_1_RESPONSE);
        // Mon 4 Jan 2027 + 20 working days = Mon 1 Feb 2027
        assertThat(deadlineOf(ref, DeadlineType.ESCALATION_WINDOW)).isEqualTo(london("2027-02-01T17:00"));
        assertThat(openTasks(ref)).isEmpty();

        clockAt("2027-02-01T16:59");
        assertThat(dueJobs(ref)).isEmpty();
        clockAt("2027-02-01T17:00");
        executeDueJobs();

        BpmnAwareTests.assertThat(main).isEnded()
                .hasPassed("Timer_Stage1EscalationWindowEnds", "Task_CloseResolvedAtStage1", "EndEvent_ResolvedAtStage1")
                .hasNotPassed("CallActivity_Stage2");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.RESOLVED_AT_STAGE_1);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        assertThat(breachesOf(ref)).isEmpty();
    }

    // ---------------------------------------------------------------- Stage 2 and what follows

    /**
     * Received Mon 1 Mar 2027, Stage 1 from Tue 2 Mar, responded Mon 15 Mar, escalated Tue 16 Mar, Stage 2
     * acknowledged Thu 18 Mar, final response Wed 31 Mar 2027 10:00 (after Easter). Returns at the ombudsman wait.
     */
    private String chorusComplaintWithFinalResponse() {
        clockAt("2027-03-01T09:00");
        String ref = logComplaint(CHORUS, null, false);
        clockAt("2027-03-01T10:00");
        complete(ref, "Task_AcknowledgeComplaint");
        clockAt("2027-03-02T10:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-03-16T17:00"));
        clockAt("2027-03-15T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        // Mon 15 Mar + 20 working days, skipping Good Friday and Easter Monday = Wed 14 Apr 2027
        assertThat(deadlineOf(ref, DeadlineType.ESCALATION_WINDOW)).isEqualTo(london("2027-04-14T17:00"));

        clockAt("2027-03-16T10:00");
        send(ref, CustomerMessage.ESCALATE);
        ProcessInstance main = mainProcess(ref);
        ProcessInstance stage2 = childProcess(ref, "stage-2");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage2").hasPassed("Message_Stage2Requested");
        BpmnAwareTests.assertThat(stage2).isWaitingAt("Task_AcknowledgeStage2");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_2);
        assertThat(complaint(ref).getStage2RequestedAt()).isEqualTo(london("2027-03-16T10:00"));
        // Tue 16 Mar + 5 working days = Tue 23 Mar 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_ACKNOWLEDGEMENT)).isEqualTo(london("2027-03-23T17:00"));
        Task acknowledge = task(ref, "Task_AcknowledgeStage2");
        assertThat(candidateGroupsOf(acknowledge)).containsExactly("heads-of-service");
        assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(london("2027-03-23T17:00")));

        clockAt("2027-03-18T10:00");
        complete(ref, "Task_AcknowledgeStage2");
        assertThat(complaint(ref).getStage2AcknowledgedAt()).isEqualTo(london("2027-03-18T10:00"));
        // 10 working days from the Stage 2 acknowledgement (Thu 18 Mar), skipping Good Friday 26 Mar and
        // Easter Monday 29 Mar = Mon 5 Apr 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_RESPONSE)).isEqualTo(london("2027-04-05T17:00"));
        Task review = task(ref, "Task_ReviewComplaint");
        assertThat(candidateGroupsOf(review)).containsExactly("heads-of-service");
        assertThat(review.getDueDate()).isEqualTo(Date.from(london("2027-04-05T17:00")));

        clockAt("2027-03-31T10:00");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND", "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        BpmnAwareTests.assertThat(stage2).isEnded().hasNotPassed("Task_SignOffStage2Response")
                .hasPassed("Task_SendFinalResponse");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_OmbudsmanWait");
        assertThat(complaint(ref).getFinalResponseAt()).isEqualTo(london("2027-03-31T10:00"));
        return ref;
    }

    private static final List<LetterType> LETTERS_TO_FINAL_RESPONSE = List.of(LetterType.ACKNOWLEDGEMENT,
            LetterType.FORMAL_COMPLAINT_GUIDANCE, LetterType.STAGE_1_RESPONSE, LetterType.STAGE_2_ACKNOWLEDGEMENT,
            LetterType.STAGE_2_FINAL_RESPONSE, LetterType.OMBUDSMAN_SIGNPOSTING);

    @Test
    void stage2FinalResponseThenEightWeeksPassClosesTheComplaint() {
        String ref = chorusComplaintWithFinalResponse();
        ProcessInstance main = mainProcess(ref);
        ProcessInstance wait = childProcess(ref, "ombudsman-wait");
        BpmnAwareTests.assertThat(wait).isWaitingAt("Gateway_CustomerNextStep")
                .isWaitingFor("ChooseDesignatedPerson", "RequestIcpReferral");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.OMBUDSMAN_WAIT);
        // eight calendar weeks after the final response of Wed 31 Mar 2027 10:00
        assertThat(deadlineOf(ref, DeadlineType.OMBUDSMAN_ELIGIBLE)).isEqualTo(london("2027-05-26T10:00"));
        assertThat(timerJob(wait.getId(), "Timer_EightWeekWaitEnds").getDuedate())
                .isEqualTo(Date.from(london("2027-05-26T10:00")));
        assertThat(lettersOf(ref)).containsExactlyElementsOf(LETTERS_TO_FINAL_RESPONSE);
        assertThat(openTasks(ref)).isEmpty();

        clockAt("2027-05-26T09:59");
        assertThat(dueJobs(ref)).isEmpty();
        clockAt("2027-05-26T10:00");
        executeDueJobs();

        BpmnAwareTests.assertThat(wait).isEnded().hasPassed("Timer_EightWeekWaitEnds", "Task_CloseAfterWait");
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("EndEvent_OmbudsmanWaitOver")
                .hasNotPassed("CallActivity_IndependentComplaintsPanel");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.FINAL_RESPONSE);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.OMBUDSMAN_WAIT);
        assertThat(breachesOf(ref)).isEmpty();
        assertThat(lettersOf(ref)).containsExactlyElementsOf(LETTERS_TO_FINAL_RESPONSE);
    }

    @Test
    void designatedPersonChosenDuringTheWaitIsAnsweredByOmbudsmanLiaison() {
        String ref = chorusComplaintWithFinalResponse();
        ProcessInstance main = mainProcess(ref);
        ProcessInstance wait = childProcess(ref, "ombudsman-wait");

        clockAt("2027-04-01T10:00");
        send(ref, CustomerMessage.CHOOSE_DESIGNATED_PERSON);

        BpmnAwareTests.assertThat(wait).isWaitingAt("Task_SupportDesignatedPerson");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.DESIGNATED_PERSON);
        Task support = task(ref, "Task_SupportDesignatedPerson");
        assertThat(candidateGroupsOf(support)).containsExactly("ombudsman-liaison");
        // Thu 1 Apr + 10 working days = Thu 15 Apr 2027
        assertThat(support.getDueDate()).isEqualTo(Date.from(london("2027-04-15T17:00")));
        assertThat(management.createJobQuery().processInstanceId(wait.getId()).timers().count()).isZero();

        complete(ref, "Task_SupportDesignatedPerson");

        BpmnAwareTests.assertThat(wait).isEnded().hasPassed("Task_CloseAfterDesignatedPerson")
                .hasNotPassed("Timer_EightWeekWaitEnds");
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("EndEvent_OmbudsmanWaitOver");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.REFERRED_BY_DESIGNATED_PERSON);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.DESIGNATED_PERSON);
        assertThat(lettersOf(ref)).containsExactlyElementsOf(LETTERS_TO_FINAL_RESPONSE);
    }

    @Test
    void independentComplaintsPanelReferralConcludesTheComplaint() {
        String ref = chorusComplaintWithFinalResponse();
        ProcessInstance main = mainProcess(ref);
        ProcessInstance wait = childProcess(ref, "ombudsman-wait");

        clockAt("2027-04-01T10:00");
        send(ref, CustomerMessage.REQUEST_ICP);

        BpmnAwareTests.assertThat(wait).isEnded().hasPassed("Message_IcpReferralRequested", "EndEvent_IcpRequested");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_IndependentComplaintsPanel");
        ProcessInstance panel = childProcess(ref, "independent-complaints-panel");
        BpmnAwareTests.assertThat(panel).isWaitingAt("Task_PrepareIcpReferral");
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.INDEPENDENT_COMPLAINTS_PANEL);
        Task prepare = task(ref, "Task_PrepareIcpReferral");
        assertThat(candidateGroupsOf(prepare)).containsExactly("icp-panel");
        // Thu 1 Apr + 5 working days = Thu 8 Apr 2027
        assertThat(prepare.getDueDate()).isEqualTo(Date.from(london("2027-04-08T17:00")));

        clockAt("2027-04-06T10:00");
        complete(ref, "Task_PrepareIcpReferral");
        Task outcome = task(ref, "Task_RecordPanelOutcome");
        assertThat(candidateGroupsOf(outcome)).containsExactly("icp-panel");
        // Tue 6 Apr + 20 working days (Mon 3 May is a bank holiday) = Wed 5 May 2027
        assertThat(outcome.getDueDate()).isEqualTo(Date.from(london("2027-05-05T17:00")));
        assertThat(lettersOf(ref)).endsWith(LetterType.ICP_REFERRAL);

        clockAt("2027-04-20T10:00");
        complete(ref, "Task_RecordPanelOutcome");

        BpmnAwareTests.assertThat(panel).isEnded().hasPassed("Task_SendIcpOutcome", "Task_SendIcpOmbudsmanSignposting");
        BpmnAwareTests.assertThat(main).isEnded().hasPassed("Task_CloseAfterIcp", "EndEvent_IcpConcluded");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.ICP_CONCLUDED);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.INDEPENDENT_COMPLAINTS_PANEL);
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE,
                LetterType.STAGE_1_RESPONSE, LetterType.STAGE_2_ACKNOWLEDGEMENT, LetterType.STAGE_2_FINAL_RESPONSE,
                LetterType.OMBUDSMAN_SIGNPOSTING, LetterType.ICP_REFERRAL, LetterType.ICP_OUTCOME,
                LetterType.OMBUDSMAN_SIGNPOSTING);
        assertThat(openTasks(ref)).isEmpty();
    }

    @Test
    void aComplaintStartedBeforeThePolicyHeldTheTimescalesStillGetsItsPanelDueDates() {
        String ref = chorusComplaintWithFinalResponse();
        ProcessInstance main = mainProcess(ref);
        // as a complaint that began under a release whose models wrote the timescales as numbers: none in the process
        runtime.removeVariables(main.getId(), ProcessNames.TASK_TIMESCALES);

        clockAt("2027-04-01T10:00");
        send(ref, CustomerMessage.REQUEST_ICP);

        ProcessInstance panel = childProcess(ref, "independent-complaints-panel");
        BpmnAwareTests.assertThat(panel).isWaitingAt("Task_PrepareIcpReferral");
        // the complaint's own policy row gives the panel its 5 working days: Thu 1 Apr 2027 + 5 = Thu 8 Apr
        assertThat(task(ref, "Task_PrepareIcpReferral").getDueDate()).isEqualTo(Date.from(london("2027-04-08T17:00")));
        assertThat(runtime.getVariable(panel.getId(), "icpOutcomeWorkingDays")).isEqualTo(20);
    }

    // ---------------------------------------------------------------- case handler

    @Test
    void theLeastLoadedServiceManagerHandlesTheComplaint() {
        try {
            ensureUser("sm.a", "service-managers");
            ensureUser("sm.b", "service-managers");
            clockAt("2026-12-21T10:00");
            // whoever has fewer open complaints gets the next one (ties go to the first user id)
            String expectedFirst = leastLoaded();
            String first = logComplaint(CHORUS, null, false);
            assertThat(complaint(first).getCaseHandler()).isEqualTo(expectedFirst);
            String leastLoaded = leastLoaded();
            assertThat(leastLoaded).as("the other manager now has fewer open complaints")
                    .isNotEqualTo(expectedFirst);

            String ref = logComplaint(CHORUS, null, false);
            assertThat(complaint(ref).getCaseHandler()).isEqualTo(leastLoaded);
            assertThat(processVariable(ref, "caseHandler")).isEqualTo(leastLoaded);

            complete(ref, "Task_AcknowledgeComplaint");
            BpmnAwareTests.assertThat(task(ref, "Task_PutItRight")).isAssignedTo(leastLoaded)
                    .hasCandidateGroupAssociated("service-managers");
            complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));

            Task investigate = task(ref, "Task_InvestigateComplaint");
            BpmnAwareTests.assertThat(investigate).isAssignedTo(leastLoaded)
                    .hasCandidateGroupAssociated("service-managers");
            assertThat(lettersOf(ref)).contains(LetterType.ACKNOWLEDGEMENT);
        } finally {
            removeUser("sm.a");
            removeUser("sm.b");
        }
    }

    private String leastLoaded() {
        return openComplaintsOf("sm.a") <= openComplaintsOf("sm.b") ? "sm.a" : "sm.b";
    }

    private long openComplaintsOf(String user) {
        return complaints.countOpenByCaseHandler(List.of(user)).stream()
                .mapToLong(row -> (Long) row[1]).sum();
    }
}
