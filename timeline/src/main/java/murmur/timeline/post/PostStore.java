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
import murmur.timeline.PostRef;
import murmur.timeline.store.Database;
import murmur.transport.Ed25519;
import murmur.transport.MalformedInputException;

/**
 * Own and received posts on disk, one row per (author, device, sequence number): each device of an account keeps
 * its own log ({@link Post#device()}). Also who received the user's own posts.
 *
 * <p>A delete ({@link Post#isDelete()}) drops the text of the post it names in the same transaction that stores it;
 * the named post's row stays, marked deleted, so its place in the log is not a hole to refill (a row is made for it
 * if it was never held, and the post itself is then refused if it comes later). Deleted rows are never returned as
 * posts; a catch-up page carries the delete in their place.
 */
public final class PostStore {
    private static final String COLUMNS = "author, device, seq, prev_hash, ts, text, sig, ref_kind, ref_author,"
            + " ref_device, ref_seq, ref_hash, ref_post";
    private static final String NEWEST_FIRST = " ORDER BY ts DESC, author ASC, device ASC, seq DESC";
    /** Posts a timeline shows: not deleted, and not deletes themselves. */
    private static final String SHOWN = " AND deleted = 0 AND (ref_kind IS NULL OR ref_kind <> "
            + PostRef.Kind.DELETE.code() + ")";

    /** Logs whose oldest post held is numbered at most this are expected whole from #1 ({@link #contiguousHeads}). */
    public static final int YOUNG_LOG = 100;

    private final Database db;

