package murmur.timeline.identity;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.store.Database;

/**
 * The public keys this peer has seen for user names. The first key seen for a name is kept: a later record under the
 * same name with another key (a forged claim on a replica that joined late) is not believed.
 */
final class KeyPins {
    private final Database db;

    KeyPins(Database db) {
        this.db = db;
    }

    CompletableFuture<Optional<byte[]>> get(String name) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT public_key FROM user_keys WHERE name = ?")) {
                s.setString(1, name);
                ResultSet rs = s.executeQuery();
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }

    /** Pins {@code key} unless a key is pinned already; returns the pinned key. */
    CompletableFuture<byte[]> pin(String name, byte[] key) {
        return db.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR IGNORE INTO user_keys (name, public_key) VALUES (?, ?)");
                    PreparedStatement select = c.prepareStatement("SELECT public_key FROM user_keys WHERE name = ?")) {
                insert.setString(1, name);
                insert.setBytes(2, key);
                insert.executeUpdate();
                select.setString(1, name);
                return select.executeQuery().getBytes(1);
            }
        });
    }
}
