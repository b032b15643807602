package uk.putitright.process;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.letters.LetterRepository;
import uk.putitright.letters.LetterType;
import uk.putitright.policy.ComplaintPolicy;
import uk.putitright.policy.PolicyDeadlines;

/**
 * Computes a deadline from the complaint's policy row and milestones ({@link PolicyDeadlines}), and writes it
 * both to the complaint and to the process variable the timers read.
 */
@Component
class DeadlineScheduler {

    private final PolicyDeadlines rules;
    private final LetterRepository letters;
    private final ComplaintPolicy policies;

    DeadlineScheduler(PolicyDeadlines rules, LetterRepository letters, ComplaintPolicy policies) {
        this.rules = rules;
        this.letters = letters;
        this.policies = policies;
    }

    Instant schedule(DelegateExecution execution, Complaint complaint, DeadlineType type) {
        Instant due = rules.compute(policies.of(complaint), PolicyDeadlines.Milestones.of(complaint), type, ComplaintRecords.now(),
                () -> letters.lastWrittenAt(complaint.getId(),
                        List.of(LetterType.PUT_IT_RIGHT_OUTCOME, LetterType.STAGE_1_RESPONSE)));
        complaint.getDeadlines().set(type, due);
        execution.setVariable(type.variable(), Date.from(due));
        return due;
    }
}
