package uk.putitright.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes {@code POST /api/complaints} idempotent, so a double click or a retried request logs one complaint.
 *
 * <p>The first request with a key inserts a row in {@code idempotency_key} in its own short transaction; the
 * table's primary key lets exactly one concurrent request succeed (no check-then-insert race). That request
 * logs the complaint and stores its reference in the row in the same transaction as the complaint. Every other
 * request with the key finds the row: a different body hash is a conflict (422); a stored reference is
 * answered again (replay); a row still without reference means the first request is still working, and the
 * repeat polls until the reference appears (or answers 409 after {@code idempotencyWait}). If the first request
 * fails (invalid data, rate limit, error) its row is deleted so a corrected retry can use the key.
 *
 * <p>Rows expire: explicit keys after {@code idempotencyKeyRetention} (24 h), keys derived from the body and
 * client address after {@code duplicateWindow} (10 min); expired rows are replaced on use and purged hourly. Times
 * are the system clock, not the engine's {@code ClockUtil}.
 */
@Component
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);
    /** A row whose request has neither finished nor failed after this long was abandoned (the node died). */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 50;

    /** The outcome of {@link #claim}. */
    public sealed interface Claim {
        /** This request owns the key: log the complaint, then {@link #complete} (or {@link #release} on failure). */
        record Owned(String key) implements Claim { }

        /** An earlier request with this key and body logged this complaint. */
        record Replay(String reference) implements Claim { }
    }

    private record Row(String requestHash, String reference, Instant createdAt, Instant expiresAt) { }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final IntakeLimits limits;
    private final Clock clock = Clock.systemUTC();

    IdempotencyKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, IntakeLimits limits) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.limits = limits;
    }

    /** The stored key for a client's {@code Idempotency-Key} header (valid for any client address). */
    public static String explicitKey(String header) {
        return "key:" + header;
    }

    /** The stored key when no header is sent: the same normalised body from the same address. */
    public static String derivedKey(String clientAddress, String requestHash) {
        return "body:" + sha256(clientAddress + "\n" + requestHash);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims {@code key} for a request whose normalised body hashes to {@code requestHash}, kept for
     * {@code retention}; waits while another request holding the key is still running.
     *
     * @throws IdempotencyKeyConflictException the key was used with a different body
     * @throws IdempotencyKeyBusyException the request holding the key did not finish in time
     */
    public Claim claim(String key, String requestHash, Duration retention) {
        Instant giveUpAt = clock.instant().plus(limits.idempotencyWait());
        while (true) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            if (insert(key, requestHash, now, now.plus(retention))) {
                return new Claim.Owned(key);
            }
            Row row = find(key);
            if (row == null) {
                continue; // the holder failed and released the key: try again
            }
            if (!row.expiresAt().isAfter(now)
                    || (row.reference() == null && row.createdAt().plus(ABANDONED_AFTER).isBefore(now))) {
                jdbc.update("delete from idempotency_key where idem_key = ? and created_at = ?",
                        key, Timestamp.from(row.createdAt()));
                continue;
            }
            if (!row.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyConflictException();
            }
            if (row.reference() != null) {
                return new Claim.Replay(row.reference());
            }
            if (now.isAfter(giveUpAt)) {
                throw new IdempotencyKeyBusyException();
            }
            sleep();
        }
    }

    /** Records the complaint an owned key logged; call inside the transaction that logs the complaint. */
    public void complete(String key, String reference) {
        int updated = jdbc.update("update idempotency_key set complaint_reference = ? "
                + "where idem_key = ? and complaint_reference is null", reference, key);
        if (updated != 1) {
            throw new IllegalStateException("idempotency key lost before the complaint was logged");
        }
    }

    /** Gives up an owned key whose request failed, so a retry (say with corrected data) can use it. */
    public void release(String key) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "delete from idempotency_key where idem_key = ? and complaint_reference is null", key));
        } catch (RuntimeException e) {
            log.warn("Could not release idempotency key; it is reclaimed after {}", ABANDONED_AFTER, e);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        jdbc.update("delete from idempotency_key where expires_at < ?", Timestamp.from(clock.instant()));
    }

    private boolean insert(String key, String requestHash, Instant now, Instant expiresAt) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update("insert into idempotency_key "
                    + "(idem_key, request_hash, created_at, expires_at) values (?, ?, ?, ?)",
                    key, requestHash, Timestamp.from(now), Timestamp.from(expiresAt)));
            return true;
        } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
            return false; // another request holds the key (or held the lock while inserting it)
        }
    }

    private Row find(String key) {
        List<Row> rows = jdbc.query("select request_hash, complaint_reference, created_at, expires_at "
                        + "from idempotency_key where idem_key = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant()), key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdempotencyKeyBusyException();
        }
    }
}
