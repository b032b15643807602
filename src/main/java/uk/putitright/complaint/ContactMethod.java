package uk.putitright.complaint;

public enum ContactMethod {
    EMAIL,
    POST,
    PHONE
}
