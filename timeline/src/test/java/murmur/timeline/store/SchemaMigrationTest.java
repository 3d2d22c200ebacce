package murmur.timeline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An old {@code timeline.db} is upgraded and keeps its rows: version 2 adds the {@code devices} table, version 3 keys
 * posts and deliveries by device log, the rows from before becoming the legacy log {@code "0"}.
 */
class SchemaMigrationTest {
    @Test
    void version1DataSurvivesTheUpgrade(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("timeline.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (author TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " prev_hash BLOB NOT NULL, ts INTEGER NOT NULL, text TEXT NOT NULL, sig BLOB NOT NULL,"
                    + " received_at INTEGER NOT NULL, PRIMARY KEY (author, seq))");
            s.execute("CREATE TABLE user_keys (name TEXT PRIMARY KEY, public_key BLOB NOT NULL)");
            s.execute("INSERT INTO posts VALUES ('old_user', 1, x'00', 5, 'kept', x'01', 6)");
            s.execute("INSERT INTO user_keys VALUES ('old_user', x'02')");
            s.execute("PRAGMA user_version = 1");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts WHERE text = 'kept'")).join()).isOne();
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM user_keys")).join()).isOne();
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM devices")).join()).isZero();
            assertThat(db.read(c -> count(c, "PRAGMA user_version")).join()).isEqualTo(Schema.VERSION).isEqualTo(5);
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts WHERE device = '0'")).join()).isOne();
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts")).join()).as("reopening is a no-op").isOne();
        }
    }

    @Test
    void version2PostsAndDeliveriesBecomeTheLegacyLogAndDeviceLogsFitBeside(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("timeline.db"));
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (author TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " prev_hash BLOB NOT NULL, ts INTEGER NOT NULL, text TEXT NOT NULL, sig BLOB NOT NULL,"
                    + " received_at INTEGER NOT NULL, PRIMARY KEY (author, seq))");
            s.execute("CREATE TABLE deliveries (author TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " follower TEXT NOT NULL, PRIMARY KEY (author, seq, follower))");
            s.execute("CREATE TABLE devices (user TEXT PRIMARY KEY, device_id TEXT NOT NULL,"
                    + " public_key BLOB NOT NULL, private_key BLOB NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)");
            s.execute("INSERT INTO posts VALUES ('ada', 1, x'00', 5, 'first', x'01', 6)");
            s.execute("INSERT INTO posts VALUES ('ada', 2, x'00', 7, 'second', x'01', 8)");
            s.execute("INSERT INTO deliveries VALUES ('ada', 2, 'bob')");
            s.execute("INSERT INTO devices VALUES ('ada', '0123456789abcdef', x'02', x'03', 0)");
            s.execute("PRAGMA user_version = 2");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.read(c -> count(c, "PRAGMA user_version")).join()).isEqualTo(5);
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts WHERE author = 'ada' AND device = '0'"))
                    .join()).isEqualTo(2);
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM deliveries WHERE device = '0' AND seq = 2"))
                    .join()).isOne();
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM devices")).join()).isOne();
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO posts (author, device, seq, prev_hash, ts, text, sig,"
                            + " received_at) VALUES ('ada', '0123456789abcdef', 1, x'00', 9, 'from a device', x'01',"
                            + " 10)");
                }
            }).join();
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts WHERE seq = 1")).join())
                    .as("#1 of a device log beside #1 of the legacy log").isEqualTo(2);
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts WHERE deleted = 0 AND ref_kind IS NULL"))
                    .join()).as("v4: the old rows are neither deleted nor references").isEqualTo(3);
        }
    }

    private static int count(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
