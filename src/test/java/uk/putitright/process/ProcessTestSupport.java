package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import uk.putitright.TestStaff;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterType;

/**
 * Runs the real application (engine, DMN, delegates, JPA on H2) with the job executor off: tests move the
 * engine clock and execute due jobs themselves.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class ProcessTestSupport {

    protected static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired protected ProcessEngine engine;
    @Autowired protected RuntimeService runtime;
    @Autowired protected TaskService tasks;
    @Autowired protected FormService forms;
    @Autowired protected ManagementService management;
    @Autowired protected HistoryService history;
    @Autowired protected IdentityService identity;
    @Autowired protected ComplaintIntake intake;
    @Autowired protected ComplaintRepository complaints;
    @Autowired protected LetterRepository letters;
    @Autowired protected uk.putitright.policy.ComplaintPolicy policies;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
        uk.putitright.letters.TestMailServer.running();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Sets the engine clock to a London wall-clock time. */
    protected static void clockAt(String londonDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant()));
    }

    protected static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    protected static Instant london(String londonDateTime) {
        return LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant();
    }

    /** Logs a complaint received now (engine clock) for the landlord and line, and runs its first steps. */
    protected String logComplaint(String landlord, String businessLine, boolean withRepresentative) {
        var request = new NewComplaintRequest(landlord, businessLine, null, Channel.PHONE, null,
                new NewComplaintRequest.Customer("Alex Customer", "alex@example.org", "01234 567890",
                        "1 High Street, Huntingdon", ContactMethod.EMAIL),
                withRepresentative ? new NewComplaintRequest.Representative("Sam Advocate", "sam@example.org",
                        null, null) : null,
                "The boiler has not been repaired after three visits.", "Repair the boiler");
        String reference = intake.log(request).getReference();
        myComplaints.add(reference);
        executeDueJobs();
        return reference;
    }

    /**
     * Executes every job of this test's complaints that is due by the engine clock, including jobs those jobs
     * create. Other tests' complaints share the database; their jobs are left alone.
     */
    protected void executeDueJobs() {
        for (int round = 0; round < 200; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() != null
                            && myComplaints.contains(businessKeyOf(job.getProcessInstanceId())))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep creating due jobs; is a timer looping?");
    }

    /** Complaints logged by the running test (JUnit makes a new test instance per test method). */
    protected final java.util.Set<String> myComplaints = new java.util.HashSet<>();

    private String businessKeyOf(String processInstanceId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    protected Task task(String reference, String taskDefinitionKey) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as("open task %s of %s", taskDefinitionKey, reference).isNotNull();
        return task;
    }

    protected List<String> openTasks(String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    protected void complete(String reference, String taskDefinitionKey, Map<String, Object> variables) {
        tasks.complete(task(reference, taskDefinitionKey).getId(), variables);
        executeDueJobs();
    }

    protected void complete(String reference, String taskDefinitionKey) {
        complete(reference, taskDefinitionKey, Map.of());
    }

    protected void send(String reference, CustomerMessage message) {
        runtime.createMessageCorrelation(message.messageName()).processInstanceBusinessKey(reference).correlate();
        executeDueJobs();
    }

    protected Complaint complaint(String reference) {
        return complaints.findByReference(reference).orElseThrow();
    }

    /** The letters the customer was sent (a representative's copies are checked where they matter). */
    protected List<LetterType> lettersOf(String reference) {
        return letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint(reference).getId()).stream()
                .filter(letter -> !letter.isCopyForRepresentative())
                .map(uk.putitright.letters.Letter::getType).toList();
    }

    protected boolean processEnded(String reference) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 0;
    }

    protected void ensureUser(String userId, String groupId) {
        TestStaff.ensure(identity, userId, userId, groupId);
    }

    // ---- helpers added for the process tests (existing methods above are unchanged) ----

    @Autowired protected org.springframework.transaction.PlatformTransactionManager transactionManager;

    /** The complaint's main process instance (running). */
    protected org.camunda.bpm.engine.runtime.ProcessInstance mainProcess(String reference) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey("complaint")
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(instance).as("running complaint process of %s", reference).isNotNull();
        return instance;
    }

    /** The running instance of a called process (stage-1, stage-2, put-it-right, ...) of the complaint. */
    protected org.camunda.bpm.engine.runtime.ProcessInstance childProcess(String reference, String processKey) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(instance).as("running %s process of %s", processKey, reference).isNotNull();
        return instance;
    }

    /** The breaches recorded on the complaint (read in a transaction: the collection is lazy). */
    protected List<uk.putitright.complaint.Breach> breachesOf(String reference) {
        return new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(status -> List.copyOf(complaint(reference).getBreaches()));
    }

    /** The extensions recorded on the complaint (read in a transaction: the collection is lazy). */
    protected List<uk.putitright.complaint.Extension> extensionsOf(String reference) {
        return new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .execute(status -> List.copyOf(complaint(reference).getExtensions()));
    }

    protected Instant deadlineOf(String reference, uk.putitright.complaint.DeadlineType type) {
        return complaint(reference).getDeadlines().get(type);
    }

    /** Jobs of the complaint (main process and called processes) that are due by the engine clock. */
    protected List<Job> dueJobs(String reference) {
        return management.createJobQuery().executable().list().stream()
                .filter(job -> job.getProcessInstanceId() != null
                        && reference.equals(businessKeyOf(job.getProcessInstanceId())))
                .toList();
    }

    /** The pending timer job of a timer event in the given process instance. */
    protected Job timerJob(String processInstanceId, String timerActivityId) {
        Job job = management.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(timerActivityId).singleResult();
        assertThat(job).as("timer %s of %s", timerActivityId, processInstanceId).isNotNull();
        return job;
    }

    protected List<String> candidateGroupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType())
                        && link.getGroupId() != null)
                .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).sorted().toList();
    }

    /** An output of the complaint-policy row the complaint runs under (pinned when its process determined it). */
    protected Object policyOutput(String reference, String name) {
        var complaint = complaint(reference);
        assertThat(complaint.getPolicyDecisionId()).as("policy version recorded on " + reference).isNotNull();
        return policies.of(complaint).get(name);
    }

    /** A variable of the complaint's main process. */
    protected Object processVariable(String reference, String name) {
        return runtime.getVariable(mainProcess(reference).getId(), name);
    }

    protected void removeUser(String userId) {
        if (identity.createUserQuery().userId(userId).count() > 0) {
            identity.deleteUser(userId);
        }
    }
}
