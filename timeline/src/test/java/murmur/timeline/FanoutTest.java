package murmur.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FanoutTest {

    @Test
    void saysInWordsHowManyCopiesLeaveAndWhatTheyWerePickedFrom() {
        assertThat(Fanout.NOT_MEASURED.words()).isEqualTo("Uplink not measured yet · each post leaves as 2 copies");
        assertThat(new Fanout(8, 12_480_000, Fanout.Basis.MEASURED).words())
                .isEqualTo("Uplink 12.5 Mbit/s (measured) · each post leaves as 8 copies");
        assertThat(new Fanout(4, 500_000, Fanout.Basis.SET_UPLINK).words())
                .isEqualTo("Uplink 500 kbit/s (from settings) · each post leaves as 4 copies");
        assertThat(new Fanout(2, 0, Fanout.Basis.SET_DEGREE).words()).isEqualTo("Each post leaves as 2 copies");
    }

    @Test
    void ratesReadAsALinesRateIsRead() {
        assertThat(Fanout.rate(850_000)).isEqualTo("850 kbit/s");
        assertThat(Fanout.rate(400)).as("never 0 kbit/s").isEqualTo("1 kbit/s");
        assertThat(Fanout.rate(999_999)).isEqualTo("1.0 Mbit/s");
        assertThat(Fanout.rate(999_990_000)).isEqualTo("1.0 Gbit/s");
        assertThat(Fanout.rate(1_000_000)).isEqualTo("1.0 Mbit/s");
        assertThat(Fanout.rate(1_234_000_000)).isEqualTo("1.2 Gbit/s");
    }
}
