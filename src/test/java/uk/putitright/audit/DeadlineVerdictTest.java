package uk.putitright.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uk.putitright.audit.DeadlineVerdict.Verdict;
import uk.putitright.complaint.DeadlineType;

/** The rule behind "answered within the Code's timescale", one case each. */
class DeadlineVerdictTest {

    private static final Instant DUE = Instant.parse("2027-01-11T17:00:00Z");
    private static final DeadlineType STAGE_1 = DeadlineType.STAGE_1_RESPONSE;

    @Test
    void doneByTheDueTimeIsMetEvenAtTheLastMinute() {
        assertThat(judge(DUE, false, null, DUE.plusSeconds(86400)).verdict()).isEqualTo(Verdict.MET);
        assertThat(judge(DUE.minusSeconds(3600), false, null, DUE).withinTimescale()).isTrue();
    }

    @Test
    void doneLateIsMissed() {
        assertThat(judge(DUE.plusSeconds(1), false, null, DUE.plusSeconds(60)).verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aRecordedBreachIsMissedWhateverTheDates() {
        assertThat(judge(DUE.minusSeconds(3600), true, null, DUE).verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void notDoneIsOpenUntilItFallsDueThenMissed() {
        assertThat(judge(null, false, null, DUE.minusSeconds(1)).verdict()).isEqualTo(Verdict.OPEN);
        assertThat(judge(null, false, null, DUE).verdict()).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aComplaintClosedBeforeTheDeadlineNeverReachedIt() {
        assertThat(judge(null, false, DUE.minusSeconds(3600), DUE.plusSeconds(86400)).verdict())
                .isEqualTo(Verdict.NOT_REACHED);
        // closed after it fell due without the step: missed
        assertThat(judge(null, false, DUE.plusSeconds(3600), DUE.plusSeconds(86400)).verdict())
                .isEqualTo(Verdict.MISSED);
    }

    @Test
    void onlyTheLandlordsDeadlinesGetAVerdict() {
        assertThat(DeadlineVerdict.isLandlordDeadline(DeadlineType.ESCALATION_WINDOW)).isFalse();
        assertThat(DeadlineVerdict.isLandlordDeadline(DeadlineType.OMBUDSMAN_ELIGIBLE)).isFalse();
        assertThat(DeadlineVerdict.LANDLORD_DEADLINES).hasSize(5);
    }

    private static DeadlineVerdict judge(Instant doneAt, boolean breached, Instant closedAt, Instant now) {
        return DeadlineVerdict.judge(STAGE_1, DUE, doneAt, breached, closedAt, now);
    }
}
