package uk.putitright.letters;

import java.util.Map;

/** What each letter is called in an email subject and in lists. */
public final class LetterTitles {

    private static final Map<LetterType, String> TITLES = Map.ofEntries(
            Map.entry(LetterType.ACKNOWLEDGEMENT, "We have received your complaint"),
            Map.entry(LetterType.CONSENT_CONFIRMATION, "Someone acting for you"),
            Map.entry(LetterType.PUT_IT_RIGHT_OUTCOME, "What we have put right"),
            Map.entry(LetterType.FORMAL_COMPLAINT_GUIDANCE, "Your formal complaint"),
            Map.entry(LetterType.STAGE_1_RESPONSE, "Our Stage 1 response"),
            Map.entry(LetterType.EXTENSION_NOTICE, "We need more time to respond"),
            Map.entry(LetterType.ESCALATION_REFUSAL, "Why we are not taking your complaint to Stage 2"),
            Map.entry(LetterType.STAGE_2_ACKNOWLEDGEMENT, "Your request for a Stage 2 review"),
            Map.entry(LetterType.STAGE_2_FINAL_RESPONSE, "Our final response"),
            Map.entry(LetterType.ICP_REFERRAL, "Your referral to the Independent Complaints Panel"),
            Map.entry(LetterType.ICP_OUTCOME, "The Independent Complaints Panel's outcome"),
            Map.entry(LetterType.OMBUDSMAN_SIGNPOSTING, "Taking your complaint to the Ombudsman"),
            Map.entry(LetterType.WITHDRAWAL_CONFIRMATION, "Your complaint is withdrawn"),
            Map.entry(LetterType.MORE_INFORMATION_REQUEST, "We need a little more information"),
            Map.entry(LetterType.COMPLIMENT_THANKS, "Thank you for your compliment"),
            Map.entry(LetterType.COMMENT_THANKS, "Thank you for your comment"),
            Map.entry(LetterType.SATISFACTION_SURVEY_INVITATION, "How did we handle your complaint?"));

    private LetterTitles() {
    }

    public static String title(LetterType type) {
        return TITLES.getOrDefault(type, type.name().replace('_', ' ').toLowerCase());
    }

    static String subject(Letter letter) {
        return (letter.isCopyForRepresentative() ? "Copy: " : "") + title(letter.getType()) + " ("
                + letter.getReference() + ")";
    }
}
