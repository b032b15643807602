package uk.putitright.letters;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LetterRepository extends JpaRepository<Letter, Long> {

    List<Letter> findByComplaintIdOrderByCreatedAtAscIdAsc(Long complaintId);

    Optional<Letter> findByStepKey(String stepKey);

    Optional<Letter> findByIdAndComplaintReference(Long id, String reference);

    /** Letters waiting to be printed and posted, oldest first. */
    @Query("select l from Letter l where l.queuedForPrintAt is not null and l.postedAt is null order by l.queuedForPrintAt, l.id")
    List<Letter> printQueue();
}
