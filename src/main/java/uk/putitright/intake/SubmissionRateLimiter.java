package uk.putitright.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.putitright.security.SlidingWindowLimit;

/**
 * At most {@code putitright.intake.max-submissions-per-address} new complaints per client address in a sliding
 * {@code submission-window}; more answer 429 with {@code Retry-After}. Only requests that would log a new
 * complaint count: invalid requests (400) and repeats answered from an idempotency key do not.
 *
 * <p>The address is {@code request.getRemoteAddr()}: Tomcat rewrites it from {@code X-Forwarded-For} only for
 * requests from {@code putitright.security.trusted-proxies} (loopback by default), so a client cannot rotate
 * the header to pass the limit. The counts are in memory on each node: behind a load balancer with several nodes, each node
 * counts separately (the effective limit is N times higher); a cluster needs a shared store (Redis, or a
 * table) instead.
 */
@Component
public class SubmissionRateLimiter {

    private final SlidingWindowLimit submissions;

    SubmissionRateLimiter(IntakeLimits limits, MeterRegistry meters) {
        this.submissions = new SlidingWindowLimit("submissions", limits.maxSubmissionsPerAddress(),
                limits.submissionWindow(), meters);
    }

    /**
     * Takes one submission from {@code address}'s allowance.
     *
     * @return empty if allowed; otherwise how many seconds until the next submission is allowed
     */
    public OptionalLong tryAcquire(String address) {
        return submissions.tryAcquire(address);
    }

    /** Gives back a submission that did not log a complaint after all (it failed). */
    public void refund(String address) {
        submissions.refund(address);
    }

    /** Forgets everything (tests). */
    public void reset() {
        submissions.reset();
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictIdle() {
        submissions.evictIdle();
    }
}
