package murmur.timeline.identity;

/**
 * Argon2id cost parameters. A record read from the network may carry any numbers, so {@link #withinLimits()} bounds
 * them before a login spends memory and time on them.
 *
 * @param memoryKib   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record KdfParams(int memoryKib, int iterations, int parallelism) {

    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;

    public boolean withinLimits() {
        return memoryKib >= 8 * parallelism && memoryKib <= MAX_MEMORY_KIB && iterations >= 1 && iterations <= 100
                && parallelism >= 1 && parallelism <= 16;
    }
}
