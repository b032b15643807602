package uk.putitright.tasklist;

/** The roles of the seeds' procedures, as Camunda group ids. */
public enum Role {
    CUSTOMER_SERVICE("customer-service", "Customer Service Centre"),
    SERVICE_MANAGERS("service-managers", "Service Managers"),
    ADVOCACY("advocacy", "Customer advocacy officers"),
    HEADS_OF_SERVICE("heads-of-service", "Heads of Service"),
    SENIOR_ADVOCACY("senior-advocacy", "Senior advocacy officers"),
    DIRECTORS("directors", "Directors"),
    ICP_PANEL("icp-panel", "Independent Complaints Panel coordinators"),
    OMBUDSMAN_LIAISON("ombudsman-liaison", "Ombudsman liaison"),
    AUDITORS("auditors", "Auditors"),
    PROCESS_OWNERS("process-owners", "Process owners"),
    /** The Code's complaints officer (4.1): fills in the self-assessment. */
    COMPLAINTS_OFFICER("complaints-officer", "Complaints officers");

    private final String groupId;
    private final String displayName;

    Role(String groupId, String displayName) {
        this.groupId = groupId;
        this.displayName = displayName;
    }

    public String groupId() {
        return groupId;
    }

    public String displayName() {
        return displayName;
    }
}
