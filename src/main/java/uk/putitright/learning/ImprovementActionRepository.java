package uk.putitright.learning;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

    List<ImprovementAction> findByComplaintIdOrderByIdAsc(Long complaintId);

    List<ImprovementAction> findAllByOrderByDueOnAscIdAsc();
}
