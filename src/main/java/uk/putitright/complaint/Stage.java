package uk.putitright.complaint;

/** Where a complaint is in the landlord's procedure. */
public enum Stage {
    INTAKE,
    PUT_IT_RIGHT,
    STAGE_1,
    STAGE_2,
    INDEPENDENT_COMPLAINTS_PANEL,
    DESIGNATED_PERSON,
    OMBUDSMAN_WAIT
}
