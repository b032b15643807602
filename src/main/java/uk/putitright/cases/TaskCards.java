package uk.putitright.cases;

import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintNotFoundException;
import uk.putitright.complaint.ComplaintRepository;

/**
 * What a Tasklist task card shows about its complaint (the cards plugin in cases-plugin.js): the reference,
 * the stage, the customer's name and the task's due date with its verdict. Read from our tables each time, in
 * the browser only: the customer's name is never a process variable, so Tasklist's own card variables cannot
 * show it. Only for readers who may see the case (cases.CaseAccess).
 */
@RestController
class TaskCards {

    record Card(String reference, String stage, String stageLabel, String customer, Instant dueAt, String due,
                String dueStatus, String verdict) {
    }

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ComplaintRepository complaints;
    private final CaseAccess access;
    private final WorkingDays workingDays;

    TaskCards(TaskService tasks, RuntimeService runtime, IdentityService identity, ComplaintRepository complaints,
              CaseAccess access, WorkingDays workingDays) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.complaints = complaints;
        this.access = access;
        this.workingDays = workingDays;
    }

    @GetMapping(path = "/api/cases/by-task/{taskId}/card", produces = MediaType.APPLICATION_JSON_VALUE)
    @Transactional(readOnly = true)
    Card card(@PathVariable String taskId, Authentication user) {
        // read as the engine, like /api/cases/by-task/{taskId}: the reader's case access is checked below
        Task task = EngineReads.asEngine(identity, () -> tasks.createTaskQuery().taskId(taskId).singleResult());
        ProcessInstance instance = task == null || task.getProcessInstanceId() == null ? null
                : EngineReads.asEngine(identity, () -> runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult());
        String reference = instance == null ? null : instance.getBusinessKey();
        Complaint complaint = reference == null ? null : complaints.findByReference(reference).orElse(null);
        if (complaint == null) {
            throw new ComplaintNotFoundException("for task " + taskId.replaceAll("[^A-Za-z0-9-]", ""));
        }
        if (!access.maySee(access.scope(user), complaint)) {
            throw new CaseAccessDeniedException("This complaint has not been referred to the panel");
        }
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        DeadlineStatus status = DeadlineStatus.of(due, ClockUtil.getCurrentTime().toInstant(), workingDays);
        return new Card(complaint.getReference(), complaint.getStage().name(),
                CaseFile.stageLabel(complaint.getStage().name()),
                complaint.isAnonymised() ? "[erased]" : complaint.getCustomer().getName(), due,
                due == null ? null : workingDays.ukDate(due), status == null ? null : status.text(),
                status == null ? null : status.verdict());
    }
}
