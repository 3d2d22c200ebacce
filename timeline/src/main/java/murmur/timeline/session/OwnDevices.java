package murmur.timeline.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.DeviceInfo;
import murmur.timeline.Presence;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.presence.PresenceService;

/**
 * The user's other devices, as this one reaches them: each device publishes {@code presence/<name>/<device>}, and
 * {@link #refresh} reads it for every device the account lists (not revoked, not this one). The addresses of those
 * online are kept until the next refresh, so a new post goes straight to them without a lookup; when each was last
 * seen goes to the device list ({@link DeviceRegistry#seen}).
 */
final class OwnDevices {
    private final String me;
    private final DeviceRegistry devices;
    private final PresenceService presence;
    private volatile List<String> online = List.of();

    OwnDevices(String me, DeviceRegistry devices, PresenceService presence) {
        this.me = me;
        this.devices = devices;
        this.presence = presence;
    }

    /** Where the other devices online at the last refresh listen, one comma-joined address list each. */
    List<String> online() {
        return online;
    }

    /** Reads the presence of every other device; completes with the addresses of those online. */
    CompletableFuture<List<String>> refresh() {
        List<DeviceInfo> others = devices.devices().get().stream().filter(d -> !d.thisDevice() && !d.revoked())
                .toList();
        List<CompletableFuture<Map.Entry<String, Presence>>> reads = others.stream()
                .map(d -> presence.presenceOf(me, d.id()).exceptionally(e -> Presence.UNKNOWN)
                        .thenApply(p -> Map.entry(d.id(), p)))
                .toList();
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            Map<String, Instant> seen = new HashMap<>();
            List<String> addresses = reads.stream().map(CompletableFuture::join).filter(e -> {
                if (e.getValue() != Presence.UNKNOWN) {
                    seen.put(e.getKey(), e.getValue().lastSeen());
                }
                return presence.isOnline(e.getValue()) && !e.getValue().addresses().isEmpty();
            }).map(e -> PeerAddresses.join(e.getValue().addresses())).toList();
            devices.seen(seen);
            online = addresses;
            return addresses;
        });
    }
}
