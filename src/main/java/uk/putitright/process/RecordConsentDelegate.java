package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores the customer's answer on whether the representative may act for them. */
@Component("recordConsent")
class RecordConsentDelegate implements JavaDelegate {

    private final ComplaintRecords records;

    RecordConsentDelegate(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        records.of(execution).recordConsent(Boolean.TRUE.equals(execution.getVariable(ProcessNames.CONSENT_GIVEN)));
    }
}
