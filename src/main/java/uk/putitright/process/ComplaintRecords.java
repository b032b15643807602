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
        Long id = ((Number) execution.getVariable(ProcessNames.COMPLAINT_ID)).longValue();
        return complaints.findById(id)
                .orElseThrow(() -> new IllegalStateException("Complaint " + id + " is missing from our tables"));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static String requiredInput(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        if (value == null) {
            throw new IllegalStateException("Step '" + execution.getCurrentActivityId() + "' needs input '" + name + "'");
        }
        return value.toString();
    }

    static String optionalInput(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
