package murmur.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");

    private static String ago(Duration d) {
        return RelativeTime.since(NOW.minus(d), NOW, ZoneOffset.UTC);
    }

    @Test
    void wordsForEachRange() {
        assertThat(ago(Duration.ofSeconds(59))).isEqualTo("now");
        assertThat(ago(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(ago(Duration.ofMinutes(90))).isEqualTo("1 h");
        assertThat(ago(Duration.ofDays(3))).isEqualTo("3 d");
        assertThat(ago(Duration.ofDays(30))).isEqualTo("8 Feb 2025");
        assertThat(ago(Duration.ofMinutes(-5))).isEqualTo("now");
    }
}
