package uk.putitright.letters;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LetterRepository extends JpaRepository<Letter, Long> {

    @Query("select l from Letter l where l.complaint.id = :complaintId order by l.createdAt, l.id")
    List<Letter> findByComplaintIdOrderByCreatedAtAscIdAsc(@Param("complaintId") Long complaintId);

    /** JPQL rather than derived: Hibernate caches its translation, and every letter step asks. */
    @Query("select l from Letter l where l.stepKey = :stepKey")
    Optional<Letter> findByStepKey(@Param("stepKey") String stepKey);

    /** When the complaint's latest letter of one of these types was written (no PDF is loaded). */
    @Query("select max(l.createdAt) from Letter l where l.complaint.id = :complaintId and l.type in :types")
    Instant lastWrittenAt(@Param("complaintId") Long complaintId, @Param("types") Collection<LetterType> types);

    Optional<Letter> findByIdAndComplaintReference(Long id, String reference);

    /** Letters waiting to be printed and posted, oldest first. */
    @Query("select l from Letter l where l.queuedForPrintAt is not null and l.postedAt is null order by l.queuedForPrintAt, l.id")
    List<Letter> printQueue();
}
