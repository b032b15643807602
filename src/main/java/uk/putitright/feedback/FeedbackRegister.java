package uk.putitright.feedback;

import jakarta.persistence.EntityManager;
import java.time.Year;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.putitright.complaint.LandlordProperties;

/**
 * Stores a compliment or comment with its reference (from the complaint sequence, so complaints and feedback
 * never share a number) and starts its process in the same transaction. The process gets only the feedback id,
 * the reference, the kind and the group that handles it; the person's details and words stay in our table.
 */
@Service
public class FeedbackRegister {

    public static final String PROCESS = "feedback";
    public static final String FEEDBACK_ID = "feedbackId";
    public static final String REFERENCE = "reference";
    public static final String KIND = "kind";
    public static final String LANDLORD = "landlord";
    public static final String RECOGNITION_GROUP = "recognitionGroup";
    public static final String SERVICE_OWNER_GROUP = "serviceOwnerGroup";

    /** Who gets a compliment when the team named is not one of our groups. */
    static final String RECOGNITION_FALLBACK = "customer-service";
    /** Who logs a comment when the team named is not one of our groups. */
    static final String SERVICE_OWNER_FALLBACK = "process-owners";

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String SEQUENCE = "complaint_reference_seq";

    private final FeedbackRepository feedback;
    private final LandlordProperties landlords;
    private final EntityManager entityManager;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private String nextNumberSql;

    public FeedbackRegister(FeedbackRepository feedback, LandlordProperties landlords, EntityManager entityManager,
                            RuntimeService runtime, IdentityService identity) {
        this.feedback = feedback;
        this.landlords = landlords;
        this.entityManager = entityManager;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Stores the feedback and starts its process together: either both happen or neither. */
    @Transactional
    public Feedback receive(Feedback received) {
        long number = ((Number) entityManager.createNativeQuery(nextNumberSql()).getSingleResult()).longValue();
        int year = Year.from(received.getReceivedAt().atZone(UK)).getValue();
        received.reference(String.format("%s-%d-%06d", landlords.get(received.getLandlord()).referencePrefix(),
                year, number));
        Feedback saved = feedback.save(received);

        Map<String, Object> variables = new HashMap<>();
        variables.put(FEEDBACK_ID, saved.getId());
        variables.put(REFERENCE, saved.getReference());
        variables.put(KIND, saved.getKind().name());
        variables.put(LANDLORD, saved.getLandlord());
        if (saved.getKind() == FeedbackKind.COMPLIMENT) {
            variables.put(RECOGNITION_GROUP, groupOr(saved.getTeam(), RECOGNITION_FALLBACK));
        } else {
            variables.put(SERVICE_OWNER_GROUP, groupOr(saved.getTeam(), SERVICE_OWNER_FALLBACK));
        }
        saved.processInstance(runtime.startProcessInstanceByKey(PROCESS, saved.getReference(), variables).getId());
        return saved;
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Feedback> find(String reference) {
        return feedback.findByReference(reference);
    }

    /** The team when it is one of our Camunda groups, else the fallback group. */
    private String groupOr(String team, String fallback) {
        if (team != null && !team.isBlank() && identity.createGroupQuery().groupId(team.strip()).count() > 0) {
            return team.strip();
        }
        return fallback;
    }

    /** The database's own "next value" syntax (H2 and PostgreSQL differ), as ComplaintRegister reads it. */
    private String nextNumberSql() {
        if (nextNumberSql == null) {
            nextNumberSql = entityManager.unwrap(Session.class).getFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect().getSequenceSupport().getSequenceNextValString(SEQUENCE);
        }
        return nextNumberSql;
    }
}
