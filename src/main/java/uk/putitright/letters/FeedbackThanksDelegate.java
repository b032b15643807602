package uk.putitright.letters;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.putitright.feedback.FeedbackRegister;
import uk.putitright.feedback.FeedbackRepository;

/**
 * Writes the thank-you letter for a compliment or comment (feedback process, Task_SendThanks) and starts its
 * delivery. Runs as its own job; the step key makes a replayed job write and send nothing twice.
 */
@Component("sendFeedbackThanks")
class FeedbackThanksDelegate implements JavaDelegate {

    private final FeedbackRepository feedback;
    private final LetterWriter writer;

    FeedbackThanksDelegate(FeedbackRepository feedback, LetterWriter writer) {
        this.feedback = feedback;
        this.writer = writer;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var item = feedback.findById(((Number) execution.getVariable(FeedbackRegister.FEEDBACK_ID)).longValue())
                .orElseThrow();
        writer.writeFeedbackThanks(item, "feedback:" + item.getReference() + ":" + execution.getCurrentActivityId(),
                ClockUtil.getCurrentTime().toInstant());
    }
}
