package murmur.tools.dht;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one JSON line of {@code murmur bench dht}. */
class BenchResultTest {
    private static BenchResult withPeakRss(long peakRssMb) {
        return new BenchResult(200, 1000, 16, 50, 1000, 1000, 999, 4.5, 18.25, 2, 30, 5.75, 1, 7.3, peakRssMb);
    }

    @Test
    void endsWithThePeakResidentMemory() {
        assertThat(withPeakRss(231).toJson()).startsWith("{\"bench\":\"dht\",\"nodes\":200,\"keys\":1000,")
                .contains("\"get_ok_after_kill\":999,", "\"get_p99_ms\":18.25,")
                .endsWith(",\"wall_s\":7.3,\"peak_rss_mb\":231}");
    }

    @Test
    void leavesThePeakOutWhereItIsUnknown() {
        assertThat(withPeakRss(-1).toJson()).endsWith(",\"wall_s\":7.3}").doesNotContain("peak_rss_mb");
    }
}
