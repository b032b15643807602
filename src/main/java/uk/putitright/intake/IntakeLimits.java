package uk.putitright.intake;

import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on the public complaint API ({@code putitright.intake.*}).
 *
 * @param maxBodySize largest request body accepted by {@code /api/**}; larger answers 413
 * @param maxSubmissionsPerAddress new complaints one client address may log per {@code submissionWindow}; more answer 429
 * @param submissionWindow the sliding window of the per-address limit
 * @param idempotencyKeyRetention how long an explicit {@code Idempotency-Key} is remembered
 * @param duplicateWindow how long an identical body from the same address (no key sent) counts as a repeat
 * @param idempotencyWait how long a repeat waits for the first request with its key to finish before answering 409
 * @param maxFailedLookupsPerAddress status-page look-ups matching no complaint one address may make per window
 * @param failedLookupWindow the sliding window of the failed look-up limit
 * @param maxBackdating how far back staff may date a complaint's receipt (a letter that arrived earlier)
 * @param earliestReceivedOn no complaint is dated before this day (the policy's start: the Code of 1 April 2024)
 */
@ConfigurationProperties("putitright.intake")
public record IntakeLimits(
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("10") int maxSubmissionsPerAddress,
        @DefaultValue("1m") Duration submissionWindow,
        @DefaultValue("24h") Duration idempotencyKeyRetention,
        @DefaultValue("10m") Duration duplicateWindow,
        @DefaultValue("20s") Duration idempotencyWait,
        @DefaultValue("10") int maxFailedLookupsPerAddress,
        @DefaultValue("15m") Duration failedLookupWindow,
        @DefaultValue("92d") Duration maxBackdating,
        @DefaultValue("2024-04-01") LocalDate earliestReceivedOn) {
}
