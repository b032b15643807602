package uk.putitright.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import uk.putitright.TestStaff;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/** Complaints and staff for the authorization tests, made with the system's rights (no one logged in). */
record ComplaintFixtures(ComplaintIntake intake, RuntimeService runtime, TaskService tasks,
                         ManagementService management, IdentityService identity) {

    /** A Chorus Homes complaint, its first jobs run; a service area routes it to that area's case handler. */
    String logComplaint(String serviceArea) {
        String reference = intake.log(new NewComplaintRequest("chorus-homes", null, serviceArea, Channel.PHONE, null,
                new NewComplaintRequest.Customer("Alex Customer", "alex@example.org", "01234 567890",
                        "1 High Street, Huntingdon", ContactMethod.EMAIL), null,
                "The boiler has not been repaired after three visits.", "Repair the boiler")).getReference();
        runJobs(reference);
        return reference;
    }

    /** A complaint acknowledged, waiting in put it right (Task_PutItRight, for service-managers). */
    String complaintAtPutItRight(String serviceArea) {
        String reference = logComplaint(serviceArea);
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("Task_AcknowledgeComplaint").singleResult().getId());
        runJobs(reference);
        return reference;
    }

    ProcessInstance instance(String reference, String processKey) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(processKey).singleResult();
    }

    /** Every due job of this complaint, including the jobs they make. */
    void runJobs(String reference) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() != null
                            && reference.equals(businessKeyOf(job.getProcessInstanceId())))
                    .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs of " + reference + " keep making due jobs");
    }

    private String businessKeyOf(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }

    /** A user (password = id) in this group, or in none when the group is null. */
    void user(String id, String group) {
        if (group != null) {
            TestStaff.ensure(identity, id, id, group);
        } else if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(id);
            identity.saveUser(user);
        }
    }

    /** Gives the user this name, unless they have one. */
    void name(String userId, String first, String last) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user.getFirstName() == null) {
            user.setFirstName(first);
            user.setLastName(last);
            identity.saveUser(user);
        }
    }
}
