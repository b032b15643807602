package uk.putitright.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.policy.ComplaintPolicy;

/**
 * "What happens next", with the real dates: the landlord's timescales come from the complaint-policy DMN (the
 * same decision the process evaluates) and are counted in working days from when the complaint arrived, the
 * way the process's deadline scheduler counts them.
 */
@Component
class PublicComplaintPageNextSteps {


    /** One step: a heading, the date (may be null) and what it means for the customer. */
    record Step(String title, String date, String detail) implements java.io.Serializable {
    }

    private final ComplaintPolicy policies;
    private final WorkingDays workingDays;
    private final LandlordProperties landlords;

    PublicComplaintPageNextSteps(ComplaintPolicy policies, WorkingDays workingDays, LandlordProperties landlords) {
        this.policies = policies;
        this.workingDays = workingDays;
        this.landlords = landlords;
    }

    String date(Instant instant) {
        return instant == null ? null : workingDays.ukDate(instant);
    }

    List<Step> of(Complaint complaint, boolean onBehalf) {
        Map<String, Object> policy = policies.latest(complaint.getLandlord(), complaint.getBusinessLine())
                .orElse(null);
        List<Step> steps = new ArrayList<>();
        if (policy == null) {
            steps.add(new Step("We will be in touch", null,
                    "We will write to you to acknowledge your complaint and tell you who is dealing with it."));
            return steps;
        }
        Instant received = complaint.getReceivedAt();
        if (onBehalf) {
            steps.add(new Step("We check the customer agrees", null,
                    "Because you are complaining for someone else, we will first contact them to check they agree. "
                            + "Until they do, we will not share any of their personal details with you."));
        }
        Instant acknowledgeBy = workingDays.add(received, number(policy, "acknowledgeWorkingDays"));
        steps.add(new Step("We acknowledge your complaint", date(acknowledgeBy),
                "We will write to acknowledge your complaint, confirm what it is about and tell you who is "
                        + "dealing with it, by " + date(acknowledgeBy) + "."));
        int stage1Days = number(policy, "stage1ResponseWorkingDays");
        if (Boolean.TRUE.equals(policy.get("informalStage"))) {
            Instant putRightBy = workingDays.add(received, number(policy, "informalStageWorkingDays"));
            steps.add(new Step("We try to put it right", date(putRightBy),
                    "We aim to put things right by " + date(putRightBy) + ". If we cannot, or you are not happy "
                            + "with what we do, we investigate it as a formal Stage 1 complaint and reply in writing "
                            + "within " + stage1Days + " working days of starting the investigation."));
        } else {
            String clock = String.valueOf(policy.get("stage1ClockStart"));
            Instant from = "RECEIVED".equals(clock) ? received : acknowledgeBy;
            Instant stage1By = workingDays.add(from, stage1Days);
            steps.add(new Step("We investigate (Stage 1)", date(stage1By),
                    "We investigate your complaint and reply in writing with what we found and what we will do, "
                            + ("RECEIVED".equals(clock) ? "by " : "at the latest by ") + date(stage1By) + "."));
        }
        steps.add(new Step("If you are still unhappy (Stage 2)", null,
                "You can ask for a Stage 2 review within " + number(policy, "escalationWindowWorkingDays")
                        + " working days of our Stage 1 reply. We acknowledge that within "
                        + number(policy, "stage2AcknowledgeWorkingDays") + " working days and reply within "
                        + number(policy, "stage2ResponseWorkingDays") + " working days."));
        return steps;
    }

    LandlordProperties.Landlord landlord(Complaint complaint) {
        return landlords.get(complaint.getLandlord());
    }

    private static int number(Map<String, Object> policy, String name) {
        Object value = policy.get(name);
        return value instanceof Number n ? n.intValue() : 0;
    }
}
