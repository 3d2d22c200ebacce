package murmur.dht.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class UnpredictableTest {

    @Test
    void idsDrawnAcrossManyBlocksAndThreadsNeverRepeat() {
        int perThread = 20 * Unpredictable.BLOCK_BYTES / Long.BYTES;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] threads = new CompletableFuture<?>[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perThread; i++) {
                    seen.add(Unpredictable.nextLong());
                }
            });
        }
        CompletableFuture.allOf(threads).join();
        assertThat(seen).hasSize(threads.length * perThread);
    }

    @Test
    void noncesAreFreshAndLargeRequestsAreFilledWhole() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] nonce = new byte[32];
            Unpredictable.nextBytes(nonce);
            nonces.add(Arrays.toString(nonce));
        }
        assertThat(nonces).hasSize(1000);
        byte[] large = new byte[Unpredictable.BLOCK_BYTES + 64];
        Unpredictable.nextBytes(large);
        assertThat(Arrays.copyOfRange(large, large.length - 64, large.length)).isNotEqualTo(new byte[64]);
    }
}
