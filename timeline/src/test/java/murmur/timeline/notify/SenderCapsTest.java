package murmur.timeline.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import murmur.dht.TestClock;
import org.junit.jupiter.api.Test;

/** The per-sender cap on notices about posts: a flood from one sender is cut and counted, others pass. */
class SenderCapsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-04T12:00:00Z"));

    @Test
    void aSenderOverTheCapIsRefusedUntilTheWindowMovesOnAndOthersAreUntouched() {
        SenderCaps caps = new SenderCaps(30, Duration.ofHours(1), clock);
        int taken = 0;
        for (int i = 0; i < 1_000; i++) {
            taken += caps.allow("spammer") ? 1 : 0;
        }
        assertThat(taken).isEqualTo(30);
        assertThat(caps.refused()).isEqualTo(970);
        assertThat(caps.allow("friend")).as("another sender has a cap of their own").isTrue();
        clock.advance(Duration.ofMinutes(59));
        assertThat(caps.allow("spammer")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(caps.allow("spammer")).as("an hour on, the sender may write again").isTrue();
    }

    @Test
    void memoryStaysBoundedWhateverTheNumberOfSenders() {
        SenderCaps caps = new SenderCaps(1, Duration.ofHours(1), clock);
        for (int i = 0; i < SenderCaps.SENDERS + 5_000; i++) {
            assertThat(caps.allow("sender" + i)).isTrue();
        }
        assertThat(caps.allow("sender" + (SenderCaps.SENDERS + 4_999))).as("a recent sender is remembered").isFalse();
        assertThat(caps.allow("sender0")).as("the oldest were forgotten, not kept without bound").isTrue();
    }
}
