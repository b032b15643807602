package uk.putitright.process;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;

/** Finds the complaint a process step works on, and the engine's "now" (tests move it with ClockUtil). */
@Component
class ComplaintRecords {

    private final ComplaintRepository complaints;

    ComplaintRecords(ComplaintRepository complaints) {
        this.complaints = complaints;
    }

    Complaint of(DelegateExecution execution) {
        return of(ProcessNames.complaintId(execution));
    }

    Complaint of(Long id) {
        return complaints.findById(id)
                .orElseThrow(() -> new IllegalStateException("Complaint " + id + " is missing from our tables"));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static String requiredInput(DelegateExecution execution, String name) {
        String value = optionalInput(execution, name);
        if (value == null) {
            throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "' needs the extension "
                    + "property (or input) '" + name + "'");
        }
        return value;
    }

    /**
     * What the model tells a generic step, e.g. {@code letterType} = ACKNOWLEDGEMENT: a camunda:property of the
     * step (Modeler: "Extension properties"), read from the deployed model, so it costs no process variable
     * and no history rows; an input parameter of the same name (a variable local to the step) also works.
     */
    static String optionalInput(DelegateExecution execution, String name) {
        String value = StepProperties.of(execution.getBpmnModelElementInstance(), name);
        if (value == null) {
            Object local = execution.getVariableLocal(name);
            value = local == null ? null : local.toString();
        }
        return value == null || value.isBlank() ? null : value;
    }
}
