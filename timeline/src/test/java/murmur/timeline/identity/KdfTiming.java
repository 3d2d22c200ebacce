package murmur.timeline.identity;

import java.util.Arrays;

/**
 * A timing harness, not a test: how long one Argon2id derivation takes here for a few parameter sets, to tune the
 * defaults of {@code timeline.kdfMemoryKib} and {@code timeline.kdfIterations} towards about one second on a laptop.
 * Run with {@code java -cp <timeline classes, test classes, bcprov> murmur.timeline.identity.KdfTiming [memKib:iter
 * ...]}. Prints one line per set: the median of five runs after one warm-up.
 */
public final class KdfTiming {
    private static final int RUNS = 5;

    private KdfTiming() {}

    public static void main(String[] args) {
        String[] sets = args.length > 0 ? args : new String[] {"65536:3", "131072:3", "262144:2", "262144:3"};
        byte[] salt = new byte[16];
        for (String set : sets) {
            String[] parts = set.split(":");
            KdfParams params = new KdfParams(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 1);
            KeyVault.derive("warm-up", salt, params);
            long[] millis = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                KeyVault.derive("correct horse battery staple", salt, params);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(millis);
            System.out.printf("argon2id memory=%d MiB iterations=%d parallelism=1: median %d ms (min %d, max %d)%n",
                    params.memoryKib() / 1024, params.iterations(), millis[RUNS / 2], millis[0], millis[RUNS - 1]);
        }
    }
}
