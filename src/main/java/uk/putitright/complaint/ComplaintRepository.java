package uk.putitright.complaint;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ComplaintRepository extends JpaRepository<Complaint, Long> {

    Optional<Complaint> findByReference(String reference);

    /** Open complaints per case handler, to share new work out fairly. */
    @Query("select c.caseHandler, count(c) from Complaint c where c.status = 'OPEN' and c.caseHandler in :users"
            + " group by c.caseHandler")
    List<Object[]> countOpenByCaseHandler(Collection<String> users);

    /** Closed complaints past a retention cut-off whose personal data is still held, oldest first. */
    @Query("select c.reference from Complaint c where c.closedAt < :cutOff and c.anonymisedAt is null"
            + " order by c.closedAt")
    java.util.List<String> findClosedBeforeAndNotAnonymised(java.time.Instant cutOff);
}
