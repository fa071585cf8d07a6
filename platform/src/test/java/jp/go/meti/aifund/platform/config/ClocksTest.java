package jp.go.meti.aifund.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClocksTest {

    private static final OffsetDateTime DEMO_START = OffsetDateTime.parse("2028-05-20T01:00:00Z");

    /** Services started seconds apart with the same real start instant tell the same demo time. */
    @Test
    void clocksGivenTheSameRealStartShowTheSameTime() throws InterruptedException {
        OffsetDateTime startedAt = OffsetDateTime.now().minusSeconds(7);
        Clock first = new Clocks().clock(Optional.of(DEMO_START), Optional.of(startedAt));
        Thread.sleep(50); // a later service: without the shared instant it would run 50 ms behind
        Clock second = new Clocks().clock(Optional.of(DEMO_START), Optional.of(startedAt));

        Instant a = first.instant();
        Instant b = second.instant();
        assertThat(Duration.between(a, b).abs()).isLessThan(Duration.ofMillis(20));
        // seven real seconds have passed since the demo clock stood at its start
        assertThat(Duration.between(DEMO_START.toInstant(), a)).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(60));
    }

    @Test
    void withoutAStartTheClockIsTheSystemsInUtcToTheMicrosecond() {
        Clock clock = new Clocks().clock(Optional.empty(), Optional.empty());
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(clock.instant().getNano() % 1_000).isZero(); // to the microsecond, as PostgreSQL stores it
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(1));
    }
}
