package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.putitright.complaint.ClosureReason;
import uk.putitright.complaint.ComplaintStatus;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Stage;
import uk.putitright.letters.LetterType;

class ChorusHappyPathTest extends ProcessTestSupport {

    @Test
    void putItRightResolvedAndAcceptedClosesTheComplaintInformally() {
        clockAt("2026-12-21T10:00");
        String ref = logComplaint("chorus-homes", null, false);

        assertThat(ref).matches("CHG-2026-\\d{6}");
        // received Mon 21 Dec + 2 working days = Wed 23 Dec, end of the working day
        assertThat(complaint(ref).getDeadlines().get(DeadlineType.ACKNOWLEDGEMENT))
                .isEqualTo(london("2026-12-23T17:00"));
        assertThat(openTasks(ref)).containsExactly("Task_AcknowledgeComplaint");

        complete(ref, "Task_AcknowledgeComplaint");
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT);
        assertThat(complaint(ref).getStage()).isEqualTo(Stage.PUT_IT_RIGHT);
        // 5 working days from Mon 21 Dec skip Christmas, Boxing Day (moved to Mon 28) = Tue 29 Dec... +2 = Wed 30
        assertThat(complaint(ref).getDeadlines().get(DeadlineType.INFORMAL_RESOLUTION))
                .isEqualTo(london("2026-12-30T17:00"));

        complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "RESOLVED"));
        send(ref, CustomerMessage.ACCEPT_PUT_IT_RIGHT_OUTCOME);

        assertThat(processEnded(ref)).isTrue();
        assertThat(complaint(ref).getStatus()).isEqualTo(ComplaintStatus.CLOSED);
        assertThat(complaint(ref).getClosureReason()).isEqualTo(ClosureReason.RESOLVED_INFORMALLY);
        assertThat(lettersOf(ref)).containsExactly(LetterType.ACKNOWLEDGEMENT, LetterType.PUT_IT_RIGHT_OUTCOME);
    }
}
