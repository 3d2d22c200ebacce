package murmur.timeline.post;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.store.Database;

/**
 * Who likes which post, as this peer knows it ({@code likes}): the user's own likes, and on the author's peer the
 * signed like notices of everyone else. Each liker's latest word per post counts: a like and an unlike carry the
 * time they were made, and an older one arriving later changes nothing.
 */
public final class Likes {
    private final Database db;

    public Likes(Database db) {
        this.db = db;
    }

    /**
     * Records that {@code liker} likes {@code post} (or no longer does) as of {@code atMillis}, in {@code user}'s
     * view; true when that changed what is recorded.
     */
    public CompletableFuture<Boolean> record(String user, PostStore.Place post, String liker, boolean liked,
            long atMillis) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO likes (user, author, device, seq, liker,"
                    + " liked, at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user, author, device, seq, liker)"
                    + " DO UPDATE SET liked = excluded.liked, at = excluded.at WHERE excluded.at > likes.at")) {
                s.setString(1, user);
                s.setString(2, post.author());
                s.setString(3, post.device());
                s.setLong(4, post.seq());
                s.setString(5, liker);
                s.setInt(6, liked ? 1 : 0);
                s.setLong(7, atMillis);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** How many like each post that anyone likes, in {@code user}'s view. */
    public CompletableFuture<Map<PostStore.Place, Integer>> counts(String user) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT author, device, seq, COUNT(*) FROM likes"
                    + " WHERE user = ? AND liked = 1 GROUP BY author, device, seq")) {
                s.setString(1, user);
                ResultSet rs = s.executeQuery();
                Map<PostStore.Place, Integer> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(new PostStore.Place(rs.getString(1), rs.getString(2), rs.getLong(3)), rs.getInt(4));
                }
                return counts;
            }
        });
    }

    /** The posts {@code user} likes. */
    public CompletableFuture<Set<PostStore.Place>> likedBy(String user) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT author, device, seq FROM likes WHERE user = ?"
                    + " AND liker = ? AND liked = 1")) {
                s.setString(1, user);
                s.setString(2, user);
                ResultSet rs = s.executeQuery();
                Set<PostStore.Place> places = new HashSet<>();
                while (rs.next()) {
                    places.add(new PostStore.Place(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
                return places;
            }
        });
    }
}
