package uk.putitright.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.intake.ComplaintIntake;
import uk.putitright.intake.NewComplaintRequest;

/**
 * The real thing: a Chorus Homes complaint logged through {@link ComplaintIntake#log} (as the API does), then
 * acknowledged (acknowledgement letter), not put right at the informal stage (formal complaint guidance
 * letter), answered at Stage 1 (Stage 1 response letter), and closed at Stage 1 when the escalation window
 * ends without the customer escalating. Every step runs the real delegates, DMN, listeners, JPA and letter
 * templates; each letter is written to the letter table (the outbox) and starts its letter-delivery instance,
 * whose email job (which prints the PDF) is not run: delivery is outside the lifecycle.
 */
final class ProductLifecycle extends Lifecycle {

    static final String LANDLORD = "chorus-homes";

    private final ComplaintIntake intake;
    private final JdbcTemplate jdbc;

    ProductLifecycle(LifecycleDriver driver, ComplaintIntake intake, JdbcTemplate jdbc) {
        super("product", driver, List.of(
                new Completion("Task_AcknowledgeComplaint", ACKNOWLEDGED),
                new Completion("Task_PutItRight", NOT_PUT_RIGHT),
                new Completion("Task_InvestigateComplaint", STAGE_1_ANSWERED)),
                "Timer_Stage1EscalationWindowEnds");
        this.intake = intake;
        this.jdbc = jdbc;
    }

    @Override
    protected String start(long number, StepTimes times) {
        var request = new NewComplaintRequest(LANDLORD, null, null, Channel.PHONE, null,
                new NewComplaintRequest.Customer("Alex Customer " + number, "alex" + number + "@example.org",
                        "01234 567890", "1 High Street, Huntingdon", ContactMethod.EMAIL),
                null, "The boiler has not been repaired after three visits.", "Repair the boiler");
        long start = System.nanoTime();
        String main = intake.log(request).getProcessInstanceId();
        times.record("start: ComplaintIntake.log", System.nanoTime() - start);
        return main;
    }

    @Override
    long lettersInOutbox() {
        return jdbc.queryForObject("select count(*) from letter", Long.class);
    }
}
