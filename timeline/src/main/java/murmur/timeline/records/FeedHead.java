package murmur.timeline.records;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import murmur.timeline.Post;

/**
 * The value of {@code feed/<name>}: where each of the account's post logs ends. {@code seq} and {@code hash} are the
 * head of the legacy log ({@link Post#LEGACY_DEVICE}, posts made before accounts had devices); {@code devices} holds
 * the head of every device's log. Several devices write this record, each its own entry, by read-merge-write
 * ({@link #merge}: the higher head of each log wins), so a head never moves back.
 *
 * @param seq     the legacy log's highest sequence number
 * @param hash    that post's hash
 * @param devices the head of each device's log, at most {@link DevicesValue#MAX_DEVICES}
 */
public record FeedHead(long seq, byte[] hash, List<DeviceHead> devices) {

    public static final FeedHead EMPTY = new FeedHead(0, new byte[Post.HASH_BYTES], List.of());

    public FeedHead {
        if (seq < 0 || hash == null || hash.length != Post.HASH_BYTES) {
            throw new IllegalArgumentException("a feed head needs a sequence number >= 0 and a 32-byte hash");
        }
        devices = List.copyOf(devices);
        if (devices.size() > DevicesValue.MAX_DEVICES) {
            throw new IllegalArgumentException("a feed head lists at most " + DevicesValue.MAX_DEVICES + " devices");
        }
        Set<String> seen = new HashSet<>();
        for (DeviceHead d : devices) {
            if (Post.LEGACY_DEVICE.equals(d.device()) || !seen.add(d.device())) {
                throw new IllegalArgumentException("a feed head lists each device once, and not the legacy log");
            }
        }
        hash = hash.clone();
    }

    /**
     * The head of one device's log.
     *
     * @param device the device id
     * @param seq    the log's highest sequence number, at least 1
     * @param hash   that post's hash
     */
    public record DeviceHead(String device, long seq, byte[] hash) {
        public DeviceHead {
            if (!Post.isDeviceId(device) || seq < 1 || hash == null || hash.length != Post.HASH_BYTES) {
                throw new IllegalArgumentException("a device head needs a device id, a sequence number >= 1 and a"
                        + " 32-byte hash");
            }
            hash = hash.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DeviceHead d && device.equals(d.device) && seq == d.seq && Arrays.equals(hash, d.hash);
        }

        @Override
        public int hashCode() {
            return device.hashCode() * 31 + Long.hashCode(seq);
        }
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** Per log, including the legacy one when it has posts, the highest sequence number. */
    public Map<String, Long> heads() {
        Map<String, Long> heads = new HashMap<>();
        if (seq > 0) {
            heads.put(Post.LEGACY_DEVICE, seq);
        }
        devices.forEach(d -> heads.put(d.device(), d.seq()));
        return heads;
    }

    /** This head with {@code device}'s log ending at {@code seq}, unless that log is already further. */
    public FeedHead with(String device, long seq, byte[] hash) {
        return merge(new FeedHead(0, new byte[Post.HASH_BYTES], List.of(new DeviceHead(device, seq, hash))));
    }

    /**
     * Both heads in one: per log, the higher. When that lists more than {@link DevicesValue#MAX_DEVICES} devices,
     * the ones with the fewest posts are left out (a revoked device's log keeps its posts; only its head is gone).
     */
    public FeedHead merge(FeedHead other) {
        Map<String, DeviceHead> byDevice = new HashMap<>();
        for (DeviceHead d : devices) {
            byDevice.put(d.device(), d);
        }
        for (DeviceHead d : other.devices) {
            byDevice.merge(d.device(), d, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        List<DeviceHead> merged = new ArrayList<>(byDevice.values());
        merged.sort((a, b) -> a.seq() != b.seq() ? Long.compare(b.seq(), a.seq()) : a.device().compareTo(b.device()));
        if (merged.size() > DevicesValue.MAX_DEVICES) {
            merged = merged.subList(0, DevicesValue.MAX_DEVICES);
        }
        FeedHead legacyHead = other.seq > seq ? other : this;
        return new FeedHead(legacyHead.seq, legacyHead.hash, merged);
    }

    /** Whether both list the same head for every log. */
    public boolean sameHeads(FeedHead other) {
        return heads().equals(other.heads());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeedHead f && seq == f.seq && Arrays.equals(hash, f.hash) && devices.equals(f.devices);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + devices.hashCode();
    }
}
