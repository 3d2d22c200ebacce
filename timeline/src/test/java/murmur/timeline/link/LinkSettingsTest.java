package murmur.timeline.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;
import org.junit.jupiter.api.Test;

class LinkSettingsTest {

    @Test
    void takesTheRequestTimeoutFromTheTimelineSettings() {
        LinkSettings settings = LinkSettings.from(
                SettingsLoader.load(Optional.empty(), List.of("timeline.directTimeout=7s")).timeline());

        assertThat(settings).isEqualTo(LinkSettings.defaults().withRequestTimeout(Duration.ofSeconds(7)));
        assertThat(settings.maxFrameBytes()).isEqualTo(1 << 20);
    }

    @Test
    void refusesNonsense() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new LinkSettings(12, second, second, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkSettings(1024, Duration.ZERO, second, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkSettings(1024, second, second, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinkSettings(1024, second, second, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
