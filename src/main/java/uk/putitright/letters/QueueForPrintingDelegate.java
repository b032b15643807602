package uk.putitright.letters;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** A letter to post joins the print queue, which staff print as one batch and mark as posted. */
@Component("queueForPrinting")
class QueueForPrintingDelegate implements JavaDelegate {

    private final LetterRepository letters;

    QueueForPrintingDelegate(LetterRepository letters) {
        this.letters = letters;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Letter letter = letters.findById(((Number) execution.getVariable("letterId")).longValue()).orElseThrow();
        LetterRenderer.pdfOf(letter, true);
        letter.queueForPrint(ClockUtil.getCurrentTime().toInstant());
    }
}
