package uk.putitright.complaint;

public enum ClosureReason {
    NO_CONSENT,
    RESOLVED_INFORMALLY,
    RESOLVED_AT_STAGE_1,
    FINAL_RESPONSE,
    REFERRED_BY_DESIGNATED_PERSON,
    ICP_CONCLUDED,
    WITHDRAWN
}
