package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.DeadlineType;

/** A deadline timer fired: the missed {@code deadline} is recorded once against the complaint. */
@Component("recordBreach")
class RecordBreachDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(RecordBreachDelegate.class);

    private final ComplaintRecords records;

    RecordBreachDelegate(ComplaintRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineType deadline = DeadlineType.valueOf(ComplaintRecords.requiredInput(execution, "deadline"));
        records.of(execution).recordBreach(deadline, ComplaintRecords.now());
        // the engine puts the complaint reference in the log context (loggingContextBusinessKey)
        log.warn("Deadline missed: {}", deadline);
    }
}
