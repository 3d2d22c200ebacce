package murmur.timeline.store;

import java.io.IOException;
import java.nio.file.Path;

/** A child process for {@link DataDirLockProcessAttackIT}: takes the lock on {@code args[0]}, says so, and waits. */
public final class LockHolder {
    private LockHolder() {}

    public static void main(String[] args) throws IOException {
        DataDirLock lock = DataDirLock.acquire(Path.of(args[0]));
        System.out.println("locked " + lock.dir());
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the lock until the parent closes our standard input or kills us
        }
        lock.close();
    }
}
