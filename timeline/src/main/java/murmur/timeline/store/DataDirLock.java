package murmur.timeline.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;

/**
 * Holds a data directory for one peer at a time. Two peers on one directory would share the node key and fork the
 * user's post log, so a peer takes this lock before it opens anything else and keeps it until it stops. The lock is
 * the operating system's ({@link FileChannel#tryLock}) on {@value #FILE} in the directory: a process that dies, even
 * by kill -9, releases it, so a stale file never blocks. The file holds the holder's process id, for the message the
 * next one gets. The lock covers a byte far past the file's end, so that the id stays readable on systems whose
 * locks also bar reading (Windows).
 */
public final class DataDirLock implements AutoCloseable {
    /** The lock file's name inside the data directory. */
    public static final String FILE = "murmur.lock";
    private static final long LOCKED_BYTE = 1L << 30;

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code dataDir} (created if missing), or fails with {@code DATA_DIR_IN_USE} naming the process
     * that holds it, or with {@code STORAGE} when the directory cannot be written.
     */
    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(file);
                channel.close();
                throw inUse(dataDir, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(false);
            return new DataDirLock(dataDir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TimelineException(Reason.STORAGE, "cannot lock the data directory " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** The directory this lock holds. */
    public Path dir() {
        return dir;
    }

    /** Lets the next peer have the directory. The file stays; an unlocked file means nothing. Idempotent. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // Closing the channel below releases it all the same.
        } finally {
            closeQuietly(channel);
        }
    }

    private static TimelineException inUse(Path dataDir, String holder) {
        String who = holder.isEmpty() ? "another Murmur" : "another Murmur (process " + holder + ")";
        return new TimelineException(Reason.DATA_DIR_IN_USE, "the data directory " + dataDir + " is in use by " + who
                + ". Close that Murmur first, or give this one a data directory of its own (--data)");
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.matches("\\d{1,19}") ? text : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
