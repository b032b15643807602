package uk.putitright.complaint;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** A complaint's escalation refusal (at most one). */
public interface EscalationRefusalRepository extends JpaRepository<EscalationRefusal, Long> {

    @Query("select r from EscalationRefusal r where r.complaintId = :complaintId")
    Optional<EscalationRefusal> findByComplaintId(@Param("complaintId") Long complaintId);
}
