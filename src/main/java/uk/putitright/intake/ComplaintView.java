package uk.putitright.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.putitright.complaint.Breach;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ContactDetails;
import uk.putitright.complaint.DeadlineType;
import uk.putitright.complaint.Extension;

/** A complaint as staff see it through the API; deadlines are London times in ISO-8601. */
public record ComplaintView(
        String reference, String landlord, String businessLine, String serviceArea, String channel,
        OffsetDateTime receivedAt, String stage, String status, String closureReason, String caseHandler,
        Contact customer, String preferredContact, Contact representative, Boolean consentGiven,
        String summary, String desiredOutcome, Map<String, OffsetDateTime> deadlines,
        List<BreachView> breaches, List<ExtensionView> extensions, Learning learning) {

    /** What the responses decided and why the service fell short (null until a response is sent). */
    public record Learning(String stage1Outcome, String stage2Outcome, String outcome, String rootCause,
                           Integer stage1WorkingDays, Integer stage2WorkingDays) {
    }

    public record Contact(String name, String email, String phone, String address) {
    }

    public record BreachView(String deadline, String stage, OffsetDateTime dueAt, OffsetDateTime recordedAt) {
    }

    public record ExtensionView(String stage, String reason, OffsetDateTime previousDueAt, OffsetDateTime newDueAt,
                                String grantedBy) {
    }

    static ComplaintView of(Complaint c, ZoneId zone) {
        Map<String, OffsetDateTime> deadlines = new LinkedHashMap<>();
        Arrays.stream(DeadlineType.values())
                .filter(type -> c.getDeadlines().get(type) != null)
                .forEach(type -> deadlines.put(type.variable(), at(c.getDeadlines().get(type), zone)));
        return new ComplaintView(c.getReference(), c.getLandlord(), c.getBusinessLine(), c.getServiceArea(),
                c.getChannel().name(), at(c.getReceivedAt(), zone), c.getStage().name(), c.getStatus().name(),
                c.getClosureReason() == null ? null : c.getClosureReason().name(), c.getCaseHandler(),
                contact(c.getCustomer()), c.getPreferredContact().name(),
                c.hasRepresentative() ? contact(c.getRepresentative()) : null, c.getConsentGiven(),
                c.getSummary(), c.getDesiredOutcome(), deadlines,
                c.getBreaches().stream().map(b -> breach(b, zone)).toList(),
                c.getExtensions().stream().map(e -> extension(e, zone)).toList(),
                new Learning(name(c.getStage1Outcome()), name(c.getStage2Outcome()), name(c.getOutcome()),
                        name(c.getRootCause()), c.getStage1WorkingDays(), c.getStage2WorkingDays()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Contact contact(ContactDetails d) {
        return new Contact(d.getName(), d.getEmail(), d.getPhone(), d.getAddress());
    }

    private static BreachView breach(Breach b, ZoneId zone) {
        return new BreachView(b.getDeadline().name(), b.getStage() == null ? null : b.getStage().name(),
                at(b.getDueAt(), zone), at(b.getRecordedAt(), zone));
    }

    private static ExtensionView extension(Extension e, ZoneId zone) {
        return new ExtensionView(e.getStage().name(), e.getReason(), at(e.getPreviousDueAt(), zone),
                at(e.getNewDueAt(), zone), e.getGrantedBy());
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
