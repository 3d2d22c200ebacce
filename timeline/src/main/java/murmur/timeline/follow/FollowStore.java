package murmur.timeline.follow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.store.Database;

/** The user's own follow list on disk, with the sequence number of the {@code following/<name>} record it matches. */
final class FollowStore {
    private static final String SEQ = "following-seq";

    private final Database db;

    FollowStore(Database db) {
        this.db = db;
    }

    CompletableFuture<Set<String>> following(String user) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT target FROM follows WHERE user = ?")) {
                s.setString(1, user);
                ResultSet rs = s.executeQuery();
                Set<String> out = new TreeSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    CompletableFuture<Long> seq(String user) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT value FROM user_state WHERE user = ? AND name = ?")) {
                s.setString(1, user);
                s.setString(2, SEQ);
                ResultSet rs = s.executeQuery();
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Replaces the whole list and its sequence number in one transaction. */
    CompletableFuture<Void> replace(String user, Set<String> targets, long seq) {
        return db.write(c -> {
            try (PreparedStatement clear = c.prepareStatement("DELETE FROM follows WHERE user = ?");
                    PreparedStatement add = c.prepareStatement("INSERT INTO follows (user, target) VALUES (?, ?)");
                    PreparedStatement state = c.prepareStatement(
                            "INSERT OR REPLACE INTO user_state (user, name, value) VALUES (?, ?, ?)")) {
                clear.setString(1, user);
                clear.executeUpdate();
                for (String t : targets) {
                    add.setString(1, user);
                    add.setString(2, t);
                    add.addBatch();
                }
                add.executeBatch();
                state.setString(1, user);
                state.setString(2, SEQ);
                state.setLong(3, seq);
                state.executeUpdate();
                return null;
            }
        });
    }
}
