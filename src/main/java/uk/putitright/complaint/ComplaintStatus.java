package uk.putitright.complaint;

public enum ComplaintStatus {
    OPEN,
    CLOSED,
    WITHDRAWN
}
