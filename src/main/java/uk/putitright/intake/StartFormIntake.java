package uk.putitright.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Channel;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.process.FormVariables;
import uk.putitright.process.ProcessNames;

/**
 * When staff log a complaint with Tasklist's "Log a complaint" start form, the form's fields arrive as
 * process variables. This start listener applies the same rules as the API, stores the complaint in our
 * tables, makes its reference the business key, and removes the personal fields from the process.
 * A complaint started through the API already has its id and passes straight through.
 */
@Component("startFormIntake")
class StartFormIntake implements ExecutionListener {

    private static final Set<String> FORM_FIELDS = Set.of("channel", "preferredContact", "onBehalf",
            "consentAlreadyGiven", "customerName", "complaintSummary", "desiredOutcome", "serviceArea");

    /** The start form's name for each field the rules check, so a refusal says what to change in the form. */
    private static final Map<String, String> FORM_LABELS = Map.ofEntries(
            Map.entry("channel", "Channel"), Map.entry("businessLine", "Business line"),
            Map.entry("serviceArea", "What it is about (service area)"),
            Map.entry("customer.name", "Customer's full name"), Map.entry("customer.email", "Email address"),
            Map.entry("customer.phone", "Phone number"), Map.entry("customer.address", "Postal address"),
            Map.entry("customer.preferredContact", "How the customer wants us to contact them"),
            Map.entry("representative.name", "Representative's name"),
            Map.entry("representative.email", "Representative's email address"),
            Map.entry("representative.phone", "Representative's phone number"),
            Map.entry("summary", "What the complaint is about"),
            Map.entry("desiredOutcome", "What the customer wants to happen"));

    /** What to do when the preferred way to answer has no details to answer with. */
    private static final Map<String, String> UNREACHABLE = Map.of(
            "customer.email", "the customer wants us to email them, so add their email address or choose another way",
            "customer.phone", "the customer wants us to phone them, so add their phone number or choose another way",
            "customer.address", "the customer wants letters by post, so add their postal address or choose another way");

    /** Starts every refusal; {@link StartFormRefusals} shows Tasklist the message from here on. */
    public static final String REFUSAL = "The complaint was not logged. ";

    private final ComplaintIntake intake;
    private final Validator validator;

    StartFormIntake(ComplaintIntake intake, Validator validator) {
        this.intake = intake;
        this.validator = validator;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable(ProcessNames.COMPLAINT_ID) != null) {
            return;
        }
        boolean onBehalf = Boolean.TRUE.equals(execution.getVariable("onBehalf"));
        boolean consentGiven = Boolean.TRUE.equals(execution.getVariable("consentAlreadyGiven"));
        // when it is the way to answer, the form asks for the email, phone or address in a required field
        NewComplaintRequest request = new NewComplaintRequest(null, text(execution, "businessLine"),
                text(execution, "serviceArea"), option(Channel.class, execution, "channel"), null,
                new NewComplaintRequest.Customer(text(execution, "customerName"),
                        text(execution, "customerEmailNeeded", "customerEmail"),
                        text(execution, "customerPhoneNeeded", "customerPhone"),
                        text(execution, "customerAddressNeeded", "customerAddress"),
                        option(ContactMethod.class, execution, "preferredContact")),
                onBehalf ? new NewComplaintRequest.Representative(text(execution, "representativeName"),
                        text(execution, "representativeEmail"), text(execution, "representativePhone"), null) : null,
                text(execution, "complaintSummary"), text(execution, "desiredOutcome"));
        Set<ConstraintViolation<NewComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ProcessEngineException(REFUSAL + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> plain(v.getPropertyPath().toString(), v.getMessage()))
                    .collect(Collectors.joining(" ")));
        }
        Complaint complaint;
        try {
            complaint = intake.register(request);
        } catch (InvalidFieldException e) {
            throw new ProcessEngineException(REFUSAL + (UNREACHABLE.containsKey(e.field())
                    ? FORM_LABELS.get(e.field()) + ": " + UNREACHABLE.get(e.field()) + "."
                    : plain(e.field(), e.getMessage())), e);
        }
        if (onBehalf && consentGiven) {
            complaint.recordConsent(true);
        }
        complaint.linkProcess(execution.getProcessInstanceId());
        execution.setProcessBusinessKey(complaint.getReference());
        execution.setVariable(ProcessNames.COMPLAINT_ID, complaint.getId());
        execution.setVariable(ProcessNames.REFERENCE, complaint.getReference());
        execution.setVariable(ProcessNames.LANDLORD, complaint.getLandlord());
        execution.setVariable(ProcessNames.BUSINESS_LINE, complaint.getBusinessLine() == null ? "" : complaint.getBusinessLine());
        execution.setVariable(ProcessNames.HAS_REPRESENTATIVE, onBehalf && !consentGiven);
        FORM_FIELDS.forEach(execution::removeVariable);
        FormVariables.START_FORM_PERSONAL.forEach(execution::removeVariable);
    }

    /** "Customer's full name: must not be blank (customer.name)." The path stays for the API's callers. */
    private static String plain(String path, String message) {
        return FORM_LABELS.getOrDefault(path, path) + ": " + message + " (" + path + ").";
    }

    private static String text(DelegateExecution execution, String name, String otherwise) {
        String value = text(execution, name);
        return value != null ? value : text(execution, otherwise);
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static <E extends Enum<E>> E option(Class<E> type, DelegateExecution execution, String name) {
        String value = text(execution, name);
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException(REFUSAL + FORM_LABELS.getOrDefault(name, name) + ": '" + value
                    + "' is not one of the options (" + name + ").");
        }
    }
}
