package uk.putitright.process;

/** What a customer (or the Ombudsman) can tell us at any time, as BPMN message names. */
public enum CustomerMessage {
    ESCALATE("EscalateComplaint"),
    ACCEPT_PUT_IT_RIGHT_OUTCOME("AcceptPutItRightOutcome"),
    REQUEST_ICP("RequestIcpReferral"),
    CHOOSE_DESIGNATED_PERSON("ChooseDesignatedPerson"),
    WITHDRAW("WithdrawComplaint"),
    OMBUDSMAN_ENQUIRY("OmbudsmanEnquiryReceived");

    private final String messageName;

    CustomerMessage(String messageName) {
        this.messageName = messageName;
    }

    public String messageName() {
        return messageName;
    }
}
