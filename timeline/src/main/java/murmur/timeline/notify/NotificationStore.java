package murmur.timeline.notify;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Notification;
import murmur.timeline.store.Database;

/**
 * A user's notifications on disk, with a read flag; the same event arriving twice is kept once. Those from users the
 * user muted or blocked are kept but neither listed nor counted.
 */
final class NotificationStore {
    private static final String NOT_MUTED = " AND from_user NOT IN (SELECT target FROM mutes WHERE user = ?"
            + " UNION SELECT target FROM blocks WHERE user = ?)";
    private final Database db;

    NotificationStore(Database db) {
        this.db = db;
    }

    CompletableFuture<Boolean> add(String user, Notification n) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO notifications"
                    + " (user, kind, from_user, at, while_away, excerpt, post_device, post_seq)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, user);
                s.setString(2, n.kind().name());
                s.setString(3, n.from());
                s.setLong(4, n.at().toEpochMilli());
                s.setInt(5, n.whileAway() ? 1 : 0);
                s.setString(6, n.excerpt());
                s.setString(7, n.postDevice());
                s.setLong(8, n.postSeq());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Newest first. */
    CompletableFuture<List<Notification>> list(String user, int limit) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT kind, from_user, at, while_away, excerpt,"
                    + " post_device, post_seq FROM notifications WHERE user = ?" + NOT_MUTED
                    + " ORDER BY at DESC, from_user LIMIT ?")) {
                s.setString(1, user);
                s.setString(2, user);
                s.setString(3, user);
                s.setInt(4, limit);
                ResultSet rs = s.executeQuery();
                List<Notification> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Notification(Notification.Kind.valueOf(rs.getString(1)), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4) == 1, rs.getString(5), rs.getString(6),
                            rs.getLong(7)));
                }
                return out;
            }
        });
    }

    CompletableFuture<Integer> unread(String user) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM notifications WHERE user = ? AND read = 0" + NOT_MUTED)) {
                s.setString(1, user);
                s.setString(2, user);
                s.setString(3, user);
                return s.executeQuery().getInt(1);
            }
        });
    }

    CompletableFuture<Integer> markRead(String user) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE notifications SET read = 1 WHERE user = ?")) {
                s.setString(1, user);
                return s.executeUpdate();
            }
        });
    }
}
