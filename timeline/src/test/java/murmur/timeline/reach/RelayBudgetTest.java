package murmur.timeline.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RelayBudgetTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void bytesOfEveryRunInADayCountTowardsOneCapThatRefillsADayLater() {
        RelayBudget budget = new RelayBudget(1_000, clock);
        assertThat(budget.spent(600)).isFalse();
        budget.runEnded(600);
        assertThat(budget.spent(399)).as("a second run adds to the first").isFalse();
        assertThat(budget.spent(400)).isTrue();
        assertThat(budget.refillsAt()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));

        now.set(now.get().plus(Duration.ofHours(23)));
        assertThat(budget.spent(400)).isTrue();
        now.set(now.get().plus(Duration.ofHours(1)));
        assertThat(budget.spent(400)).as("a new day: what the run relayed before it no longer counts").isFalse();
        assertThat(budget.spent(1_399)).isFalse();
        assertThat(budget.spent(1_400)).isTrue();
    }
}