    public PostStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a verified post; false if one with the same author, device and sequence number is already there (or
     * its place was deleted). A delete must name a post of its own author (checked by {@link PostRules}).
     */
    public CompletableFuture<Boolean> add(Post post, long receivedAtMillis) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR IGNORE INTO posts (" + COLUMNS
                    + ", received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, post.author());
                s.setString(2, post.device());
                s.setLong(3, post.seq());
                s.setBytes(4, post.prevHash());
                s.setLong(5, post.timestampMillis());
                s.setString(6, post.text());
                s.setBytes(7, post.signature());
                PostRef ref = post.ref();
                s.setObject(8, ref == null ? null : ref.kind().code());
                s.setString(9, ref == null ? null : ref.author());
                s.setString(10, ref == null ? null : ref.device());
                s.setObject(11, ref == null ? null : ref.seq());
                s.setBytes(12, ref == null ? null : ref.hash());
                s.setBytes(13, ref == null || ref.original() == null ? null : PostWire.bytes(ref.original()));
                s.setLong(14, receivedAtMillis);
                boolean added = s.executeUpdate() == 1;
                if (added && post.isDelete() && ref.author().equals(post.author())) {
                    dropText(c, ref, post.timestampMillis(), receivedAtMillis);
                }
                return added;
            }
        });
    }

    /**
     * Marks the named post deleted and drops its text, and the copies reposts and quotes carry of it; holds its
     * place with an empty row if it is not here.
     */
    private static void dropText(Connection c, PostRef ref, long deletedAtMillis, long now) throws SQLException {
        try (PreparedStatement carried = c.prepareStatement("UPDATE posts SET ref_post = NULL WHERE ref_author = ?"
                + " AND ref_device = ? AND ref_seq = ? AND ref_post IS NOT NULL")) {
            carried.setString(1, ref.author());
            carried.setString(2, ref.device());
            carried.setLong(3, ref.seq());
            carried.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE posts SET text = '', deleted = 1 WHERE author = ?"
                + " AND device = ? AND seq = ?");
                PreparedStatement place = c.prepareStatement("INSERT OR IGNORE INTO posts (author, device, seq,"
                        + " prev_hash, ts, text, sig, received_at, deleted) VALUES (?, ?, ?, ?, ?, '', ?, ?, 1)")) {
            update.setString(1, ref.author());
            update.setString(2, ref.device());
            update.setLong(3, ref.seq());
            if (update.executeUpdate() == 0) {
                place.setString(1, ref.author());
                place.setString(2, ref.device());
                place.setLong(3, ref.seq());
                place.setBytes(4, new byte[Post.HASH_BYTES]);
                place.setLong(5, deletedAtMillis);
                place.setBytes(6, new byte[Ed25519.SIGNATURE_BYTES]);
                place.setLong(7, now);
                place.executeUpdate();
            }
        }
    }

    /** Whether this place of a log is held here (as a post, or marked deleted). */
    public CompletableFuture<Boolean> holds(String author, String device, long seq) {
        return placeExists(author, device, seq, "");
    }

    /** Whether the post at this place was deleted by its author. */
    public CompletableFuture<Boolean> isDeleted(String author, String device, long seq) {
        return placeExists(author, device, seq, " AND deleted = 1");
    }

    private CompletableFuture<Boolean> placeExists(String author, String device, long seq, String condition) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM posts WHERE author = ? AND device = ? AND seq = ?" + condition)) {
                s.setString(1, author);
                s.setString(2, device);
                s.setLong(3, seq);
                return s.executeQuery().next();
            }
        });
    }

    /** Per device log of {@code author} held here, the highest sequence number held. */
    public CompletableFuture<Map<String, Long>> heads(String author) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT device, MAX(seq) FROM posts WHERE author = ? GROUP BY device")) {
                s.setString(1, author);
                return deviceSeqs(s.executeQuery());
            }
        });
    }

    /**
     * Per device log of {@code author} held here, the end of the first unbroken run of its posts, counting from the
     * oldest one held (older ones may have been collected, or were never wanted: a follower starts near the end of a
     * long log). Below the log's highest sequence number when a post in between is missing. A young log, whose
     * oldest post held is numbered at most {@link #YOUNG_LOG}, is expected whole from #1: when #1 is missing its run
     * is 0, so a post refused at first (its device not yet listed) is fetched again.
     */
    public CompletableFuture<Map<String, Long>> contiguousHeads(String author) {
        return contiguousHeads(author, false);
    }

    /**
     * As {@link #contiguousHeads(String)}; with {@code wholeLogs} every log is expected whole from #1, as the user's
     * own logs are on each of the user's devices (a device that came late still wants what the others wrote).
     */
    public CompletableFuture<Map<String, Long>> contiguousHeads(String author, boolean wholeLogs) {
        long young = wholeLogs ? Long.MAX_VALUE : YOUNG_LOG;
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT p.device, MIN(p.seq), (SELECT MIN(o.seq) FROM posts o"
                    + " WHERE o.author = p.author AND o.device = p.device) FROM posts p"
                    + " WHERE p.author = ? AND NOT EXISTS (SELECT 1 FROM posts q WHERE q.author = p.author"
                    + " AND q.device = p.device AND q.seq = p.seq + 1) GROUP BY p.device")) {
                s.setString(1, author);
                ResultSet rs = s.executeQuery();
                Map<String, Long> heads = new HashMap<>();
                while (rs.next()) {
                    long oldest = rs.getLong(3);
                    heads.put(rs.getString(1), oldest > 1 && oldest <= young ? 0 : rs.getLong(2));
                }
                return heads;
            }
        });
    }

    /** The end of the first unbroken run of one device log held here ({@link #contiguousHeads}); 0 if none. */
    public CompletableFuture<Long> contiguousSeq(String author, String device) {
        return contiguousHeads(author).thenApply(heads -> heads.getOrDefault(device, 0L));
    }

    /** The post with the highest sequence number in {@code author}'s log of {@code device}. */
    public CompletableFuture<java.util.Optional<Post>> latest(String author, String device) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM posts WHERE author = ? AND device = ? AND deleted = 0 ORDER BY seq DESC LIMIT 1")) {
                s.setString(1, author);
                s.setString(2, device);
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
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM posts WHERE author IN (" + marks + ")" + SHOWN
                + NEWEST_FIRST + " LIMIT ?", names, limit));
    }

    /** The post at this place of a log, if it is held here and neither deleted nor a delete. */
    public CompletableFuture<java.util.Optional<Post>> at(String author, String device, long seq) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM posts WHERE author = ?"
                    + " AND device = ? AND seq = ?" + SHOWN)) {
                s.setString(1, author);
                s.setString(2, device);
                s.setLong(3, seq);
                return read(s.executeQuery()).stream().findFirst();
            }
        });
    }

    /** The replies to the post {@code to} names (its kind aside), held here, oldest first. */
    public CompletableFuture<List<Post>> replies(PostRef to) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM posts WHERE ref_author = ?"
                    + " AND ref_device = ? AND ref_seq = ? AND ref_hash = ? AND ref_kind = "
                    + PostRef.Kind.REPLY.code() + SHOWN + " ORDER BY ts ASC, author ASC, device ASC, seq ASC")) {
                s.setString(1, to.author());
                s.setString(2, to.device());
                s.setLong(3, to.seq());
                s.setBytes(4, to.hash());
                return read(s.executeQuery());
            }
        });
    }

    /** How many replies held here name each post of {@code authors} that has any (deleted replies aside). */
    public CompletableFuture<Map<Place, Integer>> replyCounts(Collection<String> authors) {
        List<String> names = List.copyOf(authors);
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        String marks = String.join(",", java.util.Collections.nCopies(names.size(), "?"));
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ref_author, ref_device, ref_seq, COUNT(*) FROM posts"
                    + " WHERE ref_kind = " + PostRef.Kind.REPLY.code() + " AND deleted = 0 AND ref_author IN ("
                    + marks + ") GROUP BY ref_author, ref_device, ref_seq")) {
                for (int i = 0; i < names.size(); i++) {
                    s.setString(i + 1, names.get(i));
                }
                ResultSet rs = s.executeQuery();
                Map<Place, Integer> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(new Place(rs.getString(1), rs.getString(2), rs.getLong(3)), rs.getInt(4));
                }
                return counts;
            }
        });
    }

    /** Posts held here whose text contains {@code fragment} (ignoring ASCII case), newest first. */
    public CompletableFuture<List<Post>> containing(String fragment, int limit) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM posts WHERE"
                    + " instr(lower(text), lower(?)) > 0" + SHOWN + NEWEST_FIRST + " LIMIT ?")) {
                s.setString(1, fragment);
                s.setInt(2, limit);
                return read(s.executeQuery());
            }
        });
    }

    /** One author's posts, newest first. */
    public CompletableFuture<List<Post>> byAuthor(String author, int limit) {
        return db.read(c -> query(c, "SELECT " + COLUMNS + " FROM posts WHERE author = ?" + SHOWN + NEWEST_FIRST
                + " LIMIT ?", List.of(author), limit));
    }

    /**
     * One device log's posts with a sequence number above {@code afterSeq}, oldest first: a page of a catch-up, of
     * at most {@code limit} posts. A deleted place in the page's range is stood for by the delete that names it
     * (at its own, later place), so the receiver marks the place deleted instead of asking for it again.
     */
    public CompletableFuture<List<Post>> after(String author, String device, long afterSeq, int limit) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", deleted"
                    + " FROM posts WHERE author = ? AND device = ? AND seq > ? ORDER BY seq ASC LIMIT ?");
                    PreparedStatement deletes = c.prepareStatement("SELECT " + COLUMNS + " FROM posts WHERE"
                            + " ref_author = ? AND ref_device = ? AND ref_seq = ? AND ref_kind = "
                            + PostRef.Kind.DELETE.code() + " AND author = ref_author AND deleted = 0 LIMIT 1")) {
                s.setString(1, author);
                s.setString(2, device);
                s.setLong(3, afterSeq);
                s.setInt(4, limit);
                ResultSet rs = s.executeQuery();
                java.util.TreeMap<Long, Post> page = new java.util.TreeMap<>();
                List<Long> deletedPlaces = new ArrayList<>();
                while (rs.next()) {
                    if (rs.getInt(14) == 0) {
                        Post p = post(rs);
                        page.put(p.seq(), p);
                    } else {
                        deletedPlaces.add(rs.getLong(3));
                    }
                }
                for (long seq : deletedPlaces) {
                    deletes.setString(1, author);
                    deletes.setString(2, device);
                    deletes.setLong(3, seq);
                    read(deletes.executeQuery()).forEach(d -> page.put(d.seq(), d));
                }
                return new ArrayList<>(page.values());
            }
        });
    }

    /** Drops {@code owner}'s posts older than {@code ownCutoff} and everyone else's older than {@code othersCutoff}. */
    public CompletableFuture<Integer> dropOlderThan(String owner, long ownCutoff, long othersCutoff) {
        return db.write(c -> {
            try (PreparedStatement own = c.prepareStatement("DELETE FROM posts WHERE author = ? AND ts < ?");
                    PreparedStatement others = c.prepareStatement("DELETE FROM posts WHERE author <> ? AND ts < ?");
                    PreparedStatement orphans = c.prepareStatement("DELETE FROM deliveries WHERE NOT EXISTS (SELECT 1"
                            + " FROM posts p WHERE p.author = deliveries.author AND p.device = deliveries.device"
                            + " AND p.seq = deliveries.seq)")) {
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
    public CompletableFuture<Integer> markDelivered(String author, String device, long seq, String follower) {
        return db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO deliveries (author, device, seq, follower) VALUES (?, ?, ?, ?)");
                    PreparedStatement count = c.prepareStatement(
                            "SELECT COUNT(*) FROM deliveries WHERE author = ? AND device = ? AND seq = ?")) {
                insert.setString(1, author);
                insert.setString(2, device);
                insert.setLong(3, seq);
                insert.setString(4, follower);
                insert.executeUpdate();
                count.setString(1, author);
                count.setString(2, device);
                count.setLong(3, seq);
                return count.executeQuery().getInt(1);
            }
        });
    }

    /** Delivery counts of {@code author}'s posts that reached anyone, by device log and sequence number. */
    public CompletableFuture<Map<LogSeq, Integer>> deliveryCounts(String author) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT device, seq, COUNT(*) FROM deliveries WHERE author = ? GROUP BY device, seq")) {
                s.setString(1, author);
                ResultSet rs = s.executeQuery();
                Map<LogSeq, Integer> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(new LogSeq(rs.getString(1), rs.getLong(2)), rs.getInt(3));
                }
                return counts;
            }
        });
    }

    /** One post's place: author, device log and sequence number. */
    public record Place(String author, String device, long seq) {
        public static Place of(Post post) {
            return new Place(post.author(), post.device(), post.seq());
        }
    }

    /** One post's place within its author's logs. */
    public record LogSeq(String device, long seq) {
        public static LogSeq of(Post post) {
            return new LogSeq(post.device(), post.seq());
        }
    }

    private static Map<String, Long> deviceSeqs(ResultSet rs) throws SQLException {
        Map<String, Long> heads = new HashMap<>();
        while (rs.next()) {
            heads.put(rs.getString(1), rs.getLong(2));
        }
        return heads;
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
            posts.add(post(rs));
        }
        return posts;
    }

    /** The post a repost or quote carries, as stored (it was checked when it came in). */
    private static Post original(byte[] stored) throws SQLException {
        try {
            return stored == null ? null : PostWire.ofBytes(stored);
        } catch (MalformedInputException e) {
            throw new SQLException("a carried post on disk is unreadable", e);
        }
    }

    /** The post in the current row, read in the order of {@link #COLUMNS}. */
    private static Post post(ResultSet rs) throws SQLException {
        int kind = rs.getInt(8);
        PostRef ref = rs.wasNull() ? null : new PostRef(PostRef.Kind.ofCode(kind), rs.getString(9),
                rs.getString(10), rs.getLong(11), rs.getBytes(12), original(rs.getBytes(13)));
        return new Post(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBytes(4), rs.getLong(5),
                rs.getString(6), rs.getBytes(7), ref);
    }
}
