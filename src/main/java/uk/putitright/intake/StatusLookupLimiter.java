package uk.putitright.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.putitright.security.SlidingWindowLimit;

/**
 * At most {@code putitright.intake.max-failed-lookups-per-address} look-ups on the customer's status page that
 * match no complaint, per client address in a sliding {@code failed-lookup-window}; then 429 with
 * {@code Retry-After}, even for right details. References are numbered in sequence, so without this a script
 * could try a postcode against every reference. A look-up that finds the complaint does not count.
 * In memory on each node, like {@link SubmissionRateLimiter}.
 */
@Component
public class StatusLookupLimiter {

    private final SlidingWindowLimit failures;

    StatusLookupLimiter(IntakeLimits limits, MeterRegistry meters) {
        this.failures = new SlidingWindowLimit("failed-lookups", limits.maxFailedLookupsPerAddress(),
                limits.failedLookupWindow(), meters);
    }

    /** Counts a look-up as failed until {@link #found} says otherwise: empty if allowed, else seconds to wait. */
    OptionalLong tryLookUp(String address) {
        return failures.tryAcquire(address);
    }

    /** The look-up found the complaint: it does not count against the address. */
    void found(String address) {
        failures.refund(address);
    }

    /** Forgets everything (tests). */
    public void reset() {
        failures.reset();
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictIdle() {
        failures.evictIdle();
    }
}
