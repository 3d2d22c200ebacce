package murmur.timeline.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates and upgrades the tables; {@code PRAGMA user_version} records the schema version. Version 2 adds
 * {@code devices}, this data directory's device key per account. Version 3 keys posts and deliveries by device log
 * (author, device, seq); the rows from before are the legacy log {@code "0"}. Version 4 gives posts their reference
 * ({@code ref_*}: the post replied to or deleted) and a {@code deleted} mark: a deleted post's row keeps its place in
 * the log with its text dropped; notifications get the post a reply or mention names ({@code excerpt},
 * {@code post_device}, {@code post_seq}); {@code mutes} holds whom each user muted here. Version 5 keeps the post a
 * repost or quote carries ({@code ref_post}), likes ({@code likes}: who likes which post, the latest word of each
 * liker) and {@code blocks} (whom each user blocked here). Upgrading keeps every
 * existing row and runs in one transaction, so a crash mid-upgrade leaves the old version intact.
 */
final class Schema {
    static final int VERSION = 5;

    private Schema() {}

    static void migrate(Connection db) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            int version = s.executeQuery("PRAGMA user_version").getInt(1);
            if (version < 1) {
                createVersion1(s);
            }
            if (version < 2) {
                s.execute("CREATE TABLE IF NOT EXISTS devices (user TEXT PRIMARY KEY, device_id TEXT NOT NULL,"
                        + " public_key BLOB NOT NULL, private_key BLOB NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)");
            }
            if (version < 3) {
                keyPostsByDevice(s);
            }
            if (version < 4) {
                s.execute("ALTER TABLE posts ADD COLUMN ref_kind INTEGER");
                s.execute("ALTER TABLE posts ADD COLUMN ref_author TEXT");
                s.execute("ALTER TABLE posts ADD COLUMN ref_device TEXT");
                s.execute("ALTER TABLE posts ADD COLUMN ref_seq INTEGER");
                s.execute("ALTER TABLE posts ADD COLUMN ref_hash BLOB");
                s.execute("ALTER TABLE posts ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0");
                s.execute("CREATE INDEX IF NOT EXISTS posts_by_ref ON posts (ref_author, ref_device, ref_seq)"
                        + " WHERE ref_kind IS NOT NULL");
                s.execute("CREATE TABLE IF NOT EXISTS notifications (user TEXT NOT NULL, kind TEXT NOT NULL,"
                        + " from_user TEXT NOT NULL, at INTEGER NOT NULL, while_away INTEGER NOT NULL,"
                        + " read INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user, kind, from_user, at))");
                s.execute("ALTER TABLE notifications ADD COLUMN excerpt TEXT NOT NULL DEFAULT ''");
                s.execute("ALTER TABLE notifications ADD COLUMN post_device TEXT NOT NULL DEFAULT ''");
                s.execute("ALTER TABLE notifications ADD COLUMN post_seq INTEGER NOT NULL DEFAULT 0");
                s.execute("CREATE TABLE IF NOT EXISTS mutes (user TEXT NOT NULL, target TEXT NOT NULL,"
                        + " PRIMARY KEY (user, target))");
            }
            if (version < 5) {
                s.execute("ALTER TABLE posts ADD COLUMN ref_post BLOB");
                s.execute("CREATE TABLE IF NOT EXISTS likes (user TEXT NOT NULL, author TEXT NOT NULL,"
                        + " device TEXT NOT NULL, seq INTEGER NOT NULL, liker TEXT NOT NULL, liked INTEGER NOT NULL,"
                        + " at INTEGER NOT NULL, PRIMARY KEY (user, author, device, seq, liker))");
                s.execute("CREATE TABLE IF NOT EXISTS blocks (user TEXT NOT NULL, target TEXT NOT NULL,"
                        + " PRIMARY KEY (user, target))");
            }
            if (version < VERSION) {
                s.execute("PRAGMA user_version = " + VERSION);
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(autoCommit);
        }
    }

    private static void keyPostsByDevice(Statement s) throws SQLException {
        s.execute("CREATE TABLE posts_v3 (author TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL,"
                + " prev_hash BLOB NOT NULL, ts INTEGER NOT NULL, text TEXT NOT NULL, sig BLOB NOT NULL,"
                + " received_at INTEGER NOT NULL, PRIMARY KEY (author, device, seq))");
        s.execute("INSERT INTO posts_v3 SELECT author, '0', seq, prev_hash, ts, text, sig, received_at FROM posts");
        s.execute("DROP TABLE posts");
        s.execute("ALTER TABLE posts_v3 RENAME TO posts");
        s.execute("CREATE INDEX IF NOT EXISTS posts_by_time_v3 ON posts (ts DESC, author, device, seq DESC)");
        s.execute("CREATE TABLE deliveries_v3 (author TEXT NOT NULL, device TEXT NOT NULL, seq INTEGER NOT NULL,"
                + " follower TEXT NOT NULL, PRIMARY KEY (author, device, seq, follower))");
        s.execute("CREATE TABLE IF NOT EXISTS deliveries (author TEXT NOT NULL, seq INTEGER NOT NULL,"
                + " follower TEXT NOT NULL, PRIMARY KEY (author, seq, follower))");
        s.execute("INSERT INTO deliveries_v3 SELECT author, '0', seq, follower FROM deliveries");
        s.execute("DROP TABLE deliveries");
        s.execute("ALTER TABLE deliveries_v3 RENAME TO deliveries");
    }

    private static void createVersion1(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS posts (author TEXT NOT NULL, seq INTEGER NOT NULL,"
                + " prev_hash BLOB NOT NULL, ts INTEGER NOT NULL, text TEXT NOT NULL, sig BLOB NOT NULL,"
                + " received_at INTEGER NOT NULL, PRIMARY KEY (author, seq))");
        s.execute("CREATE INDEX IF NOT EXISTS posts_by_time ON posts (ts DESC, author, seq DESC)");
        s.execute("CREATE TABLE IF NOT EXISTS deliveries (author TEXT NOT NULL, seq INTEGER NOT NULL,"
                + " follower TEXT NOT NULL, PRIMARY KEY (author, seq, follower))");
        s.execute("CREATE TABLE IF NOT EXISTS user_keys (name TEXT PRIMARY KEY, public_key BLOB NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS follows (user TEXT NOT NULL, target TEXT NOT NULL,"
                + " PRIMARY KEY (user, target))");
        s.execute("CREATE TABLE IF NOT EXISTS notifications (user TEXT NOT NULL, kind TEXT NOT NULL,"
                + " from_user TEXT NOT NULL, at INTEGER NOT NULL, while_away INTEGER NOT NULL,"
                + " read INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user, kind, from_user, at))");
        s.execute("CREATE TABLE IF NOT EXISTS user_state (user TEXT NOT NULL, name TEXT NOT NULL,"
                + " value INTEGER NOT NULL, PRIMARY KEY (user, name))");
    }
}
