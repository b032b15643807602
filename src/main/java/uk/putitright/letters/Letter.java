package uk.putitright.letters;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ContactMethod;
import uk.putitright.feedback.Feedback;

/**
 * A letter written for a complaint (or, for a thank-you, for a compliment or comment): its text and PDF as sent (kept with the complaint), who it went to and
 * how, and when it was delivered. The row is the outbox: it is written in the same transaction as the
 * process step, and the letter-delivery process sends it.
 */
@Entity
@Table(name = "letter")
public class Letter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Null only for a letter written for feedback. */
    @ManyToOne
    private Complaint complaint;

    /** The compliment or comment a thank-you letter answers; null for a complaint's letters. */
    @ManyToOne
    private Feedback feedback;

    @Enumerated(EnumType.STRING)
    @Column(name = "letter_type", nullable = false, length = 40)
    private LetterType type;

    @Column(nullable = false, length = 200)
    private String recipient;

    @Column(name = "recipient_email", length = 320)
    private String recipientEmail;

    @Column(name = "recipient_address", length = 500)
    private String recipientAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method", nullable = false, length = 20)
    private ContactMethod deliveryMethod;

    @Column(name = "copy_for_representative", nullable = false)
    private boolean copyForRepresentative;

    @Column(nullable = false, length = 8000)
    private String body;

    /** The written letter, from which its PDF is printed at delivery. */
    @Column(name = "xhtml", length = 200000)
    private String xhtml;

    /** The PDF as it was sent (emailed or queued for printing); null until then. */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "pdf")
    private byte[] pdf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The process step that wrote it (plus the recipient); unique, so a re-run step cannot write it twice. */
    @Column(name = "step_key", nullable = false, unique = true, length = 200)
    private String stepKey;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "queued_for_print_at")
    private Instant queuedForPrintAt;

    @Column(name = "posted_at")
    private Instant postedAt;

    @Column(name = "posted_by", length = 100)
    private String postedBy;

    protected Letter() {
    }

    public Letter(Complaint complaint, LetterType type, Recipient to, RenderedLetter rendered, Instant createdAt,
                  String stepKey) {
        this.complaint = complaint;
        init(type, to, rendered, createdAt, stepKey);
    }

    /** A thank-you letter for a compliment or comment. */
    public Letter(Feedback feedback, LetterType type, Recipient to, RenderedLetter rendered, Instant createdAt,
                  String stepKey) {
        this.feedback = feedback;
        init(type, to, rendered, createdAt, stepKey);
    }

    /**
     * GDPR erasure: the rendered letter and the recipient's details go; type, dates and how it was delivered
     * stay as the record that the letter was sent.
     */
    public void erase() {
        recipient = uk.putitright.complaint.Complaint.ERASED;
        recipientEmail = null;
        recipientAddress = null;
        body = uk.putitright.complaint.Complaint.ERASED;
        xhtml = null;
        pdf = null;
    }

    private void init(LetterType type, Recipient to, RenderedLetter rendered, Instant createdAt, String stepKey) {
        this.type = type;
        this.recipient = to.name();
        this.recipientEmail = to.email();
        this.recipientAddress = to.postalAddress();
        this.deliveryMethod = to.method();
        this.copyForRepresentative = to.copyForRepresentative();
        this.body = rendered.text().length() > 8000 ? rendered.text().substring(0, 8000) : rendered.text();
        this.xhtml = rendered.xhtml();
        this.createdAt = createdAt;
        this.stepKey = stepKey;
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    void markEmailed(Instant at) {
        deliveredAt = at;
    }

    void queueForPrint(Instant at) {
        if (queuedForPrintAt == null) {
            queuedForPrintAt = at;
        }
    }

    /** Posting is the delivery of a printed letter. */
    void markPosted(Instant at, String by) {
        if (postedAt == null) {
            postedAt = at;
            postedBy = by;
            deliveredAt = at;
        }
    }

    public Long getId() {
        return id;
    }

    public Complaint getComplaint() {
        return complaint;
    }

    public Feedback getFeedback() {
        return feedback;
    }

    /** The reference the letter quotes: its complaint's, or its feedback's. */
    public String getReference() {
        return complaint != null ? complaint.getReference() : feedback.getReference();
    }

    public LetterType getType() {
        return type;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getRecipientAddress() {
        return recipientAddress;
    }

    public ContactMethod getDeliveryMethod() {
        return deliveryMethod;
    }

    public boolean isCopyForRepresentative() {
        return copyForRepresentative;
    }

    public String getBody() {
        return body;
    }

    /** The PDF as sent, or null while the letter waits for delivery (see {@link LetterRenderer#pdfOf}). */
    public byte[] getPdf() {
        return pdf;
    }

    public String getXhtml() {
        return xhtml;
    }

    /** Keeps the PDF that is being sent, so the letter as sent can be shown later exactly as it went. */
    void keepSentPdf(byte[] sent) {
        if (pdf == null) {
            pdf = sent;
        }
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getStepKey() {
        return stepKey;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public Instant getQueuedForPrintAt() {
        return queuedForPrintAt;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public String getPostedBy() {
        return postedBy;
    }
}
