package uk.putitright.complaint;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The notes of a complaint. The queries every task and letter runs are written out in JPQL: Hibernate caches
 * a JPQL string's translation, while a derived query's criteria tree is translated again on every call.
 */
public interface ComplaintNoteRepository extends JpaRepository<ComplaintNote, Long> {

    Optional<ComplaintNote> findFirstByComplaintIdAndFieldOrderByRecordedAtDescIdDesc(Long complaintId, String field);

    @Query("select n from ComplaintNote n where n.complaintId = :complaintId order by n.recordedAt, n.id")
    List<ComplaintNote> findByComplaintIdOrderByRecordedAtAscIdAsc(@Param("complaintId") Long complaintId);
}
