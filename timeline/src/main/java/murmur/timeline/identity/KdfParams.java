package murmur.timeline.identity;

import java.util.Optional;
import murmur.config.TimelineSettings;

/**
 * Argon2id cost parameters. A record read from the network may carry any numbers, so {@link #problem()} bounds them
 * before a login spends memory and time on them: at most {@link TimelineSettings#MAX_KDF_MEMORY_KIB} KiB, at most
 * {@link TimelineSettings#MAX_KDF_ITERATIONS} passes and at most {@link #MAX_COST_KIB_PASSES} KiB times passes in
 * all, the limits this peer's own settings accept for new accounts.
 *
 * @param memoryKib   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParams(int memoryKib, int iterations, int parallelism) {

    static final int MAX_MEMORY_KIB = TimelineSettings.MAX_KDF_MEMORY_KIB;
    static final int MAX_ITERATIONS = TimelineSettings.MAX_KDF_ITERATIONS;
    static final int MAX_PARALLELISM = TimelineSettings.MAX_KDF_PARALLELISM;
    /** Memory times passes: 4 GiB-passes, e.g. 1 GiB with 4 passes or 256 MiB with 16 (some 10 s here). */
    static final long MAX_COST_KIB_PASSES = 4L * 1024 * 1024;

    public boolean withinLimits() {
        return problem().isEmpty();
    }

    /** Why a login must not run these parameters, in words; empty when they are within the limits. */
    public Optional<String> problem() {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return Optional.of("it asks for " + parallelism + " lanes (1 to " + MAX_PARALLELISM + " allowed)");
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            return Optional.of("it asks for " + mib(memoryKib) + " of memory per guess (at most " + mib(MAX_MEMORY_KIB)
                    + " allowed)");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return Optional.of("it asks for " + iterations + " passes (1 to " + MAX_ITERATIONS + " allowed)");
        }
        if ((long) memoryKib * iterations > MAX_COST_KIB_PASSES) {
            return Optional.of("it asks for " + mib(memoryKib) + " times " + iterations + " passes, more work than "
                    + mib(MAX_COST_KIB_PASSES) + " times one pass allowed");
        }
        return Optional.empty();
    }

    private static String mib(long kib) {
        return kib >= 1024 ? kib / 1024 + " MiB" : kib + " KiB";
    }
}
