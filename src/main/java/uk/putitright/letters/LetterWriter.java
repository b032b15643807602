package uk.putitright.letters;

import static java.util.Objects.requireNonNullElse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.calendar.WorkingDays;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ContactDetails;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.feedback.Feedback;
import uk.putitright.feedback.FeedbackKind;

/**
 * Writes a letter for a complaint: renders it for the customer (and a copy for a representative the
 * customer has agreed to), stores it as sent, records the milestone it marks (an acknowledgement letter is
 * the acknowledgement; the final response starts the Ombudsman clock) and starts its delivery, all in the
 * transaction of the process step that asked for it.
 */
@Service
public class LetterWriter {

    static final String LETTER_READY = "LetterReady";

    private final LetterRepository letters;
    private final LetterRenderer renderer;
    private final RuntimeService runtime;
    private final WorkingDays workingDays;

    public LetterWriter(LetterRepository letters, LetterRenderer renderer, RuntimeService runtime,
                        WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.letters = letters;
        this.renderer = renderer;
        this.runtime = runtime;
    }

    /** Idempotent per step: the same step key never writes (or sends) a letter twice. */
    @Transactional
    public List<Letter> write(Complaint complaint, LetterType type, String stepKey, Instant now) {
        if (letters.findByStepKey(stepKey).isPresent()) {
            return letters.findByComplaintIdOrderByCreatedAtAscIdAsc(complaint.getId()).stream()
                    .filter(letter -> letter.getStepKey().startsWith(stepKey)).toList();
        }
        List<Letter> written = new ArrayList<>();
        for (Recipient to : recipients(complaint)) {
            String key = to.copyForRepresentative() ? stepKey + ":representative" : stepKey;
            Letter letter = letters.save(new Letter(complaint, type, to, renderer.render(complaint, type, to, now),
                    now, key));
            startDelivery(complaint.getReference(), letter);
            written.add(letter);
        }
        markMilestone(complaint, type, now);
        return written;
    }

    /**
     * The thank-you for a compliment (COMPLIMENT_THANKS) or comment (COMMENT_THANKS), to the person who sent
     * it, delivered by the letter-delivery process like every other letter. Idempotent per step key.
     */
    @Transactional
    public Letter writeFeedbackThanks(Feedback feedback, String stepKey, Instant now) {
        var existing = letters.findByStepKey(stepKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        LetterType type = feedback.getKind() == FeedbackKind.COMPLIMENT ? LetterType.COMPLIMENT_THANKS
                : LetterType.COMMENT_THANKS;
        Recipient to = recipient(new ContactDetails(feedback.getPersonName(), feedback.getPersonEmail(), null,
                feedback.getPersonAddress()), feedback.getPreferredContact(), false);
        Letter letter = letters.save(new Letter(feedback, type, to, renderer.renderFeedbackThanks(feedback, type, to,
                now), now, stepKey));
        startDelivery(feedback.getReference(), letter);
        return letter;
    }

    /** The customer, and a copy for the representative once the customer has consented. */
    static List<Recipient> recipients(Complaint complaint) {
        List<Recipient> to = new ArrayList<>();
        to.add(recipient(complaint.getCustomer(), complaint.getPreferredContact(), false));
        // the consent letter itself asks the customer; the representative hears nothing before consent
        if (complaint.hasRepresentative() && Boolean.TRUE.equals(complaint.getConsentGiven())) {
            ContactDetails representative = complaint.getRepresentative();
            if (representative.getEmail() != null || representative.getAddress() != null) {
                to.add(recipient(representative, null, true));
            }
        }
        return to;
    }

    /** Written responses go by email or post; someone who prefers the phone gets email if we have it. */
    private static Recipient recipient(ContactDetails person, ContactMethod preferred, boolean copy) {
        boolean hasEmail = person.getEmail() != null && !person.getEmail().isBlank();
        ContactMethod method = preferred == ContactMethod.POST || !hasEmail ? ContactMethod.POST : ContactMethod.EMAIL;
        return new Recipient(person.getName(), person.getEmail(), person.getAddress(), method, copy);
    }

    /**
     * The delivery method only routes the instance at its start gateway, so it is transient: the letter row
     * keeps it, and the instance stores (and its history records) just the letter's id.
     */
    private void startDelivery(String reference, Letter letter) {
        runtime.createMessageCorrelation(LETTER_READY)
                .processInstanceBusinessKey(reference)
                .setVariable("letterId", letter.getId())
                .setVariable("deliveryMethod", Variables.stringValue(letter.getDeliveryMethod().name(), true))
                .correlateStartMessage();
    }

    /** The response letter is the response: its date is when the stage was answered (and how many working days it took). */
    private void markMilestone(Complaint complaint, LetterType type, Instant now) {
        switch (type) {
            case ACKNOWLEDGEMENT -> complaint.markAcknowledged(now);
            case STAGE_1_RESPONSE -> complaint.markStage1Responded(now,
                    workingDays.between(requireNonNullElse(complaint.getStage1StartedAt(), complaint.getReceivedAt()), now));
            case STAGE_2_ACKNOWLEDGEMENT -> complaint.markStage2Acknowledged(now);
            case STAGE_2_FINAL_RESPONSE -> complaint.markFinalResponse(now,
                    workingDays.between(requireNonNullElse(complaint.getStage2RequestedAt(), complaint.getReceivedAt()), now));
            default -> { }
        }
    }
}
