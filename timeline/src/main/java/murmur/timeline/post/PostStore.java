package murmur.timeline.post;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.store.Database;

/** Own and received posts on disk, one row per (author, sequence number), and who received the user's own posts. */
public final class PostStore {
    private static final String COLUMNS = "author, seq, prev_hash, ts, text, sig";
    private static final String NEWEST_FIRST = " ORDER BY ts DESC, author ASC, seq DESC";

    private final Database db;

    public PostStore(Database db) {
        this.db = db;
    }

    /** Stores a verified post; false if one with the same author and sequence number is already there. */
    public CompletableFuture<Boolean> add(Post post, long receivedAtMillis) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO posts (" + COLUMNS
                    + ", received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, post.author());
                s.setLong(2, post.seq());
                s.setBytes(3, post.prevHash());
                s.setLong(4, post.timestampMillis());
                s.setString(5, post.text());
                s.setBytes(6, post.signature());
                s.setLong(7, receivedAtMillis);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The highest sequence number held for {@code author}, 0 if none. */
    public CompletableFuture<Long> lastSeq(String author) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM posts WHERE author = ?")) {
                s.setString(1, author);
                return s.executeQuery().getLong(1);
            }
        });
    }

    /**
     * The end of the first unbroken run of {@code author}'s posts held here, counting from the oldest one held (older
     * ones may have been collected); 0 if none. Below the highest sequence number when a post in between is missing.
     */
    public CompletableFuture<Long> contiguousSeq(String author) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MIN(p.seq), 0) FROM posts p"
                    + " WHERE p.author = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM posts q WHERE q.author = p.author AND q.seq = p.seq + 1)")) {
                s.setString(1, author);
                return s.executeQuery().getLong(1);
            }
        });
    }

    /** The post of {@code author} with the highest sequence number. */
    public CompletableFuture<java.util.Optional<Post>> latest(String author) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM posts WHERE author = ? ORDER BY seq DESC LIMIT 1")) {
                s.setString(1, author);
                return read(s.executeQuery()).stream().findFirst();
            }
        });
    }

    /** The posts of the given authors, newest first. */
    public CompletableFuture<List<Post>> timeline(Collection<String> authors, int limit) {
        List<String> names = List.copyOf(authors);
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String marks = String.join(",", java.util.Collections.nCopies(names.size(), "?"));
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM posts WHERE author IN (" + marks + ")"
                + NEWEST_FIRST + " LIMIT ?", names, limit));
    }

    /** One author's posts, newest first. */
    public CompletableFuture<List<Post>> byAuthor(String author, int limit) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM posts WHERE author = ?" + NEWEST_FIRST
                + " LIMIT ?", List.of(author), limit));
    }

    /** One author's posts with a sequence number above {@code afterSeq}, oldest first: a page of a catch-up. */
    public CompletableFuture<List<Post>> after(String author, long afterSeq, int limit) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM posts WHERE author = ? AND seq > ? ORDER BY seq ASC LIMIT ?")) {
                s.setString(1, author);
                s.setLong(2, afterSeq);
                s.setInt(3, limit);
                return read(s.executeQuery());
            }
        });
    }

    /** Drops {@code owner}'s posts older than {@code ownCutoff} and everyone else's older than {@code othersCutoff}. */
    public CompletableFuture<Integer> dropOlderThan(String owner, long ownCutoff, long othersCutoff) {
        return db.write(c -> {
            try (PreparedStatement own = c.prepareStatement("DELETE FROM posts WHERE author = ? AND ts < ?");
                    PreparedStatement others = c.prepareStatement("DELETE FROM posts WHERE author <> ? AND ts < ?");
                    PreparedStatement orphans = c.prepareStatement("DELETE FROM deliveries WHERE NOT EXISTS (SELECT 1"
                            + " FROM posts p WHERE p.author = deliveries.author AND p.seq = deliveries.seq)")) {
                own.setString(1, owner);
                own.setLong(2, ownCutoff);
                others.setString(1, owner);
                others.setLong(2, othersCutoff);
                int dropped = own.executeUpdate() + others.executeUpdate();
                orphans.executeUpdate();
                return dropped;
            }
        });
    }

    /** Records that {@code follower} holds the post; returns how many followers are known to hold it. */
    public CompletableFuture<Integer> markDelivered(String author, long seq, String follower) {
        return db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO deliveries (author, seq, follower) VALUES (?, ?, ?)");
                    PreparedStatement count = c.prepareStatement(
                            "SELECT COUNT(*) FROM deliveries WHERE author = ? AND seq = ?")) {
                insert.setString(1, author);
                insert.setLong(2, seq);
                insert.setString(3, follower);
                insert.executeUpdate();
                count.setString(1, author);
                count.setLong(2, seq);
                return count.executeQuery().getInt(1);
            }
        });
    }

    /** Sequence number to delivery count, for {@code author}'s posts that reached anyone. */
    public CompletableFuture<Map<Long, Integer>> deliveryCounts(String author) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, COUNT(*) FROM deliveries WHERE author = ? GROUP BY seq")) {
                s.setString(1, author);
                ResultSet rs = s.executeQuery();
                Map<Long, Integer> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
                return counts;
            }
        });
    }

    private static List<Post> query(Connection c, String sql, List<String> names, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < names.size(); i++) {
                s.setString(i + 1, names.get(i));
            }
            s.setInt(names.size() + 1, limit);
            return read(s.executeQuery());
        }
    }

    private static List<Post> read(ResultSet rs) throws SQLException {
        List<Post> posts = new ArrayList<>();
        while (rs.next()) {
            posts.add(new Post(rs.getString(1), rs.getLong(2), rs.getBytes(3), rs.getLong(4), rs.getString(5),
                    rs.getBytes(6)));
        }
        return posts;
    }
}
