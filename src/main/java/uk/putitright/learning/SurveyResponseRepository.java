package uk.putitright.learning;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SurveyResponseRepository extends JpaRepository<SurveyResponse, Long> {

    Optional<SurveyResponse> findByComplaintId(Long complaintId);
}
