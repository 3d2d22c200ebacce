package murmur.timeline.post;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    /** How many like each post, and whether the user is among them. */
    public record Counts(Map<PostStore.Place, Integer> likes, Set<PostStore.Place> mine) {
        public static final Counts NONE = new Counts(Map.of(), Set.of());
    }

    /**
     * The likes of the posts by {@code authors}, in {@code user}'s view: one read, bounded by the authors a page
     * shows (the primary key leads with user and author), however many likes the user has seen in all.
     */
    public CompletableFuture<Counts> of(String user, Collection<String> authors) {
        List<String> names = List.copyOf(authors);
        if (names.isEmpty()) {
            return CompletableFuture.completedFuture(Counts.NONE);
        }
        String marks = String.join(",", Collections.nCopies(names.size(), "?"));
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT author, device, seq, COUNT(*),"
                    + " MAX(liker = ?) FROM likes WHERE user = ? AND author IN (" + marks + ") AND liked = 1"
                    + " GROUP BY author, device, seq")) {
                s.setString(1, user);
                s.setString(2, user);
                for (int i = 0; i < names.size(); i++) {
                    s.setString(i + 3, names.get(i));
                }
                ResultSet rs = s.executeQuery();
                Map<PostStore.Place, Integer> likes = new HashMap<>();
                Set<PostStore.Place> mine = new HashSet<>();
                while (rs.next()) {
                    PostStore.Place place = new PostStore.Place(rs.getString(1), rs.getString(2), rs.getLong(3));
                    likes.put(place, rs.getInt(4));
                    if (rs.getInt(5) == 1) {
                        mine.add(place);
                    }
                }
                return new Counts(likes, mine);
            }
        });
    }
}
