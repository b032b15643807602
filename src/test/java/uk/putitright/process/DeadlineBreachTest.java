package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import uk.putitright.complaint.Breach;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;

/**
 * Every deadline timer on a user task fires once, at the deadline and not a minute before: it records the
 * breach, starts a separate missed deadline review for a manager (a {@code breach-review} instance with the
 * complaint's business key, so the review never holds up the complaint), and leaves the overdue work open
 * (the case is not lost).
 */
class DeadlineBreachTest extends ProcessTestSupport {

    @Test
    void missedAcknowledgement() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        ProcessInstance main = mainProcess(ref);

        assertBreachFiresOnce(ref, main, "Timer_AcknowledgementDue", london("2026-12-23T17:00"),
                DeadlineType.ACKNOWLEDGEMENT, Stage.INTAKE, "Task_AcknowledgeComplaint",
                "heads-of-service", london("2026-12-29T17:00"));
        BpmnAwareTests.assertThat(main).hasPassed("Task_RecordAcknowledgementBreach",
                        "Event_RequestAcknowledgementBreachReview", "EndEvent_AcknowledgementBreachReviewed")
                .isWaitingAt("Task_AcknowledgeComplaint");

        // the late acknowledgement still goes out and the complaint moves on, review or no review
        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT);
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_PutItRight");
        assertThat(breachesOf(ref)).hasSize(1);
        assertThat(openTasks(ref)).containsExactly("Task_PutItRight", "Task_ReviewMissedDeadline");

        ProcessInstance review = breachReview(ref);
        complete(ref, "Task_ReviewMissedDeadline", Map.of("breachReviewNote", "Short-staffed over Christmas"));
        BpmnAwareTests.assertThat(review).isEnded().hasPassed("EndEvent_BreachReviewed");
        BpmnAwareTests.assertThat(main).isWaitingAt("CallActivity_PutItRight");
    }

    @Test
    void missedStage1Response() {
        String ref = hocComplaintAtStage1();
        ProcessInstance stage1 = childProcess(ref, "stage-1");

        assertBreachFiresOnce(ref, stage1, "Timer_Stage1ResponseDue", london("2027-01-11T17:00"),
                DeadlineType.STAGE_1_RESPONSE, Stage.STAGE_1, "Task_InvestigateComplaint",
                "heads-of-service", london("2027-01-13T17:00"));
        BpmnAwareTests.assertThat(stage1).isWaitingAt("Task_InvestigateComplaint")
                .hasPassed("Task_RecordStage1Breach", "Event_RequestStage1BreachReview", "EndEvent_Stage1BreachReviewed");

        complete(ref, "Task_ReviewMissedDeadline");
        clockAt("2027-01-12T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        BpmnAwareTests.assertThat(stage1).isEnded();
        BpmnAwareTests.assertThat(mainProcess(ref)).isWaitingAt("Gateway_AfterStage1Response");
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.STAGE_1_RESPONSE);
    }

    @Test
    void missedStage2Acknowledgement() {
        String ref = hocComplaintAtStage2Acknowledgement();
        ProcessInstance stage2 = childProcess(ref, "stage-2");

        assertBreachFiresOnce(ref, stage2, "Timer_Stage2AcknowledgementDue", london("2027-01-18T17:00"),
                DeadlineType.STAGE_2_ACKNOWLEDGEMENT, Stage.STAGE_2, "Task_AcknowledgeStage2",
                "directors", london("2027-01-20T17:00"));
        BpmnAwareTests.assertThat(stage2).isWaitingAt("Task_AcknowledgeStage2")
                .hasPassed("Task_RecordStage2AcknowledgementBreach", "Event_RequestStage2AcknowledgementBreachReview",
                        "EndEvent_Stage2AcknowledgementBreachReviewed");

        complete(ref, "Task_AcknowledgeStage2");
        assertThat(lettersOf(ref)).endsWith(LetterType.STAGE_2_ACKNOWLEDGEMENT);
        assertThat(openTasks(ref)).containsExactly("Task_ReviewComplaint", "Task_ReviewMissedDeadline");
    }

    @Test
    void missedStage2Response() {
        String ref = hocComplaintAtStage2Review();
        ProcessInstance stage2 = childProcess(ref, "stage-2");

        assertBreachFiresOnce(ref, stage2, "Timer_Stage2ResponseDue", london("2027-02-10T17:00"),
                DeadlineType.STAGE_2_RESPONSE, Stage.STAGE_2, "Task_ReviewComplaint",
                "directors", london("2027-02-12T17:00"));
        BpmnAwareTests.assertThat(stage2).isWaitingAt("Task_ReviewComplaint")
                .hasPassed("Task_RecordStage2Breach", "Event_RequestStage2BreachReview", "EndEvent_Stage2BreachReviewed");

        // the final response does not wait for the directors' review, and the review outlives the complaint
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "RESPOND", "stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        BpmnAwareTests.assertThat(stage2).isEnded();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("complaint")
                .processInstanceBusinessKey(ref).count()).isZero();
        assertThat(openTasks(ref)).containsExactly("Task_ReviewMissedDeadline");
        complete(ref, "Task_ReviewMissedDeadline");
        assertThat(processEnded(ref)).isTrue();
        assertThat(lettersOf(ref)).endsWith(LetterType.STAGE_2_FINAL_RESPONSE, LetterType.OMBUDSMAN_SIGNPOSTING);
    }

    @Test
    void missedExtendedStage2ResponseFiresAtTheExtendedDateNotTheOriginalOne() {
        String ref = hocComplaintAtStage2Review();
        ProcessInstance stage2 = childProcess(ref, "stage-2");

        clockAt("2027-02-03T10:00");
        complete(ref, "Task_ReviewComplaint", Map.of("stage2Decision", "EXTEND",
                "extensionReason", "We are waiting for the surveyor's report",
                "extendedResponseBy", "2027-02-24"));

        BpmnAwareTests.assertThat(stage2).isWaitingAt("Task_CompleteExtendedReview")
                .hasPassed("Task_RecordStage2Extension", "Task_SendStage2ExtensionNotice");
        assertThat(deadlineOf(ref, DeadlineType.STAGE_2_RESPONSE)).isEqualTo(london("2027-02-24T17:00"));
        var extensions = extensionsOf(ref);
        assertThat(extensions).hasSize(1);
        assertThat(extensions.get(0).getStage()).isEqualTo(Stage.STAGE_2);
        assertThat(extensions.get(0).getReason()).isEqualTo("We are waiting for the surveyor's report");
        assertThat(extensions.get(0).getPreviousDueAt()).isEqualTo(london("2027-02-10T17:00"));
        assertThat(extensions.get(0).getNewDueAt()).isEqualTo(london("2027-02-24T17:00"));
        assertThat(lettersOf(ref)).endsWith(LetterType.EXTENSION_NOTICE);
        Task extended = task(ref, "Task_CompleteExtendedReview");
        assertThat(candidateGroupsOf(extended)).containsExactly("heads-of-service");
        assertThat(extended.getDueDate()).isEqualTo(Date.from(london("2027-02-24T17:00")));

        // the original deadline passes quietly
        clockAt("2027-02-10T17:00");
        assertThat(dueJobs(ref)).isEmpty();
        executeDueJobs();
        assertThat(breachesOf(ref)).isEmpty();

        assertBreachFiresOnce(ref, stage2, "Timer_ExtendedStage2ResponseDue", london("2027-02-24T17:00"),
                DeadlineType.STAGE_2_RESPONSE, Stage.STAGE_2, "Task_CompleteExtendedReview",
                "directors", london("2027-02-26T17:00"));
        BpmnAwareTests.assertThat(stage2).hasPassed("Event_RequestExtendedStage2BreachReview",
                "EndEvent_ExtendedStage2BreachReviewed");

        complete(ref, "Task_ReviewMissedDeadline");
        complete(ref, "Task_CompleteExtendedReview", Map.of("stage2Findings", "The Stage 1 remedy was not enough.", "stage2Outcome", "PARTLY_UPHELD"));
        assertThat(processEnded(ref)).isTrue();
        assertThat(lettersOf(ref)).endsWith(LetterType.EXTENSION_NOTICE, LetterType.STAGE_2_FINAL_RESPONSE,
                LetterType.OMBUDSMAN_SIGNPOSTING);
    }

    @Test
    void theCustomerCanEscalateWhileAMissedStage1ResponseIsStillUnderReview() {
        String ref = hocComplaintAtStage1();
        ProcessInstance stage1 = childProcess(ref, "stage-1");
        clockAt("2027-01-11T17:00");
        executeDueJobs();
        ProcessInstance review = breachReview(ref);
        clockAt("2027-01-12T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));

        assertThat(lettersOf(ref)).endsWith(LetterType.STAGE_1_RESPONSE);
        BpmnAwareTests.assertThat(stage1).isEnded();
        BpmnAwareTests.assertThat(mainProcess(ref)).isWaitingAt("Gateway_AfterStage1Response");
        send(ref, CustomerMessage.ESCALATE);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.STAGE_2);
        BpmnAwareTests.assertThat(childProcess(ref, "stage-2")).isWaitingAt("Task_AcknowledgeStage2");
        // the head of service's review carries on on its own
        BpmnAwareTests.assertThat(review).isWaitingAt("Task_ReviewMissedDeadline");
        assertThat(openTasks(ref)).containsExactly("Task_AcknowledgeStage2", "Task_ReviewMissedDeadline");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * One minute before the deadline nothing is due; at the deadline the timer records exactly one breach and
     * starts one missed deadline review (its own {@code breach-review} instance with the complaint's business
     * key, variable {@code deadline} naming the missed deadline, task for the review group due 2 working days
     * later), the overdue task stays open, and later job runs add nothing.
     */
    private void assertBreachFiresOnce(String ref, ProcessInstance instance, String timerId, Instant due,
                                       DeadlineType deadline, Stage stage, String overdueTask,
                                       String reviewGroup, Instant reviewDue) {
        String reviewTask = "Task_ReviewMissedDeadline";
        assertThat(timerJob(instance.getId(), timerId).getDuedate()).isEqualTo(Date.from(due));
        assertThat(deadlineOf(ref, deadline)).isEqualTo(due);
        assertThat(task(ref, overdueTask).getDueDate()).isEqualTo(Date.from(due));

        clockAt(due.minus(Duration.ofMinutes(1)));
        assertThat(dueJobs(ref)).isEmpty();
        executeDueJobs();
        assertThat(breachesOf(ref)).isEmpty();
        assertThat(openTasks(ref)).doesNotContain(reviewTask);

        clockAt(due);
        executeDueJobs();

        assertThat(breachesOf(ref)).singleElement().satisfies(breach -> {
            assertThat(breach.getDeadline()).isEqualTo(deadline);
            assertThat(breach.getDueAt()).isEqualTo(due);
            assertThat(breach.getStage()).isEqualTo(stage);
            assertThat(breach.getRecordedAt()).isEqualTo(due);
        });
        BpmnAwareTests.assertThat(instance).hasPassed(timerId);
        Task review = task(ref, reviewTask);
        assertThat(candidateGroupsOf(review)).containsExactly(reviewGroup);
        assertThat(review.getDueDate()).isEqualTo(Date.from(reviewDue));
        ProcessInstance reviewInstance = breachReview(ref);
        assertThat(review.getProcessInstanceId()).isEqualTo(reviewInstance.getId());
        assertThat(reviewInstance.getId()).isNotEqualTo(instance.getId());
        assertThat(runtime.getVariable(reviewInstance.getId(), "deadline")).isEqualTo(deadline.name());
        assertThat(runtime.getVariable(reviewInstance.getId(), ProcessNames.COMPLAINT_ID))
                .isEqualTo(complaint(ref).getId());
        assertThat(openTasks(ref)).contains(overdueTask, reviewTask);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).activityId(timerId).count())
                .as("a deadline timer fires once").isZero();

        clockAt(due.plus(Duration.ofDays(1)));
        executeDueJobs();
        assertThat(breachesOf(ref)).extracting(Breach::getDeadline).containsExactly(deadline);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(ref).taskDefinitionKey(reviewTask).count())
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("breach-review")
                .processInstanceBusinessKey(ref).count()).isEqualTo(1);
    }

    /** The complaint's one running missed deadline review. */
    private ProcessInstance breachReview(String ref) {
        return childProcess(ref, "breach-review");
    }

    /** hoc-2024, received Mon 21 Dec 2026, acknowledged Wed 23 Dec: Stage 1 due Mon 11 Jan 2027. */
    private String hocComplaintAtStage1() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("hoc-2024", null, false);
        clockAt("2026-12-23T10:00");
        complete(ref, "Task_AcknowledgeComplaint");
        return ref;
    }

    /** ... Stage 1 response Fri 8 Jan, escalated Mon 11 Jan 2027: Stage 2 acknowledgement due Mon 18 Jan. */
    private String hocComplaintAtStage2Acknowledgement() {
        String ref = hocComplaintAtStage1();
        clockAt("2027-01-08T10:00");
        complete(ref, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND", "stage1Findings", "The repair was late.", "stage1Outcome", "UPHELD"));
        clockAt("2027-01-11T10:00");
        send(ref, CustomerMessage.ESCALATE);
        return ref;
    }

    /** ... Stage 2 acknowledged Wed 13 Jan 2027: Stage 2 response due Wed 10 Feb. */
    private String hocComplaintAtStage2Review() {
        String ref = hocComplaintAtStage2Acknowledgement();
        clockAt("2027-01-13T10:00");
        complete(ref, "Task_AcknowledgeStage2");
        return ref;
    }
}
