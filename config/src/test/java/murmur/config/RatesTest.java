package murmur.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void ratesAreBitsPerSecondWithDecimalPrefixes() {
        assertThat(Rates.parse("2Mbit")).isEqualTo(2_000_000);
        assertThat(Rates.parse("1.5Mbit")).isEqualTo(1_500_000);
        assertThat(Rates.parse("500kbit")).isEqualTo(500_000);
        assertThat(Rates.parse("1Gbit")).isEqualTo(1_000_000_000);
        assertThat(Rates.parse(" 10 mbps ")).isEqualTo(10_000_000);
        assertThat(Rates.parse("2Mbit/s")).isEqualTo(2_000_000);
        assertThat(Rates.parse("64000bit")).isEqualTo(64_000);
    }

    @Test
    void anythingElseIsRefusedSayingWhatARateLooksLike() {
        for (String bad : List.of("", "2", "2M", "2MB", "fast", "-1Mbit", "0bit", "0.5bit", "2Tbit", "1e6bit")) {
            assertThatThrownBy(() -> Rates.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Rates.parse("2MB")).hasMessageContaining("such as 500kbit, 2Mbit");
    }

    @Test
    void formatWritesWhatParseReads() {
        for (long bits : List.of(1L, 999L, 1_000L, 64_000L, 1_500_000L, 2_000_000L, 10_000_000_000L)) {
            assertThat(Rates.parse(Rates.format(bits))).isEqualTo(bits);
        }
        assertThat(Rates.format(2_000_000)).isEqualTo("2Mbit");
        assertThat(Rates.format(1_500_000)).isEqualTo("1.5Mbit");
    }
}
