package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.DeadlineType;

/** Sets the deadline named by the step's {@code deadline} input, e.g. STAGE_1_RESPONSE. */
@Component("scheduleDeadline")
class ScheduleDeadlineDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final DeadlineScheduler deadlines;

    ScheduleDeadlineDelegate(ComplaintRecords records, DeadlineScheduler deadlines) {
        this.records = records;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeadlineType type = DeadlineType.valueOf(ComplaintRecords.requiredInput(execution, "deadline"));
        deadlines.schedule(execution, records.of(execution), type);
    }
}
