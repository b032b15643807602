package uk.putitright.intake;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.complaint.LandlordProperties;
import uk.putitright.feedback.Feedback;
import uk.putitright.feedback.FeedbackRegister;

/** Takes in compliments and comments for the configured landlord; each call is one transaction. */
@Service
public class FeedbackIntake {

    private final FeedbackRegister register;
    private final LandlordProperties landlords;

    public FeedbackIntake(FeedbackRegister register, LandlordProperties landlords) {
        this.register = register;
        this.landlords = landlords;
    }

    /**
     * Checks what the field annotations cannot (we must be able to write to thank them), then stores the
     * feedback and starts its process together.
     */
    @Transactional
    public Feedback receive(NewFeedbackRequest request) {
        checkReachable(request);
        return register.receive(new Feedback(landlords.landlord(), request.kind(), request.name().strip(),
                IntakeText.blankToNull(request.email()), IntakeText.blankToNull(request.address()), request.preferredContact(),
                IntakeText.blankToNull(request.staffMember()) == null ? null : request.staffMember().strip(),
                IntakeText.blankToNull(request.team()), request.text().strip(), ClockUtil.getCurrentTime().toInstant()));
    }

    /** The thank-you is a letter, by email or post, so a phone preference still needs one of them. */
    private static void checkReachable(NewFeedbackRequest request) {
        if (request.preferredContact() == ContactMethod.EMAIL && IntakeText.blankToNull(request.email()) == null) {
            throw new InvalidFieldException("email", "is needed when the preferred contact is EMAIL");
        }
        if (request.preferredContact() == ContactMethod.POST && IntakeText.blankToNull(request.address()) == null) {
            throw new InvalidFieldException("address", "is needed when the preferred contact is POST");
        }
        if (IntakeText.blankToNull(request.email()) == null && IntakeText.blankToNull(request.address()) == null) {
            throw new InvalidFieldException("email", "or an address is needed so we can write to thank you");
        }
    }

}
