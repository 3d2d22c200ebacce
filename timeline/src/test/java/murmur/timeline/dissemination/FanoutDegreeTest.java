package murmur.timeline.dissemination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import murmur.config.SettingsLoader;
import org.junit.jupiter.api.Test;

class FanoutDegreeTest {

    @Test
    void autoIsTheWidestOfTwoFourAndEightWhoseCopiesLeaveWithinAFortyMillisecondHop() {
        assertThat(FanoutDegree.forUplink(OptionalLong.empty())).isEqualTo(2);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(399_999))).isEqualTo(2);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(409_600))).as("4 × 512 B in 40 ms").isEqualTo(4);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(819_199))).isEqualTo(4);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(819_200))).as("8 × 512 B in 40 ms").isEqualTo(8);
        assertThat(FanoutDegree.forUplink(OptionalLong.of(1_000_000_000))).as("never wider than 8").isEqualTo(8);
    }

    @Test
    void theSettingsNameTheDegreeOrLetTheUplinkPickIt() {
        assertThat(degree()).as("the default").isEqualTo(2);
        assertThat(degree("timeline.fanoutDegree=4")).isEqualTo(4);
        assertThat(degree("timeline.fanoutDegree=4", "timeline.uplink=100Mbit")).as("a number wins").isEqualTo(4);
        assertThat(degree("timeline.fanoutDegree=auto")).as("no uplink known").isEqualTo(2);
        assertThat(degree("timeline.fanoutDegree=auto", "timeline.uplink=256kbit")).isEqualTo(2);
        assertThat(degree("timeline.fanoutDegree=auto", "timeline.uplink=500kbit")).isEqualTo(4);
        assertThat(degree("timeline.fanoutDegree=auto", "timeline.uplink=20Mbit")).isEqualTo(8);
    }

    private static int degree(String... settings) {
        return FanoutSettings.from(SettingsLoader.load(Optional.empty(), List.of(settings)).timeline()).degree();
    }
}
