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
 * Housing Plus: consent when a representative complains, no informal stage, acknowledge in 5 working days,
 * Stage 1 by the advocacy team 10 working days from the acknowledgement, Stage 2 by senior advocacy
 * (5 / 20 working days from the Stage 2 acknowledgement) signed off by a director, no eight-week wait.
 */
class HousingPlusProcessTest extends ProcessTestSupport {

    private static final String HOUSING_PLUS = "housing-plus";

    @Test
    void representativeWithoutTheCustomersConsentClosesTheComplaint() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(HOUSING_PLUS, null, true);
        ProcessInstance main = mainProcess(ref);

        BpmnAwareTests.assertThat(main).isWaitingAt("Task_ConfirmConsent");
        Task consent = task(ref, "Task_ConfirmConsent");
        assertThat(candidateGroupsOf(consent)).containsExactly("customer-service");
        // Mon 21 Dec + 5 working days (Christmas Day and Mon 28 Dec are bank holidays) = Wed 30 Dec 2026
        assertThat(consent.getDueDate()).isEqualTo(Date.from(london("2026-12-30T17:00")));
        assertThat(openTasks(ref)).containsExactly("Task_ConfirmConsent");

        complete(ref, "Task_ConfirmConsent", Map.of("consentGiven", false));

        BpmnAwareTests.assertThat(main).isEnded()
                .hasPassed("Task_RecordConsent", "Task_CloseWithoutConsent", "EndEvent_ClosedWithoutConsent")
                .hasNotPassed("Task_AcknowledgeComplaint");
        assertThat(complaint(ref).getConsentGiven()).isFalse();
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.NO_CONSENT);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.INTAKE);
        assertThat(lettersOf(ref)).isEmpty();
        assertThat(openTasks(ref)).isEmpty();
    }

    @Test
    void consentGivenThenAcknowledgedGoesStraightToStage1WithTheAdvocacyTeam() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(HOUSING_PLUS, null, true);
        ProcessInstance main = mainProcess(ref);
        assertThat(policyOutput(ref, "ombudsman")).isEqualTo("HOUSING_OMBUDSMAN");
        clockAt("2026-12-21T11:00");
        complete(ref, "Task_ConfirmConsent", Map.of("consentGiven", true));

        assertThat(complaint(ref).getConsentGiven()).isTrue();
        assertThat(lettersOf(ref)).containsExactly(LetterType.CONSENT_CONFIRMATION);
        BpmnAwareTests.assertThat(main).isWaitingAt("Task_AcknowledgeComplaint").hasPassed("Task_SendConsentConfirmation");
        Task acknowledge = task(ref, "Task_AcknowledgeComplaint");
        assertThat(candidateGroupsOf(acknowledge)).containsExactly("customer-service");
        assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(london("2026-12-30T17:00")));

        clockAt("2026-12-24T11:00");
        complete(ref, "Task_AcknowledgeComplaint");

        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_Stage1").hasNotPassed("CallActivity_PutItRight");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("put-it-right")
                .processInstanceBusinessKey(ref).count()).isZero();
        assertThat(lettersOf(ref)).containsExactly(LetterType.CONSENT_CONFIRMATION, LetterType.ACKNOWLEDGEMENT);
        assertThat(complaint(ref).getAcknowledgedAt()).isEqualTo(london("2026-12-24T11:00"));
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_1);
        // 10 working days from the acknowledgement letter of Thu 24 Dec 2026: 29, 30, 31 Dec, 4-8 Jan, 11, 12 Jan
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-12T17:00"));
        Task investigate = task(ref, "Task_InvestigateComplaint");
        assertThat(candidateGroupsOf(investigate)).containsExactly("advocacy");
        assertThat(investigate.getDueDate()).isEqualTo(Date.from(london("2027-01-12T17:00")));
        assertThat(openTasks(ref)).containsExactly("Task_InvestigateComplaint");
    }

    @Test
    void stage2IsSignedOffByADirectorAndAReworkGoesBackToTheReview() {
        clockAt("2027-03-08T09:00");
        String ref = logComplaint(HOUSING_PLUS, "homes-plus", false);
        ProcessInstance main = mainProcess(ref);
        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2027-03-15T17:00"));
        clockAt("2027-03-08T10:00");
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-03-22T17:00"));

        clockAt("2027-03-19T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        // Fri 19 Mar + 20 working days, skipping Good Friday 26 Mar and Easter Monday 29 Mar = Tue 20 Apr 2027
        assertThat(deadlineOf(ref, DeadlineType.ESCALATION_WINDOW)).isEqualTo(london("2027-04-20T17:00"));

        clockAt("2027-03-22T10:00");
        send(ref, CustomerMessage.ESCALATE);
        ProcessInstance stage2 = childProcess(ref, "stage-2");
        // Mon 22 Mar + 5 working days (Good Friday and Easter Monday skipped) = Wed 31 Mar 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_ACKNOWLEDGEMENT)).isEqualTo(london("2027-03-31T17:00"));
        Task acknowledge = task(ref, "Task_AcknowledgeStage2");
        assertThat(candidateGroupsOf(acknowledge)).containsExactly("senior-advocacy");
        assertThat(acknowledge.getDueDate()).isEqualTo(Date.from(london("2027-03-31T17:00")));

        clockAt("2027-03-25T10:00");
        complete(ref, "Task_AcknowledgeStage2");
        // 20 working days from the Stage 2 acknowledgement of Thu 25 Mar = Mon 26 Apr 2027 (17:00 BST)
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_RESPONSE)).isEqualTo(london("2027-04-26T17:00"));
        Task review = task(ref, "Task_ReviewComplaint");
        assertThat(candidateGroupsOf(review)).containsExactly("senior-advocacy");
        assertThat(review.getDueDate()).isEqualTo(Date.from(london("2027-04-26T17:00")));

        clockAt("2027-04-12T10:00");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND", "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        BpmnAwareTests.assertThat(stage2).isWaitingAt("Task_SignOffStage2Response");
        Task signOff = task(ref, "Task_SignOffStage2Response");
        assertThat(candidateGroupsOf(signOff)).containsExactly("directors");
        assertThat(signOff.getDueDate()).isEqualTo(Date.from(london("2027-04-26T17:00")));
        assertThat(lettersOf(ref)).doesNotContain(LetterType.STAGE_2_FINAL_RESPONSE);

        clockAt("2027-04-13T10:00");
        complete(ref, "Task_SignOffStage2Response", Map.of("signOffApproved", false,
                "signOffComment", "Answer the point about the missed appointments."));
        BpmnAwareTests.assertThat(stage2).isWaitingAt("Task_ReviewComplaint").hasPassed("Gateway_ReviewAgain");
        assertThat(openTasks(ref)).containsExactly("Task_ReviewComplaint");
        assertThat(task(ref, "Task_ReviewComplaint").getDueDate()).isEqualTo(Date.from(london("2027-04-26T17:00")));
        assertThat(lettersOf(ref)).doesNotContain(LetterType.STAGE_2_FINAL_RESPONSE);

        clockAt("2027-04-15T10:00");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND", "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        clockAt("2027-04-16T10:00");
        complete(ref, "Task_SignOffStage2Response", Map.of("signOffApproved", true));

        BpmnAwareTests.assertThat(stage2).isEnded().hasPassed("Task_SendFinalResponse");
        BpmnAwareTests.assertThat(main).isEnded()
                .hasPassed("Task_SendOmbudsmanSignposting", "Task_CloseAfterFinalResponse", "EndEvent_FinalResponseGiven")
                .hasNotPassed("CallActivity_OmbudsmanWait");
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.FINAL_RESPONSE);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_2);
        assertThat(complaint(ref).getFinalResponseAt()).isEqualTo(london("2027-04-16T10:00"));
        assertThat(deadlineOf(ref, DeadlineType.OMBUDSMAN_ELIGIBLE)).isNull();
        assertThat(breachesOf(ref)).isEmpty();
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.STAGE_1_RESPONSE,
                LetterType.STAGE_2_ACKNOWLEDGEMENT, LetterType.STAGE_2_FINAL_RESPONSE, LetterType.OMBUDSMAN_SIGNPOSTING);
    }

    @Test
    void carePlusComplaintsGoToTheLocalGovernmentAndSocialCareOmbudsman() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(HOUSING_PLUS, "care-plus", false);

        assertThat(policyOutput(ref, "ombudsman")).isEqualTo("LGSCO");
        assertThat(policyOutput(ref, "ombudsmanAnyTime")).isEqualTo(true);
        assertThat(processVariable(ref, "informalStage")).isEqualTo(false);
        assertThat(deadlineOf(ref, DeadlineType.ACKNOWLEDGEMENT)).isEqualTo(london("2026-12-30T17:00"));

        clockAt("2026-12-24T11:00");
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-12T17:00"));
        assertThat(candidateGroupsOf(task(ref, "Task_InvestigateComplaint"))).containsExactly("advocacy");
    }

    @Test
    void countyTownHomesHasTwentyWorkingDaysAtStage1AndTheNewHomesOmbudsman() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint(HOUSING_PLUS, "county-town-homes", false);
        assertThat(policyOutput(ref, "ombudsman")).isEqualTo("NEW_HOMES_OMBUDSMAN");

        clockAt("2026-12-24T11:00");
        complete(ref, "Task_AcknowledgeComplaint");

        BpmnAwareTests.assertThat(childProcess(ref, "stage-1")).isWaitingAt("Task_InvestigateComplaint");
        // Thu 24 Dec 2026 + 20 working days (28 Dec and 1 Jan are bank holidays) = Tue 26 Jan 2027
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-26T17:00"));
        assertThat(task(ref, "Task_InvestigateComplaint").getDueDate())
                .isEqualTo(Date.from(london("2027-01-26T17:00")));
    }
}
