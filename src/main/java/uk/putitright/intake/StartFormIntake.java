package uk.putitright.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
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
            "consentAlreadyGiven", "customerName", "complaintSummary", "desiredOutcome");

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
        NewComplaintRequest request = new NewComplaintRequest(null, text(execution, "businessLine"), null,
                option(Channel.class, execution, "channel"), null,
                new NewComplaintRequest.Customer(text(execution, "customerName"), text(execution, "customerEmail"),
                        text(execution, "customerPhone"), text(execution, "customerAddress"),
                        option(ContactMethod.class, execution, "preferredContact")),
                onBehalf ? new NewComplaintRequest.Representative(text(execution, "representativeName"),
                        text(execution, "representativeEmail"), text(execution, "representativePhone"), null) : null,
                text(execution, "complaintSummary"), text(execution, "desiredOutcome"));
        Set<ConstraintViolation<NewComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ProcessEngineException("The complaint was not logged: " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
        Complaint complaint;
        try {
            complaint = intake.register(request);
        } catch (InvalidFieldException e) {
            throw new ProcessEngineException("The complaint was not logged: " + e.field() + " " + e.getMessage(), e);
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

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static <E extends Enum<E>> E option(Class<E> type, DelegateExecution execution, String name) {
        String value = text(execution, name);
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("The complaint was not logged: " + name + " '" + value + "' is not an option");
        }
    }
}
