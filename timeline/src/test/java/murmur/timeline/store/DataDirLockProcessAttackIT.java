package murmur.timeline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8, across processes: a data directory another process holds is refused naming that process, and a
 * holder killed with SIGKILL leaves no lock behind (the lock file stays, and means nothing).
 */
class DataDirLockProcessAttackIT {

    @Test
    void anotherProcessHoldingTheDirectoryIsNamedAndItsDeathFreesTheDirectory(@TempDir Path dir) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("locked");

            assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOfSatisfying(TimelineException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.DATA_DIR_IN_USE))
                    .hasMessageContaining("in use by another Murmur (process " + holder.pid() + ")");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(dir.resolve(DataDirLock.FILE))).isTrue();
        try (DataDirLock mine = DataDirLock.acquire(dir)) {
            assertThat(mine.dir()).isEqualTo(dir);
        }
    }
}
