package murmur.timeline.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

class CorrectedClockTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void readsTheBaseClockUntilAnOffsetIsSet() {
        CorrectedClock clock = new CorrectedClock(Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.offset()).isZero();
    }

    @Test
    void addsTheOffsetToTheBaseClock() {
        TestClock base = new TestClock(NOW);
        CorrectedClock clock = new CorrectedClock(base);

        clock.setOffset(Duration.ofMillis(-1_500));
        base.advance(Duration.ofSeconds(10));

        assertThat(clock.instant()).isEqualTo(NOW.plusMillis(8_500));
        assertThat(clock.millis()).isEqualTo(NOW.plusMillis(8_500).toEpochMilli());
    }

    @Test
    void aClockInAnotherZoneFollowsTheSameOffset() {
        CorrectedClock clock = new CorrectedClock(Clock.fixed(NOW, ZoneOffset.UTC));
        Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.setOffset(Duration.ofSeconds(7));

        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.instant()).isEqualTo(NOW.plusSeconds(7));
    }
}
