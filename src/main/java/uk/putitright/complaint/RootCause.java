package uk.putitright.complaint;

/**
 * Why the service fell short, chosen by whoever writes the response, so the landlord can see which causes
 * recur (the learning section of the annual report). NO_SERVICE_FAILURE when nothing went wrong.
 */
public enum RootCause {
    REPAIR_DELAY,
    REPAIR_QUALITY,
    DAMP_AND_MOULD,
    COMMUNICATION,
    STAFF_CONDUCT,
    POLICY_OR_PROCEDURE,
    ANTI_SOCIAL_BEHAVIOUR,
    RENT_AND_CHARGES,
    CONTRACTOR,
    OTHER,
    NO_SERVICE_FAILURE
}
