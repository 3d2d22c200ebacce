package murmur.timeline.records;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import murmur.timeline.TimelineException;

/**
 * The value of {@code devices/<name>}: every device the account key certified, revoked ones included. The whole list
 * is signed by the account key, which so certifies each device key. Values come from the network: {@link #checked}
 * bounds the list and every field and refuses a list whose ids do not match their keys.
 *
 * @param devices the entries, in the order they were added
 */
public record DevicesValue(List<Entry> devices) {
    /** At most this many devices, revoked ones included. */
    public static final int MAX_DEVICES = 64;
    /** At most this many characters in a device name. */
    public static final int MAX_NAME_CHARS = 40;
    static final int ID_CHARS = 16;
    static final int KEY_BYTES = 32;

    public static final DevicesValue EMPTY = new DevicesValue(List.of());

    public DevicesValue {
        devices = List.copyOf(devices);
    }

    /**
     * One device.
     *
     * @param id             {@link #idOf} its public key
     * @param publicKey      its Ed25519 public key
     * @param name           the name the user gave it
     * @param addedMillis    when it was added
     * @param revokedAtMillis when it was revoked, 0 if it is not
     */
    public record Entry(String id, byte[] publicKey, String name, long addedMillis, long revokedAtMillis) {
        public boolean revoked() {
            return revokedAtMillis != 0;
        }

        public Entry renamed(String newName) {
            return new Entry(id, publicKey, newName, addedMillis, revokedAtMillis);
        }

        public Entry revokedAt(long millis) {
            return revoked() ? this : new Entry(id, publicKey, name, addedMillis, Math.max(1, millis));
        }
    }

    /** A device's id: the first 8 bytes of the SHA-256 of its public key, in hex. */
    public static String idOf(byte[] publicKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(publicKey);
            return HexFormat.of().formatHex(hash, 0, ID_CHARS / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** Why {@code name} is not a valid device name, or null if it is. */
    public static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "a device name cannot be empty";
        }
        if (name.length() > MAX_NAME_CHARS || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_CHARS * 4) {
            return "a device name has at most " + MAX_NAME_CHARS + " characters";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return "a device name cannot hold control characters";
        }
        return null;
    }

    /** This value if every entry is well formed, else {@code CORRUPT_RECORD}; {@code what} names the record. */
    public DevicesValue checked(String what) {
        if (devices.size() > MAX_DEVICES) {
            throw corrupt(what, "it lists " + devices.size() + " devices, more than " + MAX_DEVICES);
        }
        Set<String> ids = new HashSet<>();
        for (Entry e : devices) {
            if (e == null || e.publicKey() == null || e.publicKey().length != KEY_BYTES || e.id() == null) {
                throw corrupt(what, "an entry has no valid key");
            }
            if (!e.id().equals(idOf(e.publicKey()))) {
                throw corrupt(what, "an entry's id is not its key's");
            }
            String problem = nameProblem(e.name());
            if (problem != null) {
                throw corrupt(what, problem);
            }
            if (e.addedMillis() < 0 || e.revokedAtMillis() < 0) {
                throw corrupt(what, "an entry has a negative time");
            }
            if (!ids.add(e.id())) {
                throw corrupt(what, "it lists device " + e.id() + " twice");
            }
        }
        return this;
    }

    private static TimelineException corrupt(String what, String why) {
        return new TimelineException(TimelineException.Reason.CORRUPT_RECORD, what + " is refused: " + why);
    }
}
