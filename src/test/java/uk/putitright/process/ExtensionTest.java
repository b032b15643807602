package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import uk.putitright.complaint.Breach;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;

/**
 * Stage 1 extensions (Chorus Homes: at most 10 more working days). The Stage 1 response is first due
 * Mon 11 Jan 2027 (Stage 1 started Wed 23 Dec 2026); the policy allows up to Mon 25 Jan 2027.
 */
class ExtensionTest extends ProcessTestSupport {

    private static final String HANDLER = "case.handler";

    @Test
    void extensionMovesTheDeadlineWritesANoticeAndTheTimerFiresAtTheNewDate() {
        String ref = chorusComplaintAtStage1();
        ProcessInstance stage1 = childProcess(ref, "stage-1");

        clockAt("2027-01-07T10:00");
        Task investigate = task(ref, "Task_InvestigateComplaint");
        tasks.setAssignee(investigate.getId(), HANDLER);
        // a form sends the new date as ISO text
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "EXTEND",
                "extensionReason", "  We need the contractor's report on the boiler  ",
                "extendedResponseBy", "2027-01-20"));

        BpmnAwareTests.assertThat(stage1).isWaitingAt("Task_CompleteExtendedInvestigation")
                .hasPassed("Task_RecordStage1Extension", "Task_SendStage1ExtensionNotice")
                .hasNotPassed("Task_SendStage1Response");
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-20T17:00"));
        assertThat(runtime.getVariable(stage1.getId(), "stage1ResponseBy"))
                .isEqualTo(Date.from(london("2027-01-20T17:00")));
        assertThat(extensionsOf(ref)).singleElement().satisfies(extension -> {
            assertThat(extension.getStage()).isEqualTo(Stage.STAGE_1);
            assertThat(extension.getReason()).isEqualTo("We need the contractor's report on the boiler");
            assertThat(extension.getPreviousDueAt()).isEqualTo(london("2027-01-11T17:00"));
            assertThat(extension.getNewDueAt()).isEqualTo(london("2027-01-20T17:00"));
            assertThat(extension.getGrantedBy()).isEqualTo(HANDLER);
            assertThat(extension.getRecordedAt()).isEqualTo(london("2027-01-07T10:00"));
        });
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE,
                LetterType.EXTENSION_NOTICE);
        Task extended = task(ref, "Task_CompleteExtendedInvestigation");
        assertThat(candidateGroupsOf(extended)).containsExactly("service-managers");
        assertThat(extended.getAssignee()).isEqualTo(complaint(ref).getCaseHandler());
        assertThat(extended.getDueDate()).isEqualTo(Date.from(london("2027-01-20T17:00")));
        assertThat(timerJob(stage1.getId(), "Timer_ExtendedStage1ResponseDue").getDuedate())
                .isEqualTo(Date.from(london("2027-01-20T17:00")));

        // the original deadline passes quietly
        clockAt("2027-01-11T17:00");
        assertThat(dueJobs(ref)).isEmpty();
        executeDueJobs();
        clockAt("2027-01-20T16:59");
        assertThat(dueJobs(ref)).isEmpty();
        executeDueJobs();
        assertThat(breachesOf(ref)).isEmpty();

        clockAt("2027-01-20T17:00");
        executeDueJobs();

        assertThat(breachesOf(ref)).singleElement().satisfies(breach -> {
            assertThat(breach.getDeadline()).isEqualTo(DeadlineType.STAGE_1_RESPONSE);
            assertThat(breach.getDueAt()).isEqualTo(london("2027-01-20T17:00"));
            assertThat(breach.getStage()).isEqualTo(Stage.STAGE_1);
        });
        BpmnAwareTests.assertThat(stage1).hasPassed("Timer_ExtendedStage1ResponseDue", "Task_RecordExtendedStage1Breach",
                        "Event_RequestExtendedStage1BreachReview", "EndEvent_ExtendedStage1BreachReviewed")
                .isWaitingAt("Task_CompleteExtendedInvestigation");
        // the review is a separate breach-review instance with the complaint's business key
        Task review = task(ref, "Task_ReviewMissedDeadline");
        assertThat(review.getProcessInstanceId()).isEqualTo(childProcess(ref, "breach-review").getId());
        assertThat(runtime.getVariable(review.getProcessInstanceId(), "deadline")).isEqualTo("STAGE_1_RESPONSE");
        assertThat(candidateGroupsOf(review)).containsExactly("heads-of-service");
        // Wed 20 Jan 17:00 + 2 working days = Fri 22 Jan 2027
        assertThat(review.getDueDate()).isEqualTo(Date.from(london("2027-01-22T17:00")));

        clockAt("2027-01-21T10:00");
        executeDueJobs();
        assertThat(breachesOf(ref)).extracting(Breach::getDeadline).containsExactly(DeadlineType.STAGE_1_RESPONSE);

        complete(ref, "Task_ReviewMissedDeadline");
        complete(ref, "Task_CompleteExtendedInvestigation", Map.of("stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        BpmnAwareTests.assertThat(stage1).isEnded().hasPassed("Task_SendStage1Response");
        BpmnAwareTests.assertThat(mainProcess(ref)).isWaitingAt("Gateway_AfterStage1Response");
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.FORMAL_COMPLAINT_GUIDANCE,
                LetterType.EXTENSION_NOTICE, LetterType.STAGE_1_RESPONSE);
    }

    @Test
    void anExtensionToAWeekendEndsOnTheNextWorkingDayUpToThePolicyMaximum() {
        String ref = chorusComplaintAtStage1();

        clockAt("2027-01-07T10:00");
        // Sat 23 Jan -> Mon 25 Jan 2027, which is exactly 10 working days after Mon 11 Jan
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "EXTEND",
                "extensionReason", "Specialist inspection booked", "extendedResponseBy", "2027-01-23"));

        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-25T17:00"));
        assertThat(extensionsOf(ref)).singleElement()
                .satisfies(extension -> assertThat(extension.getNewDueAt()).isEqualTo(london("2027-01-25T17:00")));
        assertThat(task(ref, "Task_CompleteExtendedInvestigation").getDueDate())
                .isEqualTo(Date.from(london("2027-01-25T17:00")));
        assertThat(lettersOf(ref)).endsWith(LetterType.EXTENSION_NOTICE);
    }

    @Test
    void anExtensionBeyondThePolicyMaximumIsRefusedWhenTheWorkerCompletesTheTask() {
        String ref = chorusComplaintAtStage1();
        clockAt("2027-01-07T10:00");
        String investigate = task(ref, "Task_InvestigateComplaint").getId();

        assertThatThrownBy(() -> completeWithoutRunningJobs(ref, "Task_InvestigateComplaint", Map.of(
                "stage1Decision", "EXTEND", "extensionReason", "Specialist inspection booked",
                "extendedResponseBy", "2027-01-26")))
                .hasMessageContaining("The policy allows at most 10 more working days");
        assertThatThrownBy(() -> completeWithoutRunningJobs(ref, "Task_InvestigateComplaint", Map.of(
                "stage1Decision", "EXTEND", "extensionReason", " ", "extendedResponseBy", "2027-01-20")))
                .hasMessageContaining("An extension needs a reason");

        assertThat(task(ref, "Task_InvestigateComplaint").getId()).isEqualTo(investigate);
        assertThat(extensionsOf(ref)).isEmpty();
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-11T17:00"));
    }

    @Test
    void anExtensionChangedBehindTheFormsBackFailsItsStepAndRaisesAnIncident() {
        String ref = chorusComplaintAtStage1();
        ProcessInstance stage1 = childProcess(ref, "stage-1");

        clockAt("2027-01-07T10:00");
        completeWithoutRunningJobs(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "EXTEND",
                "extensionReason", "Specialist inspection booked", "extendedResponseBy", "2027-01-20"));
        // e.g. someone edits the variable in Cockpit before the extension is recorded
        runtime.setVariable(stage1.getId(), "extendedResponseBy", "2027-01-26");

        assertThatThrownBy(this::executeDueJobs).hasStackTraceContaining("The policy allows at most 10 more working days");
        assertExtensionRejected(ref, stage1, "The policy allows at most 10 more working days");
    }

    // ---------------------------------------------------------------- helpers

    /** The failed step keeps its exception, retries run out into an incident, and nothing was recorded. */
    private void assertExtensionRejected(String ref, ProcessInstance stage1, String message) {
        Job failed = management.createJobQuery().processInstanceId(stage1.getId()).withException().singleResult();
        assertThat(failed).isNotNull();
        assertThat(failed.getExceptionMessage()).contains(message);
        assertThat(failed.getRetries()).isPositive();
        assertThat(management.getJobExceptionStacktrace(failed.getId())).contains(message);

        for (int attempt = 0; attempt < 10 && jobRetries(failed.getId()) > 0; attempt++) {
            try {
                management.executeJob(failed.getId());
            } catch (RuntimeException expected) {
                // each retry fails the same way
            }
        }
        assertThat(jobRetries(failed.getId())).isZero();
        Incident incident = runtime.createIncidentQuery().processInstanceId(stage1.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("Task_RecordStage1Extension");
        assertThat(incident.getIncidentMessage()).contains(message);

        BpmnAwareTests.assertThat(stage1).isWaitingAt("Task_RecordStage1Extension")
                .hasNotPassed("Task_SendStage1ExtensionNotice");
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-11T17:00"));
        assertThat(extensionsOf(ref)).isEmpty();
        assertThat(lettersOf(ref)).doesNotContain(LetterType.EXTENSION_NOTICE);
        assertThat(openTasks(ref)).isEmpty();
    }

    private int jobRetries(String jobId) {
        return management.createJobQuery().jobId(jobId).singleResult().getRetries();
    }

    private void completeWithoutRunningJobs(String ref, String taskKey, Map<String, Object> variables) {
        tasks.complete(task(ref, taskKey).getId(), variables);
    }

    /** Chorus Homes, received Mon 21 Dec 2026, Stage 1 from Wed 23 Dec: response due Mon 11 Jan 2027. */
    private String chorusComplaintAtStage1() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        complete(ref, "Task_AcknowledgeComplaint");
        clockAt("2026-12-23T10:00");
        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
        assertThat(deadlineOf(ref, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-11T17:00"));
        return ref;
    }
}
