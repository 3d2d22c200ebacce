package murmur.dht.persist;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import murmur.config.HostPort;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.routing.Contact;
import murmur.dht.store.StoreJournal;
import murmur.dht.wire.RecordBytes;
import murmur.transport.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's data directory: its key pair, the records it stores and its routing table, in one SQLite file (WAL).
 * All database work runs on one thread, in order; a write's future completes once it is committed.
 */
public final class SqliteNodeStore implements StoreJournal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNodeStore.class);
    /** The layout of saved set entries: 2 carries the work nonce ({@link SetEntry#nonce()}). */
    static final int ENTRY_FORMAT = 2;

    private final Connection db;
    private final ExecutorService thread;

    private SqliteNodeStore(Connection db, ExecutorService thread) {
        this.db = db;
        this.thread = thread;
    }

    public static SqliteNodeStore open(Path dataDir) throws SQLException {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create data directory " + dataDir, e);
        }
        Connection db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("dht.db"));
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS records (key BLOB PRIMARY KEY, data BLOB NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS entries (set_key BLOB NOT NULL, writer BLOB NOT NULL,"
                    + " data BLOB NOT NULL, PRIMARY KEY (set_key, writer))");
            s.execute("CREATE TABLE IF NOT EXISTS contacts (id BLOB PRIMARY KEY, host TEXT NOT NULL,"
                    + " port INTEGER NOT NULL)");
        }
        migrateEntries(db);
        return new SqliteNodeStore(db, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "dht-sqlite-" + dataDir.getFileName());
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Entries saved before format {@value #ENTRY_FORMAT} have no work nonce and a version 1 signature: they could
     * never be valid again, so they go (their writers republish them with work). Counted in the log once.
     */
    private static void migrateEntries(Connection db) throws SQLException {
        int format;
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE name = 'entry-format'");
                ResultSet rs = p.executeQuery()) {
            format = rs.next() ? Integer.parseInt(new String(rs.getBytes(1), StandardCharsets.US_ASCII)) : 1;
        }
        if (format >= ENTRY_FORMAT) {
            return;
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement();
                PreparedStatement mark = db.prepareStatement(
                        "INSERT OR REPLACE INTO meta VALUES ('entry-format', ?)")) {
            int dropped = s.executeUpdate("DELETE FROM entries");
            mark.setBytes(1, Integer.toString(ENTRY_FORMAT).getBytes(StandardCharsets.US_ASCII));
            mark.executeUpdate();
            db.commit();
            if (dropped > 0) {
                LOG.info("dropped {} saved set entries of the format before proof of work; writers republish them",
                        dropped);
            }
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The node's key pair, generated and saved on first use. */
    public SigningKey loadOrCreateKey() throws SQLException {
        Optional<byte[]> priv = meta("private-key");
        if (priv.isPresent()) {
            return SigningKey.restore(priv.get());
        }
        SigningKey key = SigningKey.generate();
        call(() -> {
            db.setAutoCommit(false);
            putMeta("private-key", key.privateKeyBytes());
            db.commit();
            db.setAutoCommit(true);
        }).join();
        return key;
    }

    public List<OwnedRecord> loadRecords() throws SQLException {
        List<OwnedRecord> records = new ArrayList<>();
        for (byte[] data : blobs("SELECT data FROM records")) {
            try {
                records.add(RecordBytes.decodeRecord(data));
            } catch (MalformedInputException e) {
                LOG.warn("skipping an unreadable stored record: {}", e.getMessage());
            }
        }
        return records;
    }

    public List<SetEntry> loadEntries() throws SQLException {
        List<SetEntry> entries = new ArrayList<>();
        for (byte[] data : blobs("SELECT data FROM entries")) {
            try {
                entries.add(RecordBytes.decodeEntry(data));
            } catch (MalformedInputException e) {
                LOG.warn("skipping an unreadable stored set entry: {}", e.getMessage());
            }
        }
        return entries;
    }

    /**
     * The saved routing table. Contacts are saved as IP literals; a row holding anything else (a host name, say, in a
     * file edited or damaged) is skipped and logged, never looked up in DNS on this thread.
     */
    public List<Contact> loadContacts() throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        int skipped = 0;
        synchronized (db) {
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, host, port FROM contacts")) {
                while (rs.next()) {
                    Optional<InetAddress> ip = HostPort.ipLiteral(rs.getString(2));
                    int port = rs.getInt(3);
                    if (ip.isEmpty() || port < 1 || port > 65_535) {
                        skipped++;
                        continue;
                    }
                    contacts.add(new Contact(NodeId.of(rs.getBytes(1)), new InetSocketAddress(ip.get(), port)));
                }
            }
        }
        if (skipped > 0) {
            LOG.warn("skipped {} saved contacts whose address is not an IP literal and port", skipped);
        }
        return contacts;
    }

    public CompletableFuture<Void> saveContacts(List<Contact> contacts) {
        return call(() -> {
            db.setAutoCommit(false);
            try (Statement clear = db.createStatement();
                    PreparedStatement insert = db.prepareStatement("INSERT INTO contacts VALUES (?, ?, ?)")) {
                clear.execute("DELETE FROM contacts");
                for (Contact c : contacts) {
                    insert.setBytes(1, c.id().toBytes());
                    insert.setString(2, c.address().getAddress().getHostAddress());
                    insert.setInt(3, c.address().getPort());
                    insert.addBatch();
                }
                insert.executeBatch();
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
        });
    }

    @Override
    public CompletableFuture<Void> saveRecord(OwnedRecord record) {
        return call(() -> update("INSERT OR REPLACE INTO records VALUES (?, ?)", record.key().toBytes(),
                RecordBytes.encode(record)));
    }

    @Override
    public CompletableFuture<Void> saveEntries(List<SetEntry> entries) {
        return call(() -> {
            db.setAutoCommit(false);
            try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)")) {
                for (SetEntry e : entries) {
                    p.setBytes(1, e.setKey().toBytes());
                    p.setBytes(2, e.writer());
                    p.setBytes(3, RecordBytes.encode(e));
                    p.addBatch();
                }
                p.executeBatch();
                db.commit();
            } finally {
                db.setAutoCommit(true);
            }
        });
    }

    @Override
    public CompletableFuture<Void> deleteRecord(NodeId key) {
        return call(() -> update("DELETE FROM records WHERE key = ?", key.toBytes()));
    }

    @Override
    public CompletableFuture<Void> deleteEntry(NodeId setKey, byte[] writer) {
        return call(() -> update("DELETE FROM entries WHERE set_key = ? AND writer = ?", setKey.toBytes(), writer));
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
            synchronized (db) {
                db.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.warn("closing the node database failed", e);
        }
    }

    private Optional<byte[]> meta(String name) throws SQLException {
        synchronized (db) {
            try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        }
    }

    private void putMeta(String name, byte[] value) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
            p.setString(1, name);
            p.setBytes(2, value);
            p.executeUpdate();
        }
    }

    private List<byte[]> blobs(String sql) throws SQLException {
        List<byte[]> out = new ArrayList<>();
        synchronized (db) {
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
        }
        return out;
    }

    private void update(String sql, byte[]... params) throws SQLException {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setBytes(i + 1, params[i]);
            }
            p.executeUpdate();
        }
    }

    private CompletableFuture<Void> call(SqlWork work) {
        return CompletableFuture.runAsync(() -> {
            synchronized (db) {
                try {
                    work.run();
                } catch (SQLException e) {
                    throw new IllegalStateException("node database write failed", e);
                }
            }
        }, thread);
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }
}
