package uk.putitright.complaint;

/** How the complaint reached the landlord (the seeds accept all of these). */
public enum Channel {
    IN_PERSON,
    WRITING,
    PHONE,
    EMAIL,
    ONLINE_FORM,
    SOCIAL_MEDIA
}
