package uk.putitright.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key (a client address) in a sliding {@code window}, counted in memory on this
 * node. Used by the public pages' and API's per-address limits and by the failed-login limits
 * ({@link FailedLoginLimit}); each refusal counts in {@code putitright_requests_refused_total{limit}}, so the
 * on-call engineer sees a script at work.
 */
public final class SlidingWindowLimit {

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();
    private final int max;
    private final long windowNanos;
    private final Counter refused;

    public SlidingWindowLimit(String name, int max, Duration window, MeterRegistry meters) {
        this.max = max;
        this.windowNanos = window.toNanos();
        this.refused = Counter.builder("putitright.requests.refused").tag("limit", name)
                .description("Public requests refused by a per-address limit").register(meters);
    }

    /** Counts one event for {@code key}: empty if allowed, else how many seconds until the next is allowed. */
    public OptionalLong tryAcquire(String key) {
        long now = System.nanoTime();
        long[] retryAfter = {0};
        recent.compute(key, (k, times) -> {
            Deque<Long> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && now - kept.peekFirst() >= windowNanos) {
                kept.pollFirst();
            }
            if (kept.size() >= max) {
                long waitNanos = kept.isEmpty() ? windowNanos : windowNanos - (now - kept.peekFirst());
                retryAfter[0] = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            } else {
                kept.addLast(now);
            }
            return kept;
        });
        if (retryAfter[0] == 0) {
            return OptionalLong.empty();
        }
        refused.increment();
        return OptionalLong.of(retryAfter[0]);
    }

    /** Whether {@code key} is at its limit now, without counting an event: empty if not, else seconds to wait. */
    public OptionalLong retryAfter(String key) {
        long now = System.nanoTime();
        long[] retryAfter = {0};
        // read under the map's lock for this key, as tryAcquire and record write
        recent.computeIfPresent(key, (k, times) -> {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                retryAfter[0] = Math.max(1, (windowNanos - (now - times.peekFirst()) + 999_999_999L) / 1_000_000_000L);
            }
            return times;
        });
        if (retryAfter[0] == 0) {
            return OptionalLong.empty();
        }
        refused.increment();
        return OptionalLong.of(retryAfter[0]);
    }

    /** Counts one event for {@code key} that has happened (a failure known after the fact). */
    public void record(String key) {
        long now = System.nanoTime();
        recent.compute(key, (k, times) -> {
            Deque<Long> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && now - kept.peekFirst() >= windowNanos) {
                kept.pollFirst();
            }
            kept.addLast(now);
            return kept;
        });
    }

    /** Takes back the latest event counted for {@code key} (it turned out not to count). */
    public void refund(String key) {
        recent.computeIfPresent(key, (k, times) -> {
            times.pollLast();
            return times;
        });
    }

    public void reset() {
        recent.clear();
    }

    /** Drops keys with no event in the window, so the map does not grow without bound. */
    public void evictIdle() {
        for (String key : recent.keySet()) {
            recent.computeIfPresent(key, (k, times) -> {
                Long last = times.peekLast();
                return last == null || System.nanoTime() - last >= windowNanos ? null : times;
            });
        }
    }
}
