package uk.putitright.complaint;

import jakarta.persistence.EntityManager;
import java.time.Year;
import java.time.ZoneId;
import org.hibernate.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores new complaints and gives each its reference, e.g. CHG-2026-000042. */
@Service
public class ComplaintRegister {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String SEQUENCE = "complaint_reference_seq";

    private final ComplaintRepository complaints;
    private final LandlordProperties landlords;
    private final EntityManager entityManager;
    private String nextNumberSql;

    public ComplaintRegister(ComplaintRepository complaints, LandlordProperties landlords,
                             EntityManager entityManager) {
        this.complaints = complaints;
        this.landlords = landlords;
        this.entityManager = entityManager;
    }

    @Transactional
    public Complaint register(Complaint complaint) {
        long number = ((Number) entityManager.createNativeQuery(nextNumberSql()).getSingleResult()).longValue();
        String prefix = landlords.get(complaint.getLandlord()).referencePrefix();
        int year = Year.from(complaint.getReceivedAt().atZone(UK)).getValue();
        complaint.number(number, String.format("%s-%d-%06d", prefix, year, number));
        entityManager.persist(complaint);
        return complaint;
    }

    @Transactional(readOnly = true)
    public Complaint find(String reference) {
        return complaints.findByReference(reference).orElseThrow(() -> new ComplaintNotFoundException(reference));
    }

    /** The database's own "next value" syntax (H2 and PostgreSQL differ). */
    private String nextNumberSql() {
        if (nextNumberSql == null) {
            nextNumberSql = entityManager.unwrap(Session.class).getFactory().unwrap(
                    org.hibernate.engine.spi.SessionFactoryImplementor.class).getJdbcServices().getDialect()
                    .getSequenceSupport().getSequenceNextValString(SEQUENCE);
        }
        return nextNumberSql;
    }
}
