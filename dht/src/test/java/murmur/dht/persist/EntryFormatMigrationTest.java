package murmur.dht.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code dht.db} from before proof of work holds set entries without a nonce, signed under the first entry
 * format: they could never be valid again, so opening the file drops them once; entries saved since stay.
 */
class EntryFormatMigrationTest {
    private static final NodeId SET = NodeId.ofKey("followers/alice");

    @Test
    void entriesOfTheFormatBeforeWorkAreDroppedOnceAndNewOnesKept(@TempDir Path dir) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dht.db"));
                Statement s = db.createStatement()) {
            s.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)");
            s.execute("CREATE TABLE entries (set_key BLOB NOT NULL, writer BLOB NOT NULL, data BLOB NOT NULL,"
                    + " PRIMARY KEY (set_key, writer))");
            try (PreparedStatement old = db.prepareStatement("INSERT INTO entries VALUES (?, ?, ?)")) {
                old.setBytes(1, SET.toBytes());
                old.setBytes(2, new byte[32]);
                old.setBytes(3, "a version 1 entry".getBytes(StandardCharsets.US_ASCII));
                old.executeUpdate();
            }
        }
        SigningKey writer = SigningKey.generate(TestKeys.seeded(61));
        SetEntry fresh = TestEntries.worked(writer, SetEntry.sign(writer, SET, new byte[] {1}, 1,
                Duration.ofHours(1), Instant.parse("2026-01-01T00:00:00Z")));

        try (SqliteNodeStore store = SqliteNodeStore.open(dir)) {
            assertThat(store.loadEntries()).as("old rows dropped").isEmpty();
            store.saveEntries(List.of(fresh)).join();
        }
        try (SqliteNodeStore store = SqliteNodeStore.open(dir)) {
            assertThat(store.loadEntries()).as("migrated once only").containsExactly(fresh);
        }
    }
}
