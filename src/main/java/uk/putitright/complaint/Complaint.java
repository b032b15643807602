package uk.putitright.complaint;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One complaint and everything the landlord must know and prove about its handling. */
@Entity
@Table(name = "complaint")
public class Complaint {

    /** Also the number in the reference; drawn from complaint_reference_seq by {@link ComplaintRegister}. */
    @Id
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, length = 20)
    private String reference;

    @Column(nullable = false, length = 40)
    private String landlord;

    @Column(name = "business_line", length = 40)
    private String businessLine;

    @Column(name = "service_area", length = 40)
    private String serviceArea;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Channel channel;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "name", column = @Column(name = "customer_name", nullable = false, length = 200)),
        @AttributeOverride(name = "email", column = @Column(name = "customer_email", length = 320)),
        @AttributeOverride(name = "phone", column = @Column(name = "customer_phone", length = 40)),
        @AttributeOverride(name = "address", column = @Column(name = "customer_address", length = 500))
    })
    private ContactDetails customer;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact", nullable = false, length = 20)
    private ContactMethod preferredContact;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "name", column = @Column(name = "representative_name", length = 200)),
        @AttributeOverride(name = "email", column = @Column(name = "representative_email", length = 320)),
        @AttributeOverride(name = "phone", column = @Column(name = "representative_phone", length = 40)),
        @AttributeOverride(name = "address", column = @Column(name = "representative_address", length = 500))
    })
    private ContactDetails representative;

    /** Null until asked; only then may the representative receive personal details. */
    @Column(name = "consent_given")
    private Boolean consentGiven;

    @Column(nullable = false, length = 4000)
    private String summary;

    @Column(name = "desired_outcome", length = 2000)
    private String desiredOutcome;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Stage stage = Stage.INTAKE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ComplaintStatus status = ComplaintStatus.OPEN;

    @Enumerated(EnumType.STRING)
    @Column(name = "closure_reason", length = 40)
    private ClosureReason closureReason;

    @Column(name = "case_handler", length = 100)
    private String caseHandler;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "stage2_reason", length = 2000)
    private String stage2Reason;

    @Column(name = "stage2_desired_outcome", length = 2000)
    private String stage2DesiredOutcome;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;
    @Column(name = "stage1_started_at")
    private Instant stage1StartedAt;
    @Column(name = "stage1_responded_at")
    private Instant stage1RespondedAt;
    @Column(name = "stage2_requested_at")
    private Instant stage2RequestedAt;
    @Column(name = "stage2_acknowledged_at")
    private Instant stage2AcknowledgedAt;
    @Column(name = "final_response_at")
    private Instant finalResponseAt;
    @Column(name = "closed_at")
    private Instant closedAt;

    /** The decision in each response sent; the complaint's outcome is the last of them. */
    @Enumerated(EnumType.STRING)
    @Column(name = "stage1_outcome", length = 20)
    private Outcome stage1Outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "stage2_outcome", length = 20)
    private Outcome stage2Outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "root_cause", length = 40)
    private RootCause rootCause;
    /** Working days from the stage's start to its response, counted when the response is sent. */
    @Column(name = "stage1_working_days")
    private Integer stage1WorkingDays;
    @Column(name = "stage2_working_days")
    private Integer stage2WorkingDays;
    @Column(name = "icp_referred_at")
    private Instant icpReferredAt;
    @Column(name = "ombudsman_enquiry_at")
    private Instant ombudsmanEnquiryAt;
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Column(name = "policy_decision_id", length = 64)
    private String policyDecisionId;
    /** The ids of the policy rules that matched, comma-separated (V60). */
    @Column(name = "policy_rule_ids", length = 400)
    private String policyRuleIds;

    @Embedded
    private Deadlines deadlines = new Deadlines();

    /** Derived from the contact details on every save (CustomerSearchKeys); null once erased. */
    @Column(name = "search_text", length = 2000)
    private String searchText;
    @Column(name = "search_name", length = 400)
    private String searchName;
    @Column(name = "search_postcode", length = 10)
    private String searchPostcode;
    @Column(name = "search_phone", length = 20)
    private String searchPhone;
    @Column(name = "search_email", length = 320)
    private String searchEmail;

    /** The landlord's earliest deadline not yet met while open, derived on every save (the case list's order). */
    @Enumerated(EnumType.STRING)
    @Column(name = "next_deadline", length = 40)
    private DeadlineType nextDeadline;
    @Column(name = "next_deadline_at")
    private Instant nextDeadlineAt;

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("recordedAt")
    private List<Breach> breaches = new ArrayList<>();

    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("recordedAt")
    private List<Extension> extensions = new ArrayList<>();

    protected Complaint() {
    }

    public Complaint(String landlord, String businessLine, String serviceArea, Channel channel, Instant receivedAt,
                     ContactDetails customer, ContactMethod preferredContact, ContactDetails representative,
                     String summary, String desiredOutcome) {
        this.landlord = landlord;
        this.businessLine = businessLine;
        this.serviceArea = serviceArea;
        this.channel = channel;
        this.receivedAt = receivedAt;
        this.customer = customer;
        this.preferredContact = preferredContact;
        this.representative = representative;
        this.summary = summary;
        this.desiredOutcome = desiredOutcome;
    }

    public boolean isOpen() {
        return status == ComplaintStatus.OPEN;
    }

    public boolean hasRepresentative() {
        return representative != null && representative.getName() != null;
    }

    void number(long number, String reference) {
        this.id = number;
        this.reference = reference;
    }

    /** The complaint-policy decision version (definition id) this complaint runs under. */
    public void recordPolicy(String decisionDefinitionId, List<String> ruleIds) {
        this.policyDecisionId = decisionDefinitionId;
        this.policyRuleIds = String.join(",", ruleIds);
    }

    public String getPolicyDecisionId() {
        return policyDecisionId;
    }

    /** The policy rules that matched when the policy was determined (empty for complaints from before V60). */
    public List<String> getPolicyRuleIds() {
        return policyRuleIds == null || policyRuleIds.isBlank() ? List.of()
                : List.of(policyRuleIds.split(","));
    }

    public void linkProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Entering a stage starts that stage's clock where the policy counts from it. */
    public void enterStage(Stage newStage, Instant at) {
        this.stage = newStage;
        if (newStage == Stage.STAGE_1 && stage1StartedAt == null) {
            stage1StartedAt = at;
        } else if (newStage == Stage.STAGE_2 && stage2RequestedAt == null) {
            stage2RequestedAt = at;
        } else if (newStage == Stage.INDEPENDENT_COMPLAINTS_PANEL && icpReferredAt == null) {
            icpReferredAt = at;
        }
    }

    /** The first closure stands: a late step cannot turn a resolved complaint into a withdrawn one. */
    public void close(ComplaintStatus finalStatus, ClosureReason reason, Instant at) {
        if (status != ComplaintStatus.OPEN) {
            return;
        }
        this.status = finalStatus;
        this.closureReason = reason;
        this.closedAt = at;
    }

    public void recordConsent(boolean given) {
        this.consentGiven = given;
    }

    public void assignCaseHandler(String userId) {
        this.caseHandler = userId;
    }

    public void requestStage2(String reason, String desiredOutcome) {
        this.stage2Reason = reason;
        this.stage2DesiredOutcome = desiredOutcome;
    }

    /** Records a missed deadline once, however often the timer job is retried. */
    public Breach recordBreach(DeadlineType deadline, Instant recordedAt) {
        Instant dueAt = getDeadlines().get(deadline);
        return breaches.stream()
                .filter(b -> b.getDeadline() == deadline && b.getDueAt().equals(dueAt))
                .findFirst()
                .orElseGet(() -> {
                    Breach breach = new Breach(this, deadline, stage, dueAt, recordedAt);
                    breaches.add(breach);
                    return breach;
                });
    }

    public Extension recordExtension(DeadlineType deadline, String reason, Instant newDueAt, String grantedBy,
                                     Instant recordedAt) {
        Extension extension = new Extension(this, stage, reason, getDeadlines().get(deadline), newDueAt, grantedBy,
                recordedAt);
        extensions.add(extension);
        getDeadlines().set(deadline, newDueAt);
        return extension;
    }

    public void markAcknowledged(Instant at) {
        acknowledgedAt = at;
    }

    public void markStage1Responded(Instant at, int workingDays) {
        stage1RespondedAt = at;
        stage1WorkingDays = workingDays;
    }

    public void markStage2Acknowledged(Instant at) {
        stage2AcknowledgedAt = at;
    }

    public void markFinalResponse(Instant at, int workingDays) {
        finalResponseAt = at;
        stage2WorkingDays = workingDays;
    }

    /** What the response decided and why the service failed; a later stage's finding replaces the root cause. */
    public void recordDecision(Stage decidedAt, Outcome outcome, RootCause cause) {
        if (decidedAt == Stage.STAGE_2) {
            stage2Outcome = outcome;
        } else {
            stage1Outcome = outcome;
        }
        if (cause != null) {
            rootCause = cause;
        }
    }

    /** The decision in the last response sent, null before any. */
    public Outcome getOutcome() {
        return stage2Outcome != null ? stage2Outcome : stage1Outcome;
    }

    /**
     * GDPR erasure: the customer's and representative's details, and what they wrote, are replaced; the
     * dates, stages, outcomes and breaches stay so the reports still count the complaint.
     */
    public void anonymise(Instant at) {
        customer = new ContactDetails(ERASED, null, null, null);
        representative = null;
        summary = ERASED;
        desiredOutcome = null;
        stage2Reason = null;
        stage2DesiredOutcome = null;
        anonymisedAt = at;
    }

    public static final String ERASED = "[erased]";

    /** The landlord's own deadlines, in the order a complaint meets them. */
    public static final List<DeadlineType> LANDLORD_DEADLINES = List.of(DeadlineType.ACKNOWLEDGEMENT,
            DeadlineType.INFORMAL_RESOLUTION, DeadlineType.STAGE_1_RESPONSE, DeadlineType.STAGE_2_ACKNOWLEDGEMENT,
            DeadlineType.STAGE_2_RESPONSE);

    /** Also called for complaints saved before these columns existed (cases.SearchKeysBackfill). */
    @PrePersist
    @PreUpdate
    public void deriveSearchKeysAndNextDeadline() {
        CustomerSearchKeys.Keys keys = isAnonymised() ? CustomerSearchKeys.Keys.NONE
                : CustomerSearchKeys.of(customer, representative);
        searchText = keys.text();
        searchName = keys.name();
        searchPostcode = keys.postcode();
        searchPhone = keys.phone();
        searchEmail = keys.email();
        nextDeadline = null;
        nextDeadlineAt = null;
        if (isOpen()) {
            for (DeadlineType type : LANDLORD_DEADLINES) {
                Instant due = getDeadlines().get(type);
                if (due != null && !isDone(type) && (nextDeadlineAt == null || due.isBefore(nextDeadlineAt))) {
                    nextDeadline = type;
                    nextDeadlineAt = due;
                }
            }
        }
    }

    /**
     * When the complaint record says the deadline's step was done; null when not done, and always for the
     * informal stage, whose end is only in the process history.
     */
    public Instant doneAt(DeadlineType type) {
        return switch (type) {
            case ACKNOWLEDGEMENT -> acknowledgedAt;
            case STAGE_1_RESPONSE -> stage1RespondedAt;
            case STAGE_2_ACKNOWLEDGEMENT -> stage2AcknowledgedAt;
            case STAGE_2_RESPONSE -> finalResponseAt;
            default -> null;
        };
    }

    /** Done by the record, the informal stage once Stage 1 began (its end is only in the process history). */
    private boolean isDone(DeadlineType type) {
        if (type == DeadlineType.INFORMAL_RESOLUTION) {
            return stage != Stage.INTAKE && stage != Stage.PUT_IT_RIGHT;
        }
        return doneAt(type) != null;
    }

    public DeadlineType getNextDeadline() {
        return nextDeadline;
    }

    public Instant getNextDeadlineAt() {
        return nextDeadlineAt;
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getLandlord() {
        return landlord;
    }

    public String getBusinessLine() {
        return businessLine;
    }

    public String getServiceArea() {
        return serviceArea;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public ContactDetails getCustomer() {
        return customer;
    }

    public ContactMethod getPreferredContact() {
        return preferredContact;
    }

    public ContactDetails getRepresentative() {
        return representative;
    }

    public Boolean getConsentGiven() {
        return consentGiven;
    }

    public String getSummary() {
        return summary;
    }

    public String getDesiredOutcome() {
        return desiredOutcome;
    }

    public Stage getStage() {
        return stage;
    }

    public ComplaintStatus getStatus() {
        return status;
    }

    public ClosureReason getClosureReason() {
        return closureReason;
    }

    public String getCaseHandler() {
        return caseHandler;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getStage2Reason() {
        return stage2Reason;
    }

    public String getStage2DesiredOutcome() {
        return stage2DesiredOutcome;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getStage1StartedAt() {
        return stage1StartedAt;
    }

    public Instant getStage1RespondedAt() {
        return stage1RespondedAt;
    }

    public Instant getStage2RequestedAt() {
        return stage2RequestedAt;
    }

    public Instant getStage2AcknowledgedAt() {
        return stage2AcknowledgedAt;
    }

    public Instant getFinalResponseAt() {
        return finalResponseAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Outcome getStage1Outcome() {
        return stage1Outcome;
    }

    public Outcome getStage2Outcome() {
        return stage2Outcome;
    }

    public RootCause getRootCause() {
        return rootCause;
    }

    public Integer getStage1WorkingDays() {
        return stage1WorkingDays;
    }

    public Integer getStage2WorkingDays() {
        return stage2WorkingDays;
    }

    public void markOmbudsmanEnquiry(Instant at) {
        ombudsmanEnquiryAt = at;
    }

    public Instant getIcpReferredAt() {
        return icpReferredAt;
    }

    public Instant getOmbudsmanEnquiryAt() {
        return ombudsmanEnquiryAt;
    }

    public Instant getAnonymisedAt() {
        return anonymisedAt;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public Deadlines getDeadlines() {
        // Hibernate loads an embeddable whose columns are all null as null
        if (deadlines == null) {
            deadlines = new Deadlines();
        }
        return deadlines;
    }

    public List<Breach> getBreaches() {
        return Collections.unmodifiableList(breaches);
    }

    public List<Extension> getExtensions() {
        return Collections.unmodifiableList(extensions);
    }
}
