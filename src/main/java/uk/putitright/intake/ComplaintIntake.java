package uk.putitright.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRegister;
import uk.putitright.complaint.ContactDetails;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.process.ComplaintProcess;
import uk.putitright.process.CustomerMessage;

/** Logs complaints and passes on customers' requests; each call is one transaction. */
@Service
public class ComplaintIntake {

    private final ComplaintRegister register;
    private final ComplaintProcess process;
    private final LandlordProperties landlords;
    private final IntakeLimits limits;
    private final EscalationRefusals refusals;
    private final ZoneId zone;

    public ComplaintIntake(ComplaintRegister register, ComplaintProcess process, LandlordProperties landlords,
                           WorkingDays workingDays, IntakeLimits limits, EscalationRefusals refusals) {
        this.register = register;
        this.refusals = refusals;
        this.process = process;
        this.landlords = landlords;
        this.limits = limits;
        this.zone = workingDays.zone();
    }

    /** Stores the complaint and starts its process together: either both happen or neither. */
    @Transactional
    public Complaint log(NewComplaintRequest request) {
        Complaint complaint = register(request);
        process.start(complaint);
        return complaint;
    }

    /** Checks the business rules the field annotations cannot, and stores the complaint with its reference. */
    @Transactional
    public Complaint register(NewComplaintRequest request) {
        String landlord = IntakeText.blankToNull(request.landlord()) == null ? landlords.landlord() : request.landlord();
        if (!landlords.isKnown(landlord)) {
            throw new InvalidFieldException("landlord", "unknown landlord '" + landlord + "'; known: "
                    + String.join(", ", landlords.landlords().keySet().stream().sorted().toList()));
        }
        String businessLine = IntakeText.blankToNull(request.businessLine()) != null ? request.businessLine()
                : landlords.get(landlord).defaultBusinessLine();
        var customer = request.customer();
        checkReachable(customer);
        var representative = request.representative();
        Instant receivedAt = request.receivedAt() == null ? ClockUtil.getCurrentTime().toInstant()
                : request.receivedAt().toInstant();
        return register.register(new Complaint(landlord, businessLine, IntakeText.blankToNull(request.serviceArea()),
                request.channel(), receivedAt,
                new ContactDetails(customer.name().strip(), customer.email(), customer.phone(), customer.address()),
                customer.preferredContact(),
                representative == null ? null : new ContactDetails(representative.name().strip(),
                        representative.email(), representative.phone(), representative.address()),
                request.summary().strip(), request.desiredOutcome()));
    }

    @Transactional(readOnly = true)
    public ComplaintView view(String reference) {
        return ComplaintView.of(register.find(reference), zone);
    }

    /**
     * @throws EscalationRefusedException when the complaint's escalation was refused, or the request comes after
     *     the escalation window (then the refusal and its letter are recorded now, and stay)
     */
    @Transactional(noRollbackFor = EscalationRefusedException.class)
    public Complaint escalate(String reference, EscalationRequest request) {
        Complaint complaint = register.find(reference);
        var refused = refusals.answerToRequest(complaint);
        if (refused.isPresent()) {
            throw new EscalationRefusedException(complaint.getReference(), refused.get());
        }
        if (request != null) {
            complaint.requestStage2(request.reason(), request.desiredOutcome());
        }
        process.send(complaint, CustomerMessage.ESCALATE);
        return complaint;
    }

    @Transactional
    public Complaint send(String reference, CustomerMessage message) {
        Complaint complaint = register.find(reference);
        process.send(complaint, message);
        return complaint;
    }

    /**
     * A date staff give for a letter that arrived earlier (the API's rule; tests and demo data may register
     * any date): never in the future, at most {@code max-backdating} ago and not before
     * {@code earliest-received-on}. The deadlines and breaches run from this moment, so a date years back
     * would breach every deadline at once.
     */
    public void checkReceivedAt(OffsetDateTime receivedAt) {
        if (receivedAt == null) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant given = receivedAt.toInstant();
        if (given.isAfter(now)) {
            throw new InvalidFieldException("receivedAt", "must not be in the future");
        }
        Instant earliest = limits.earliestReceivedOn().atStartOfDay(zone).toInstant();
        Instant window = now.minus(limits.maxBackdating());
        if (given.isBefore(window.isAfter(earliest) ? window : earliest)) {
            throw new InvalidFieldException("receivedAt", "must be within the last " + limits.maxBackdating().toDays()
                    + " days and not before " + limits.earliestReceivedOn());
        }
    }

    /** We must be able to answer the customer the way they asked. */
    private static void checkReachable(NewComplaintRequest.Customer customer) {
        switch (customer.preferredContact()) {
            case EMAIL -> require(customer.email(), "customer.email", "is needed when the preferred contact is EMAIL");
            case POST -> require(customer.address(), "customer.address", "is needed when the preferred contact is POST");
            case PHONE -> require(customer.phone(), "customer.phone", "is needed when the preferred contact is PHONE");
        }
    }


    private static void require(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, message);
        }
    }
}
