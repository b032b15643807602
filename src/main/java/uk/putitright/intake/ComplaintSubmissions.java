package uk.putitright.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A public submission of a complaint: idempotency key first (a repeat gets the first answer and counts for
 * nothing), then the per-address limit, then the complaint and its key together in one transaction.
 *
 * <p>The key is the client's {@code Idempotency-Key} header, remembered 24 hours for any client address; a key
 * used again with a different body is refused (422). Without the header, the key is a SHA-256 of the client
 * address and the normalised body (the request as parsed, written back as JSON: spacing and field order do
 * not matter), remembered 10 minutes: the same complaint sent twice from the same address in that window is
 * logged once (a double click). Both periods are configuration ({@link IntakeLimits}).
 */
@Service
public class ComplaintSubmissions {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /** The answer: the complaint's reference, and whether it was logged by an earlier request. */
    public record Submitted(String reference, boolean replayed) { }

    private final ComplaintIntake intake;
    private final IdempotencyKeys keys;
    private final SubmissionRateLimiter limiter;
    private final IntakeLimits limits;
    private final TransactionTemplate transaction;
    private final ObjectMapper canonical;

    ComplaintSubmissions(ComplaintIntake intake, IdempotencyKeys keys, SubmissionRateLimiter limiter,
                         IntakeLimits limits, PlatformTransactionManager transactions, ObjectMapper json) {
        this.intake = intake;
        this.keys = keys;
        this.limiter = limiter;
        this.limits = limits;
        this.transaction = new TransactionTemplate(transactions);
        this.canonical = json.copy().configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.INDENT_OUTPUT, false);
    }

    public Submitted submit(NewComplaintRequest request, String idempotencyKey, String clientAddress) {
        String requestHash = IdempotencyKeys.sha256(normalised(request));
        String key;
        Duration retention;
        if (idempotencyKey != null) {
            if (!KEY.matcher(idempotencyKey).matches()) {
                throw new InvalidFieldException("Idempotency-Key",
                        "must be 1 to 100 letters, digits or . _ : - (a UUID, say)");
            }
            key = IdempotencyKeys.explicitKey(idempotencyKey);
            retention = limits.idempotencyKeyRetention();
        } else {
            key = IdempotencyKeys.derivedKey(clientAddress, requestHash);
            retention = limits.duplicateWindow();
        }

        IdempotencyKeys.Claim claim = keys.claim(key, requestHash, retention);
        if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
            return new Submitted(replay.reference(), true);
        }
        OptionalLong retryAfter = limiter.tryAcquire(clientAddress);
        if (retryAfter.isPresent()) {
            keys.release(key);
            throw new TooManySubmissionsException(retryAfter.getAsLong());
        }
        try {
            String reference = transaction.execute(status -> {
                String logged = intake.log(request).getReference();
                keys.complete(key, logged);
                return logged;
            });
            return new Submitted(reference, false);
        } catch (RuntimeException e) {
            keys.release(key);
            limiter.refund(clientAddress);
            throw e;
        }
    }

    private String normalised(NewComplaintRequest request) {
        try {
            return canonical.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
