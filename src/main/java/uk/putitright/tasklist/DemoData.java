package uk.putitright.tasklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ComplaintRepository;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/**
 * Development only: one user per role (password = user name) and a handful of complaints at different
 * stages, so a new user sees real work in Tasklist at first start.
 */
@Component
@Profile("dev")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final Map<String, Role> USERS = Map.ofEntries(
            Map.entry("cs.smith", Role.CUSTOMER_SERVICE),
            Map.entry("sm.jones", Role.SERVICE_MANAGERS),
            Map.entry("adv.patel", Role.ADVOCACY),
            Map.entry("hos.brown", Role.HEADS_OF_SERVICE),
            Map.entry("sao.khan", Role.SENIOR_ADVOCACY),
            Map.entry("dir.evans", Role.DIRECTORS),
            Map.entry("dir.hughes", Role.DIRECTORS),
            Map.entry("icp.wilson", Role.ICP_PANEL),
            Map.entry("ol.taylor", Role.OMBUDSMAN_LIAISON),
            Map.entry("aud.green", Role.AUDITORS),
            Map.entry("po.white", Role.PROCESS_OWNERS),
            Map.entry("co.reed", Role.COMPLAINTS_OFFICER));

    private static final Map<String, String> FIRST_NAMES = Map.ofEntries(
            Map.entry("cs.smith", "Casey"), Map.entry("sm.jones", "Sam"), Map.entry("adv.patel", "Anita"),
            Map.entry("hos.brown", "Hannah"), Map.entry("sao.khan", "Sara"), Map.entry("dir.evans", "Dylan"),
            Map.entry("dir.hughes", "Delyth"), Map.entry("icp.wilson", "Ian"), Map.entry("ol.taylor", "Olu"),
            Map.entry("aud.green", "Alex"), Map.entry("po.white", "Pat"), Map.entry("co.reed", "Robin"));

    private final IdentityService identity;
    private final ComplaintIntake intake;
    private final ComplaintRepository complaints;
    private final TaskService tasks;
    private final RuntimeService runtime;

    DemoData(IdentityService identity, ComplaintIntake intake, ComplaintRepository complaints, TaskService tasks,
             RuntimeService runtime) {
        this.identity = identity;
        this.intake = intake;
        this.complaints = complaints;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void load() {
        USERS.forEach(this::user);
        if (complaints.count() == 0) {
            // the job executor moves complaints on; seeding waits for it in the background, not at start-up
            Thread seeding = new Thread(this::seedComplaints, "demo-complaints");
            seeding.setDaemon(true);
            seeding.start();
        }
    }

    private void user(String id, Role role) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            String[] names = id.split("\\.");
            user.setFirstName(FIRST_NAMES.getOrDefault(id, names[0].toUpperCase()));
            user.setLastName(Character.toUpperCase(names[1].charAt(0)) + names[1].substring(1));
            user.setEmail(id + "@example.org");
            user.setPassword(id);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(role.groupId()).count() == 0) {
            identity.createMembership(id, role.groupId());
        }
    }

    private void seedComplaints() {
        try {
            log("The repair to my kitchen tap was missed twice.", Channel.PHONE, false);
            String atPutItRight = log("Rubbish has been left in the communal hallway for weeks.", Channel.EMAIL, false);
            complete(atPutItRight, "Task_AcknowledgeComplaint", Map.of());
            String atStage1 = log("My neighbour's noise complaint was never answered.", Channel.ONLINE_FORM, false);
            complete(atStage1, "Task_AcknowledgeComplaint", Map.of());
            complete(atStage1, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED",
                    "putItRightAction", "Called the customer; the noise team needs to investigate."));
            String atStage2 = log("Damp in the bedroom came back after treatment.", Channel.WRITING, false);
            complete(atStage2, "Task_AcknowledgeComplaint", Map.of());
            complete(atStage2, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED",
                    "putItRightAction", "A damp survey is needed."));
            complete(atStage2, "Task_InvestigateComplaint", Map.of("stage1Decision", "RESPOND",
                    "stage1Findings", "The first treatment did not reach the wall cavity.",
                    "stage1Outcome", "PARTLY_UPHELD", "stage1Remedy", "Re-treat the wall and redecorate."));
            await(atStage2, () -> runtime.createExecutionQuery().processInstanceBusinessKey(atStage2)
                    .messageEventSubscriptionName("EscalateComplaint").count() > 0);
            runtime.createMessageCorrelation("EscalateComplaint").processInstanceBusinessKey(atStage2).correlate();
            log("I am complaining for my mother about her heating.", Channel.IN_PERSON, true);
            log.info("Demo complaints ready in Tasklist");
        } catch (RuntimeException e) {
            log.warn("Demo complaints could not all be created: {}", e.getMessage());
        }
    }

    private String log(String summary, Channel channel, boolean representative) {
        return intake.log(new NewComplaintRequest(null, null, null, channel, null,
                new NewComplaintRequest.Customer("Jo Example", "jo@example.org", "01480 111222",
                        "3 Brook Street, Huntingdon PE29 1AA", ContactMethod.EMAIL),
                representative ? new NewComplaintRequest.Representative("Chris Example", "chris@example.org",
                        null, null) : null,
                summary, "Put it right")).getReference();
    }

    private void complete(String reference, String taskKey, Map<String, Object> variables) {
        await(reference, () -> task(reference, taskKey) != null);
        tasks.complete(task(reference, taskKey).getId(), variables);
    }

    private Task task(String reference, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
    }

    private static void await(String reference, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("demo complaint " + reference + " did not move on in time");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
