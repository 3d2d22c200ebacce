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

    @Test
    void aPeerRelaysForOthersOnlyWhenItsOwnerSaysSoAndThenWithinSmallCaps() {
        TimelineSettings t = SettingsLoader.defaults().timeline();
        assertThat(t.relayForOthers()).isFalse();
        assertThat(t.relayPort()).isZero();
        assertThat(t.relayMaxPeers()).isEqualTo(16);
        assertThat(t.relayBytesPerSecond()).isEqualTo(64 * 1024);
        assertThat(t.relayMaxBytesPerDay()).isEqualTo(1L << 30);
        assertThat(t.relayMaxPeers()).isLessThan(SettingsLoader.defaults().bootstrap().relayMaxPeers());

        TimelineSettings on = SettingsLoader.load(Optional.empty(), List.of("timeline.relayForOthers=true",
                "timeline.relayPort=4301", "timeline.relayMaxPeers=4", "timeline.relayBytesPerSecond=2048",
                "timeline.relayMaxBytesPerDay=10485760")).timeline();
        assertThat(on.relayForOthers()).isTrue();
        assertThat(on.relayPort()).isEqualTo(4301);
        assertThat(on.relayMaxPeers()).isEqualTo(4);
        assertThat(on.relayBytesPerSecond()).isEqualTo(2048);
        assertThat(on.relayMaxBytesPerDay()).isEqualTo(10L << 20);
    }

    @Test
    void relayCapsOutOfRangeNameTheKey() {
        for (String bad : List.of("timeline.relayPort=70000", "timeline.relayMaxPeers=0",
                "timeline.relayMaxPeers=" + (TimelineSettings.MAX_RELAYED_PEERS + 1), "timeline.relayBytesPerSecond=10",
                "timeline.relayMaxBytesPerDay=1000")) {
            String key = bad.substring(0, bad.indexOf('='));
            assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of(bad)))
                    .isInstanceOf(SettingsException.class).hasMessageContaining(key).hasMessageContaining("between");
        }
    }

    @Test
    void theFanoutDegreeIsBinaryByDefaultAndTheUplinkUnknown() {
        TimelineSettings t = SettingsLoader.defaults().timeline();
        assertThat(t.fixedFanoutDegree()).hasValue(2);
        assertThat(t.uplinkBitsPerSecond()).isEmpty();
    }

    @Test
    void theFanoutDegreeIsANumberOrAutoAndTheUplinkARate() {
        TimelineSettings t = SettingsLoader.load(Optional.empty(), List.of("timeline.fanoutDegree=auto",
                "timeline.uplink=2.5Mbit")).timeline();
        assertThat(t.fixedFanoutDegree()).isEmpty();
        assertThat(t.uplinkBitsPerSecond()).hasValue(2_500_000);
        assertThat(SettingsLoader.load(Optional.empty(), List.of("timeline.fanoutDegree=8")).timeline()
                .fixedFanoutDegree()).hasValue(8);
        for (String bad : List.of("timeline.fanoutDegree=1", "timeline.fanoutDegree=17", "timeline.fanoutDegree=wide",
                "timeline.uplink=fast", "timeline.uplink=2MB")) {
            String key = bad.substring(0, bad.indexOf('='));
            assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), List.of(bad)))
                    .isInstanceOf(SettingsException.class).hasMessageContaining(key)
                    .hasMessageContaining(bad.substring(bad.indexOf('=') + 1));
        }
    }
}
