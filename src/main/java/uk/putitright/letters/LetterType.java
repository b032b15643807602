package uk.putitright.letters;

/** Every letter the procedures promise; each has a template in templates/letters/ (see {@link LetterRenderer}). */
public enum LetterType {
    ACKNOWLEDGEMENT,
    CONSENT_CONFIRMATION,
    PUT_IT_RIGHT_OUTCOME,
    FORMAL_COMPLAINT_GUIDANCE,
    STAGE_1_RESPONSE,
    EXTENSION_NOTICE,
    /** Why the complaint is not going to Stage 2, and that the Ombudsman is open now (Code 2.4, 5.11). */
    ESCALATION_REFUSAL,
    STAGE_2_ACKNOWLEDGEMENT,
    STAGE_2_FINAL_RESPONSE,
    ICP_REFERRAL,
    ICP_OUTCOME,
    OMBUDSMAN_SIGNPOSTING,
    WITHDRAWAL_CONFIRMATION,
    MORE_INFORMATION_REQUEST,
    COMPLIMENT_THANKS,
    /** The thank-you for a comment (feedback process); a compliment's is COMPLIMENT_THANKS. */
    COMMENT_THANKS,
    SATISFACTION_SURVEY_INVITATION
}
