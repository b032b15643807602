package uk.putitright.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import uk.putitright.complaint.DeadlineType;

/**
 * A process owner deploys new timescales in complaint-policy.dmn while complaints are open: complaints logged
 * from then on use them, and the complaints already open keep the timescales they started under.
 */
class PolicyVersionTest extends ProcessTestSupport {

    private static final String CHORUS = "chorus-homes";

    @Test
    void newTimescalesApplyToNewComplaintsAndOpenComplaintsKeepTheirs() throws Exception {
        clockAt("2026-12-21T10:00");
        String open = logComplaint(CHORUS, null, false);

        // Chorus Homes' Stage 1 response time goes from 10 to 15 working days in a new version of the decision
        String dmn = Files.readString(Path.of("processes", "complaint-policy.dmn"));
        String stage1Days = "<outputEntry id=\"Rule_ChorusHomes_Stage1ResponseWorkingDays\">\n          <text>10</text>";
        assertThat(dmn).contains(stage1Days);
        Deployment newer = engine.getRepositoryService().createDeployment().name("policy: chorus Stage 1 in 15 days")
                .addString("complaint-policy.dmn", dmn.replace(stage1Days, stage1Days.replace(">10<", ">15<")))
                .deploy();
        try {
            String later = logComplaint(CHORUS, null, false);
            assertThat(complaint(later).getPolicyDecisionId()).isNotEqualTo(complaint(open).getPolicyDecisionId());

            for (String ref : new String[] {open, later}) {
                complete(ref, "Task_AcknowledgeComplaint");
            }
            clockAt("2026-12-23T10:00");
            for (String ref : new String[] {open, later}) {
                complete(ref, "Task_PutItRight", Map.of("putItRightOutcome", "UNRESOLVED"));
            }

            // Wed 23 Dec + 10 working days = Mon 11 Jan 2027; + 15 = Mon 18 Jan 2027
            assertThat(deadlineOf(open, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-11T17:00"));
            assertThat(deadlineOf(later, DeadlineType.STAGE_1_RESPONSE)).isEqualTo(london("2027-01-18T17:00"));
            assertThat(policyOutput(open, "stage1ResponseWorkingDays")).isEqualTo(10);
            assertThat(policyOutput(later, "stage1ResponseWorkingDays")).isEqualTo(15);
        } finally {
            engine.getRepositoryService().deleteDeployment(newer.getId(), true);
        }
    }
}
