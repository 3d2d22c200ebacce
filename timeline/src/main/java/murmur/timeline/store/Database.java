package murmur.timeline.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import murmur.timeline.TimelineException;

/**
 * The peer's SQLite file ({@code timeline.db}, WAL, synchronous=FULL). All work runs on one thread, in submission
 * order; a write's future completes only after its transaction committed, so whatever a caller acknowledges to the
 * user survives a kill -9 or a power cut.
 */
public final class Database implements AutoCloseable {
    private final Connection db;
    private final ExecutorService thread;

    private Database(Connection db, ExecutorService thread) {
        this.db = db;
        this.thread = thread;
    }

    public static Database open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("timeline.db"));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Schema.migrate(db);
            return new Database(db, Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "timeline-db");
                t.setDaemon(true);
                return t;
            }));
        } catch (SQLException | IOException e) {
            throw new TimelineException(TimelineException.Reason.STORAGE,
                    "cannot open the database in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read. */
    public <T> CompletableFuture<T> read(SqlWork<T> work) {
        return CompletableFuture.supplyAsync(() -> attempt(work), thread);
    }

    /** Runs {@code work} in one transaction; completes after the commit. */
    public <T> CompletableFuture<T> write(SqlWork<T> work) {
        return CompletableFuture.supplyAsync(() -> attempt(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }), thread);
    }

    private <T> T attempt(SqlWork<T> work) {
        try {
            return work.run(db);
        } catch (SQLException e) {
            throw new CompletionException(new TimelineException(TimelineException.Reason.STORAGE,
                    "database error: " + e.getMessage(), e));
        }
    }

    /** Finishes queued work, then closes the file. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
            db.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            throw new TimelineException(TimelineException.Reason.STORAGE, "cannot close the database", e);
        }
    }
}
