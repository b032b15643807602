package uk.putitright.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** However often monitoring scrapes, the database is counted at most once per window. */
class CachedValueTest {

    private Instant now = Instant.parse("2026-12-21T10:00:00Z");

    @Test
    void scrapesWithinTheWindowReuseTheCountsAndTheNextWindowCountsAgain() {
        AtomicInteger queries = new AtomicInteger();
        Clock clock = new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        CachedValue<Integer> counts = new CachedValue<>(queries::incrementAndGet, Duration.ofSeconds(30), clock);

        for (int scrape = 0; scrape < 100; scrape++) {
            assertThat(counts.get()).isEqualTo(1);
        }
        now = now.plusSeconds(29);
        assertThat(counts.get()).isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(counts.get()).isEqualTo(2);
        assertThat(queries).hasValue(2);
    }
}
