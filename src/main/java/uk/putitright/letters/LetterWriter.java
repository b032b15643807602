package uk.putitright.letters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ContactDetails;
import uk.putitright.complaint.ContactMethod;

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

    public LetterWriter(LetterRepository letters, LetterRenderer renderer, RuntimeService runtime) {
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
            startDelivery(complaint, letter);
            written.add(letter);
        }
        markMilestone(complaint, type, now);
        return written;
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

    private void startDelivery(Complaint complaint, Letter letter) {
        runtime.createMessageCorrelation(LETTER_READY)
                .processInstanceBusinessKey(complaint.getReference())
                .setVariable("letterId", letter.getId())
                .setVariable("deliveryMethod", letter.getDeliveryMethod().name())
                .correlateStartMessage();
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
}
