package murmur.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineSettingsTest {

    @Test
    void defaultsAreLoaded() {
        TimelineSettings t = SettingsLoader.defaults().timeline();
        assertThat(t.maxPostChars()).isEqualTo(500);
        assertThat(t.ownPostLifespan()).isEqualTo(Duration.ofDays(365));
        assertThat(t.othersPostLifespan()).isEqualTo(Duration.ofDays(30));
        assertThat(t.timeSourceEndpoints()).contains(new HostPort("pool.ntp.org", 123));
    }

    @Test
    void anEmptyListOnTheCommandLineClearsTheTimeSources() {
        TimelineSettings t = SettingsLoader.load(Optional.empty(), List.of("timeline.timeSources=")).timeline();
        assertThat(t.timeSources()).isEmpty();
    }

    @Test
    void outOfRangeValuesNameTheKey() {
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of("timeline.ownPostLifespan=10s")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("timeline.ownPostLifespan")
                .hasMessageContaining("between 1m and 3650d");
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of("timeline.presenceTtl=10s")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("longer than timeline.presenceRefresh");
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of("timeline.maxPostChars=0")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("timeline.maxPostChars");
    }
}
