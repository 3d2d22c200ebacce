package murmur.tools.dht;

import java.util.Locale;

/**
 * The figures of one {@link DhtBenchmark} run; {@link #toJson()} is the one-line summary. {@code peakRssMb} is the
 * most memory the process has held (Linux's VmHWM) by the end of the run, warm-up included; -1 where it is unknown,
 * and then the JSON line leaves it out.
 */
public record BenchResult(
        int nodes, int keys, int concurrency, int killed, int putOk, int getOk, int getOkAfterKill,
        double getP50Ms, double getP99Ms, double getAfterKillP50Ms, double getAfterKillP99Ms, double rpcsPerGet,
        int hopsP50, double wallSeconds, long peakRssMb) {

    public String toJson() {
        return String.format(Locale.ROOT, "{\"bench\":\"dht\",\"nodes\":%d,\"keys\":%d,\"concurrency\":%d,"
                + "\"killed\":%d,\"put_ok\":%d,\"get_ok\":%d,\"get_ok_after_kill\":%d,\"get_p50_ms\":%.2f,"
                + "\"get_p99_ms\":%.2f,\"get_after_kill_p50_ms\":%.2f,\"get_after_kill_p99_ms\":%.2f,"
                + "\"rpcs_per_get\":%.2f,\"hops_p50\":%d,\"wall_s\":%.1f%s}",
                nodes, keys, concurrency, killed, putOk, getOk, getOkAfterKill, getP50Ms, getP99Ms, getAfterKillP50Ms,
                getAfterKillP99Ms, rpcsPerGet, hopsP50, wallSeconds,
                peakRssMb < 0 ? "" : ",\"peak_rss_mb\":" + peakRssMb);
    }
}
