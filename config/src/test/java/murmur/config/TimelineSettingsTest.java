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

    @Test
    void aPeerListensOnEveryInterfaceOnPortsItKeepsAndOpensTheRouterByDefault() {
        TimelineSettings t = SettingsLoader.defaults().timeline();
        assertThat(t.host()).isEmpty();
        assertThat(t.dhtPort()).isZero();
        assertThat(t.peerPort()).isZero();
        assertThat(t.portMapping()).isTrue();
    }

    @Test
    void theBindHostIsAnIpAddressNeverANameToLookUp() {
        for (String ok : List.of("0.0.0.0", "::", "192.168.1.20", "fe80::1", "::ffff:10.0.0.1")) {
            assertThat(SettingsLoader.load(Optional.empty(), List.of("timeline.host=" + ok)).timeline().host())
                    .isEqualTo(ok);
        }
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of("timeline.host=my.router")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("timeline.host")
                .hasMessageContaining("an IP address");
    }
}
