package uk.putitright.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value loaded at most once per {@code maxAge}: every gauge of one scrape (and of scrapes close together)
 * reads the same counts, so monitoring costs the database a few count queries per window, however often it
 * scrapes or however many replicas of Prometheus there are.
 */
final class CachedValue<T> {

    private final Supplier<T> loader;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private Instant loadedAt;

    CachedValue(Supplier<T> loader, Duration maxAge, Clock clock) {
        this.loader = loader;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    synchronized T get() {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(loadedAt.plus(maxAge))) {
            value = loader.get();
            loadedAt = now;
        }
        return value;
    }
}
