package uk.putitright.letters;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.calendar.CalendarProperties;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.LandlordProperties;

/**
 * Writes a letter for a complaint and records the milestone the letter marks (an acknowledgement letter is
 * the acknowledgement; the final response letter starts the Ombudsman clock).
 */
@Service
public class LetterWriter {

    /** UK style, e.g. "Tuesday 29 December 2026". */
    static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final LetterRepository letters;
    private final LandlordProperties landlords;
    private final ZoneId zone;

    public LetterWriter(LetterRepository letters, LandlordProperties landlords,
                        CalendarProperties calendar) {
        this.letters = letters;
        this.landlords = landlords;
        this.zone = calendar.zone();
    }

    /** Idempotent per step: the same step key never writes a second letter. */
    @Transactional
    public Letter write(Complaint complaint, LetterType type, String stepKey, Instant now) {
        return letters.findByStepKey(stepKey).orElseGet(() -> {
            markMilestone(complaint, type, now);
            return letters.save(new Letter(complaint, type, complaint.getCustomer().getName(),
                    body(complaint, type), now, stepKey));
        });
    }

    private static void markMilestone(Complaint complaint, LetterType type, Instant now) {
        switch (type) {
            case ACKNOWLEDGEMENT -> complaint.markAcknowledged(now);
            case STAGE_1_RESPONSE -> complaint.markStage1Responded(now);
            case STAGE_2_ACKNOWLEDGEMENT -> complaint.markStage2Acknowledged(now);
            case STAGE_2_FINAL_RESPONSE -> complaint.markFinalResponse(now);
            default -> { }
        }
    }

    private String body(Complaint c, LetterType type) {
        LandlordProperties.Landlord landlord = landlords.get(c.getLandlord());
        String text = switch (type) {
            case ACKNOWLEDGEMENT -> "We have received your complaint. Your reference is " + c.getReference()
                    + ". Your case handler is " + orUnassigned(c.getCaseHandler()) + ".";
            case CONSENT_CONFIRMATION -> "Thank you for confirming that " + c.getRepresentative().getName()
                    + " may act for you on complaint " + c.getReference() + ".";
            case PUT_IT_RIGHT_OUTCOME -> "We have put things right on complaint " + c.getReference()
                    + ". If you are not satisfied you can make a formal complaint by "
                    + date(c, DeadlineType.ESCALATION_WINDOW) + ".";
            case FORMAL_COMPLAINT_GUIDANCE -> "We could not resolve complaint " + c.getReference()
                    + " informally, so we are now investigating it as a formal Stage 1 complaint.";
            case STAGE_1_RESPONSE -> "This is our Stage 1 response to complaint " + c.getReference()
                    + ". If you are not satisfied you can ask us to review it at Stage 2.";
            case EXTENSION_NOTICE -> "We need more time to respond to complaint " + c.getReference()
                    + ". We will now respond by " + date(c, currentResponseDeadline(c)) + ".";
            case STAGE_2_ACKNOWLEDGEMENT -> "We have received your request for a Stage 2 review of complaint "
                    + c.getReference() + ".";
            case STAGE_2_FINAL_RESPONSE -> "This is our final response to complaint " + c.getReference() + ".";
            case ICP_REFERRAL -> "We have referred complaint " + c.getReference()
                    + " to the Independent Complaints Panel.";
            case ICP_OUTCOME -> "The Independent Complaints Panel has concluded its review of complaint "
                    + c.getReference() + ".";
            case OMBUDSMAN_SIGNPOSTING -> "If you remain dissatisfied with complaint " + c.getReference()
                    + " you can contact the Ombudsman"
                    + (c.getDeadlines().get(DeadlineType.OMBUDSMAN_ELIGIBLE) == null ? "."
                            : " from " + date(c, DeadlineType.OMBUDSMAN_ELIGIBLE) + ".");
            case WITHDRAWAL_CONFIRMATION -> "We have closed complaint " + c.getReference()
                    + " as you asked us to.";
        };
        return "Dear " + c.getCustomer().getName() + ",\n\n" + text + "\n\n" + landlord.name();
    }

    private static DeadlineType currentResponseDeadline(Complaint c) {
        return c.getDeadlines().get(DeadlineType.STAGE_2_RESPONSE) != null
                ? DeadlineType.STAGE_2_RESPONSE : DeadlineType.STAGE_1_RESPONSE;
    }

    private String date(Complaint c, DeadlineType deadline) {
        Instant at = c.getDeadlines().get(deadline);
        return at == null ? "the date we will confirm" : UK_DATE.format(at.atZone(zone));
    }

    private static String orUnassigned(String caseHandler) {
        return caseHandler == null ? "being assigned" : caseHandler;
    }
}
