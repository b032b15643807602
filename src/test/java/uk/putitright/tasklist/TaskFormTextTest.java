package uk.putitright.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.putitright.complaint.ComplaintNote;
import uk.putitright.complaint.ComplaintNoteRepository;
import uk.putitright.process.ProcessTestSupport;

/** What staff type in Tasklist's forms follows the same character rules as the public's (issue 18, item 4). */
class TaskFormTextTest extends ProcessTestSupport {

    @Autowired ComplaintNoteRepository notes;

    @Test
    void freeTextWithAControlCharacterDoesNotCompleteTheTaskAndNamesTheField() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);
        String acknowledge = task(ref, "Task_AcknowledgeComplaint").getId();

        assertThatThrownBy(() -> tasks.complete(acknowledge, Map.of("acknowledgementNote", "Called\u0001 the tenant")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("acknowledgementNote").hasMessageContaining("U+0001");
        assertThat(openTasks(ref)).contains("Task_AcknowledgeComplaint");
        assertThat(notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint(ref).getId()))
                .extracting(ComplaintNote::getField).doesNotContain("acknowledgementNote");

        // Welsh, emoji and line breaks are kept as written
        tasks.complete(acknowledge, Map.of("acknowledgementNote", "Ffoniais y tenant ŵ 😀\nAil linell"));
        assertThat(notes.findByComplaintIdOrderByRecordedAtAscIdAsc(complaint(ref).getId()))
                .extracting(ComplaintNote::getBody).contains("Ffoniais y tenant ŵ 😀\nAil linell");
    }
}
