package murmur.timeline.follow;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.store.Database;

/**
 * A list of users this user keeps on this computer, on disk and live: whom they muted ({@code mutes}) or blocked
 * ({@code blocks}). Nobody is told. A change is committed before it shows.
 */
public final class PeopleList {
    /** The lists, each a table of (user, target). */
    public enum Kind {
        /** Their posts leave the timeline and their notifications the list; following is untouched. */
        MUTES("mutes"),
        /**
         * As muted, and more: their pushes, follows, replies, mentions, likes and reposts are refused here, and this
         * user's posts are no longer pushed to them.
         */
        BLOCKS("blocks");

        private final String table;

        Kind(String table) {
            this.table = table;
        }
    }

    private final String me;
    private final Database db;
    private final String table;
    private final LiveValue<Set<String>> names = new LiveValue<>(Set.of());

    public PeopleList(String me, Database db, Kind kind) {
        this.me = me;
        this.db = db;
        this.table = kind.table;
    }

    public Live<Set<String>> names() {
        return names;
    }

    /** Whether {@code name} is on the list now. */
    public boolean contains(String name) {
        return names.get().contains(name);
    }

    public CompletableFuture<Void> load() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT target FROM " + table + " WHERE user = ?")) {
                s.setString(1, me);
                ResultSet rs = s.executeQuery();
                Set<String> names = new TreeSet<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }).thenAccept(held -> names.set(Set.copyOf(held)));
    }

    /** Puts {@code name} on the list or takes them off; completes once that is on disk and in {@link #names()}. */
    public CompletableFuture<Void> set(String name, boolean on) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(on
                    ? "INSERT OR IGNORE INTO " + table + " (user, target) VALUES (?, ?)"
                    : "DELETE FROM " + table + " WHERE user = ? AND target = ?")) {
                s.setString(1, me);
                s.setString(2, name);
                return s.executeUpdate();
            }
        }).thenAccept(n -> names.update(held -> {
            Set<String> next = new TreeSet<>(held);
            if (on) {
                next.add(name);
            } else {
                next.remove(name);
            }
            return Set.copyOf(next);
        }));
    }
}
