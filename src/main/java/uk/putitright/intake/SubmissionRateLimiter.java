package uk.putitright.intake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * At most {@code putitright.intake.max-submissions-per-address} new complaints per client address in a sliding
 * {@code submission-window}; more answer 429 with {@code Retry-After}. Only requests that would log a new
 * complaint count: invalid requests (400) and repeats answered from an idempotency key do not.
 *
 * <p>The address is {@code request.getRemoteAddr()}: {@code X-Forwarded-For} is trusted only if Spring's
 * {@code server.forward-headers-strategy} is configured behind a known proxy (then Tomcat rewrites the remote
 * address). The counts are in memory on each node: behind a load balancer with several nodes, each node
 * counts separately (the effective limit is N times higher); a cluster needs a shared store (Redis, or a
 * table) instead.
 */
@Component
public class SubmissionRateLimiter {

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final IntakeLimits limits;
    private final LongSupplier nanoTime;

    @org.springframework.beans.factory.annotation.Autowired
    SubmissionRateLimiter(IntakeLimits limits) {
        this(limits, System::nanoTime);
    }

    SubmissionRateLimiter(IntakeLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one submission from {@code address}'s allowance.
     *
     * @return empty if allowed; otherwise how many seconds until the next submission is allowed
     */
    public OptionalLong tryAcquire(String address) {
        long now = nanoTime.getAsLong();
        long window = limits.submissionWindow().toNanos();
        long[] retryAfter = {0};
        recent.compute(address, (a, times) -> {
            Deque<Long> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && now - kept.peekFirst() >= window) {
                kept.pollFirst();
            }
            if (kept.size() >= limits.maxSubmissionsPerAddress()) {
                long waitNanos = kept.isEmpty() ? window : window - (now - kept.peekFirst());
                retryAfter[0] = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            } else {
                kept.addLast(now);
            }
            return kept;
        });
        return retryAfter[0] == 0 ? OptionalLong.empty() : OptionalLong.of(retryAfter[0]);
    }

    /** Gives back a submission that did not log a complaint after all (it failed). */
    public void refund(String address) {
        recent.computeIfPresent(address, (a, times) -> {
            times.pollLast();
            return times;
        });
    }

    /** Forgets everything (tests). */
    public void reset() {
        recent.clear();
    }

    /** Drops addresses with no submission in the window, so the map does not grow without bound. */
    @Scheduled(fixedDelayString = "PT1M")
    void evictIdle() {
        long window = limits.submissionWindow().toNanos();
        for (String address : recent.keySet()) {
            recent.computeIfPresent(address, (a, times) -> {
                Long last = times.peekLast();
                return last == null || nanoTime.getAsLong() - last >= window ? null : times;
            });
        }
    }
}
