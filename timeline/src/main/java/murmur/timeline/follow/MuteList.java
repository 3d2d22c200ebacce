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
 * The users this user has muted on this computer: their posts leave the timeline and their notifications the list,
 * here only; nobody is told, and following is untouched. Kept on disk ({@code mutes}), committed before the change
 * shows.
 */
public final class MuteList {
    private final String me;
    private final Database db;
    private final LiveValue<Set<String>> muted = new LiveValue<>(Set.of());

    public MuteList(String me, Database db) {
        this.me = me;
        this.db = db;
    }

    public Live<Set<String>> muted() {
        return muted;
    }

    public CompletableFuture<Void> load() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT target FROM mutes WHERE user = ?")) {
                s.setString(1, me);
                ResultSet rs = s.executeQuery();
                Set<String> names = new TreeSet<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                return names;
            }
        }).thenAccept(names -> muted.set(Set.copyOf(names)));
    }

    /** Mutes or unmutes {@code name}; completes once that is on disk and shown in {@link #muted()}. */
    public CompletableFuture<Void> set(String name, boolean mute) {
        return db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(mute
                    ? "INSERT OR IGNORE INTO mutes (user, target) VALUES (?, ?)"
                    : "DELETE FROM mutes WHERE user = ? AND target = ?")) {
                s.setString(1, me);
                s.setString(2, name);
                return s.executeUpdate();
            }
        }).thenAccept(n -> muted.update(names -> {
            Set<String> next = new TreeSet<>(names);
            if (mute) {
                next.add(name);
            } else {
                next.remove(name);
            }
            return Set.copyOf(next);
        }));
    }
}
