package uk.putitright.letters;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LetterRepository extends JpaRepository<Letter, Long> {

    List<Letter> findByComplaintIdOrderByCreatedAtAscIdAsc(Long complaintId);

    Optional<Letter> findByStepKey(String stepKey);
}
