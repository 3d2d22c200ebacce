package murmur.timeline.store;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: two peers on one data directory share the node key and fork the post log, so the second one
 * must not start, and must say why.
 */
class DataDirLockAttackTest {
    private static LocalNet net;

    @BeforeAll
    static void network() {
        net = LocalNet.start(1, List.of());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void aSecondPeerOnTheSameDirectoryFailsClearlyWhileTheFirstRunsAndStartsAfterItStopped(@TempDir Path dir) {
        TimelinePeer first = net.peer(dir);
        await(first.register("lock_owner", "ember violin quarry 9"));

        TimelinePeer second = unstarted(dir);
        TimelineException refused = failure(second.start());
        assertThat(refused.reason()).isEqualTo(Reason.DATA_DIR_IN_USE);
        assertThat(refused.getMessage()).contains("is in use by another Murmur")
                .contains("process " + ProcessHandle.current().pid()).contains(dir.toString());
        await(second.stop());
        assertThat(first.dhtAddress()).as("the refused peer left the first one alone").isNotNull();

        net.stop(first);
        TimelinePeer third = net.peer(dir);
        TimelineService back = await(third.login("lock_owner", "ember violin quarry 9"));
        assertThat(back.user()).isEqualTo("lock_owner");
    }

    @Test
    void theLockFileNamesTheProcessThatHoldsIt(@TempDir Path dir) throws Exception {
        try (DataDirLock lock = DataDirLock.acquire(dir)) {
            assertThat(Files.readString(lock.dir().resolve(DataDirLock.FILE), StandardCharsets.US_ASCII).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
            TimelineException e = failure(CompletableFuture.runAsync(() -> DataDirLock.acquire(dir)));
            assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_IN_USE);
        }
        DataDirLock.acquire(dir).close();
    }

    private static TimelinePeer unstarted(Path dir) {
        return TimelinePeer.builder().settings(net.settings()).dataDir(dir).seeds(net.seedAddresses()).build();
    }

    private static TimelineException failure(CompletableFuture<?> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && !(cause instanceof TimelineException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(TimelineException.class);
            return (TimelineException) cause;
        } catch (Exception e) {
            throw new AssertionError("did not answer in time", e);
        }
        throw new AssertionError("succeeded, but a second peer on the directory must be refused");
    }
}
