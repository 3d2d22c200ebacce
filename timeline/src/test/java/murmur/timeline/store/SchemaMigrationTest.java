package murmur.timeline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A version 1 {@code timeline.db} is upgraded to version 2 (the {@code devices} table) and keeps its rows. */
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
            assertThat(db.read(c -> count(c, "PRAGMA user_version")).join()).isEqualTo(Schema.VERSION).isEqualTo(2);
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.read(c -> count(c, "SELECT count(*) FROM posts")).join()).as("reopening is a no-op").isOne();
        }
    }

    private static int count(Connection c, String sql) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }
}
