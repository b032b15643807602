package uk.putitright.complaint;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ComplaintNoteRepository extends JpaRepository<ComplaintNote, Long> {

    Optional<ComplaintNote> findFirstByComplaintIdAndFieldOrderByRecordedAtDescIdDesc(Long complaintId, String field);

    List<ComplaintNote> findByComplaintIdOrderByRecordedAtAscIdAsc(Long complaintId);
}
