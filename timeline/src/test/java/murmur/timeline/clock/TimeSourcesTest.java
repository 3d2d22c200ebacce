package murmur.timeline.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import murmur.config.HostPort;
import murmur.config.SettingsLoader;
import murmur.config.TimelineSettings;
import org.junit.jupiter.api.Test;

class TimeSourcesTest {

    @Test
    void asksEachSeedsSntpPortFirstThenTheConfiguredSources() {
        TimelineSettings settings = SettingsLoader.load(Optional.empty(), List.of(
                "timeline.sntpPort=4999", "timeline.timeSources=pool.ntp.org:123,[::1]:1123")).timeline();
        List<HostPort> seeds = List.of(HostPort.parse("seed-a.example:4100"), HostPort.parse("10.0.0.7:4100"),
                HostPort.parse("seed-a.example:4200"));

        List<InetSocketAddress> sources = TimeSources.of(settings, seeds);

        assertThat(sources).extracting(TimeSources::name)
                .containsExactly("seed-a.example:4999", "10.0.0.7:4999", "pool.ntp.org:123", "[::1]:1123");
        assertThat(sources).allMatch(InetSocketAddress::isUnresolved);
    }
}
