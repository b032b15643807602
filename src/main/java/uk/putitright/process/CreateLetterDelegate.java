package uk.putitright.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.putitright.letters.LetterType;
import uk.putitright.letters.LetterWriter;

/** Writes the {@code letterType} letter for this step, once per step however often its job runs. */
@Component("createLetter")
class CreateLetterDelegate implements JavaDelegate {

    private final ComplaintRecords records;
    private final LetterWriter letters;

    CreateLetterDelegate(ComplaintRecords records, LetterWriter letters) {
        this.records = records;
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LetterType type = LetterType.valueOf(ComplaintRecords.requiredInput(execution, "letterType"));
        String stepKey = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
        letters.write(records.of(execution), type, stepKey, ComplaintRecords.now());
    }
}
