package uk.putitright.cases;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.putitright.complaint.Complaint;
import uk.putitright.complaint.ComplaintRepository;

/**
 * Complaints saved before the search keys existed (migration V30) get them once, in the background after
 * start-up, a batch at a time, so an upgraded installation finds its old complaints too.
 */
@Component
class SearchKeysBackfill {

    private static final Logger log = LoggerFactory.getLogger(SearchKeysBackfill.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ComplaintRepository complaints;
    private final TransactionTemplate transaction;

    SearchKeysBackfill(JdbcTemplate jdbc, ComplaintRepository complaints, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread thread = new Thread(this::run, "search-keys-backfill");
        thread.setDaemon(true);
        thread.start();
    }

    void run() {
        try {
            int done = 0;
            long after = 0;
            for (;;) {
                List<Long> ids = jdbc.queryForList("select id from complaint where search_text is null"
                        + " and anonymised_at is null and id > ? order by id limit " + BATCH, Long.class, after);
                if (ids.isEmpty()) {
                    break;
                }
                transaction.executeWithoutResult(status ->
                        complaints.findAllById(ids).forEach(Complaint::deriveSearchKeysAndNextDeadline));
                done += ids.size();
                after = ids.get(ids.size() - 1);
            }
            if (done > 0) {
                log.info("Search keys derived for {} complaints saved before they existed", done);
            }
        } catch (RuntimeException e) {
            log.warn("Search keys could not all be derived: {}", e.getMessage());
        }
    }
}
