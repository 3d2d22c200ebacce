package murmur.timeline.session;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import murmur.dht.SigningKey;
import murmur.timeline.DeviceInfo;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.records.DevicesValue;
import murmur.timeline.records.DevicesValue.Entry;
import murmur.timeline.records.Keys;
import murmur.timeline.records.MergedRecord;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This data directory's device of one account, and the account's device list {@code devices/<name>}.
 *
 * <p>The device key is made at the first sign-in of the account on this data directory and kept in the peer's
 * database. Every change is read-merge-write: read the list, apply the change to what was read, write it with a
 * higher sequence number, read it back and redo the change if a concurrent writer's list won. Revoked entries are
 * kept and never un-revoked, so a revocation wins over a concurrent add of the same id. A list not signed by the
 * account's pinned key, or out of bounds, is dropped and counted ({@link #refused()}).
 *
 * <p>A device found revoked (at login or by {@link #refresh}) marks itself so locally: the session refuses to post or
 * follow with {@code DEVICE_REVOKED}, and the next login on this data directory fails once with
 * {@code DEVICE_REVOKED} and forgets the revoked key, so the login after it registers a new device with a new id.
 */
public final class DeviceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

    private final String me;
    private final PeerContext ctx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final LiveValue<List<DeviceInfo>> live = new LiveValue<>(List.of());
    private final MergedRecord<DevicesValue> record;
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private volatile DevicesValue shown = DevicesValue.EMPTY;
    private volatile LocalDevice device;
    private volatile boolean revoked;

    DeviceRegistry(PeerContext ctx, String me, SigningKey accountKey) {
        this.me = me;
        this.ctx = ctx;
        this.clock = ctx.clock();
        String what = "devices/" + me;
        this.record = new MergedRecord<>(new RecordWriter(ctx.dht(), accountKey, clock), Keys.devices(me),
                DevicesValue.class, what, DevicesValue.EMPTY, ctx.settings().dht().maxTtl(), v -> v.checked(what),
                DeviceRegistry::sameList);
    }

    /** This data directory's device key of an account. */
    private record LocalDevice(String id, byte[] publicKey, SigningKey key, boolean revoked) {}

    /** Loads or makes this device, then adds it to {@code devices/<name>}; fails with {@code DEVICE_REVOKED}. */
    CompletableFuture<Void> signIn() {
        return loadOrCreate().thenCompose(local -> {
            if (local.revoked()) {
                return forget().thenCompose(v -> CompletableFuture.failedFuture(revokedError()));
            }
            device = local;
            return read().thenCompose(found -> {
                Optional<Entry> mine = find(found, local.id());
                if (mine.isPresent() && mine.get().revoked()) {
                    return forget().thenCompose(v -> CompletableFuture.failedFuture(revokedError()));
                }
                return change(this::withMe).thenApply(list -> null);
            });
        });
    }

    /** Re-reads the list: re-adds this device if a concurrent write dropped it, notices a revocation. */
    CompletableFuture<Void> refresh() {
        return read().thenCompose(found -> {
            Optional<Entry> mine = find(found, device.id());
            if (mine.isPresent() && mine.get().revoked()) {
                markRevoked();
                show(found);
                return CompletableFuture.completedFuture(null);
            }
            show(found);
            return mine.isPresent() || revoked ? CompletableFuture.completedFuture(null)
                    : change(this::withMe).thenApply(v -> null);
        });
    }

    String deviceId() {
        return device.id();
    }

    /** This device's signing key: it signs the posts of this device's log. */
    SigningKey deviceKey() {
        return device.key();
    }

    boolean revoked() {
        return revoked;
    }

    Live<List<DeviceInfo>> devices() {
        return live;
    }

    /** How many device lists were dropped as forged or out of bounds. */
    public long refused() {
        return record.refused();
    }

    CompletableFuture<Void> rename(String id, String name) {
        String problem = DevicesValue.nameProblem(name);
        if (problem != null) {
            return CompletableFuture.failedFuture(new TimelineException(Reason.INVALID_NAME, problem));
        }
        return existing(id).thenCompose(v -> change(list -> replace(list, id, e -> e.renamed(name.strip()))))
                .thenApply(v -> null);
    }

    CompletableFuture<Void> revoke(String id) {
        if (id.equals(device.id())) {
            return CompletableFuture.failedFuture(new TimelineException(Reason.CANNOT_REVOKE_SELF,
                    "this is the device you are using; sign out instead, or revoke it from another device"));
        }
        long now = clock.millis();
        return existing(id).thenCompose(v -> change(list -> replace(list, id, e -> e.revokedAt(now))))
                .thenApply(v -> null);
    }

    CompletableFuture<Void> revokeOthers() {
        long now = clock.millis();
        return change(list -> new DevicesValue(list.devices().stream()
                .map(e -> e.id().equals(device.id()) ? e : e.revokedAt(now)).toList())).thenApply(v -> null);
    }

    private CompletableFuture<Void> existing(String id) {
        return read().thenAccept(found -> {
            if (find(found, id).isEmpty()) {
                throw new TimelineException(Reason.UNKNOWN_DEVICE, "there is no device '" + id + "' on this account");
            }
        });
    }

    private DevicesValue withMe(DevicesValue list) {
        if (find(list, device.id()).isPresent()) {
            return list;
        }
        if (list.devices().size() >= DevicesValue.MAX_DEVICES) {
            throw new TimelineException(Reason.CORRUPT_RECORD, "this account has " + DevicesValue.MAX_DEVICES
                    + " devices already; revoke one first");
        }
        List<Entry> next = new ArrayList<>(list.devices());
        next.add(new Entry(device.id(), device.publicKey(), "device " + (next.size() + 1), clock.millis(), 0));
        return new DevicesValue(next);
    }

    private static DevicesValue replace(DevicesValue list, String id, UnaryOperator<Entry> edit) {
        return new DevicesValue(list.devices().stream().map(e -> e.id().equals(id) ? edit.apply(e) : e).toList());
    }

    /** Read-merge-write until the list read back holds the change; shows the list that holds it. */
    private CompletableFuture<DevicesValue> change(UnaryOperator<DevicesValue> edit) {
        return record.change(list -> merge(list, edit.apply(list))).thenApply(list -> {
            show(list);
            return list;
        });
    }

    /** {@code edited} with every revocation {@code read} holds: revocation wins, and is never undone. */
    private static DevicesValue merge(DevicesValue read, DevicesValue edited) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : edited.devices()) {
            Optional<Entry> there = find(read, e.id());
            out.add(there.isPresent() && there.get().revoked() && !e.revoked()
                    ? e.revokedAt(there.get().revokedAtMillis()) : e);
        }
        for (Entry e : read.devices()) {
            if (e.revoked() && find(edited, e.id()).isEmpty()) {
                out.add(e);
            }
        }
        return new DevicesValue(out);
    }

    private static boolean sameList(DevicesValue a, DevicesValue b) {
        if (a.devices().size() != b.devices().size()) {
            return false;
        }
        for (int i = 0; i < a.devices().size(); i++) {
            Entry x = a.devices().get(i);
            Entry y = b.devices().get(i);
            if (!x.id().equals(y.id()) || !x.name().equals(y.name()) || x.revokedAtMillis() != y.revokedAtMillis()
                    || x.addedMillis() != y.addedMillis() || !Arrays.equals(x.publicKey(), y.publicKey())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Entry> find(DevicesValue list, String id) {
        return list.devices().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The list as the DHT holds it; empty when missing, forged or out of bounds. */
    private CompletableFuture<DevicesValue> read() {
        return record.read().thenApply(MergedRecord.Found::value);
    }

    /** When the account's other devices last announced presence, by id: shown in the list. */
    void seen(Map<String, Instant> lastSeen) {
        seen.putAll(lastSeen);
        show(shown);
    }

    private void show(DevicesValue list) {
        shown = list;
        String mine = device.id();
        Instant now = clock.instant();
        live.set(list.devices().stream().map(e -> new DeviceInfo(e.id(), e.name(),
                Instant.ofEpochMilli(e.addedMillis()),
                e.id().equals(mine) ? Optional.of(now) : Optional.ofNullable(seen.get(e.id())),
                e.revoked() ? Optional.of(Instant.ofEpochMilli(e.revokedAtMillis())) : Optional.<Instant>empty(),
                e.id().equals(mine))).sorted(Comparator.comparing(DeviceInfo::revoked)).toList());
    }

    private void markRevoked() {
        if (revoked) {
            return;
        }
        revoked = true;
        LOG.info("device {} of {} was revoked from another device", device.id(), me);
        ctx.db().write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE devices SET revoked = 1 WHERE user = ?")) {
                s.setString(1, me);
                return s.executeUpdate();
            }
        });
    }

    TimelineException revokedError() {
        return new TimelineException(Reason.DEVICE_REVOKED,
                "this device was signed out from another device; sign in again to add it as a new device");
    }

    private CompletableFuture<Void> forget() {
        return ctx.db().write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM devices WHERE user = ?")) {
                s.setString(1, me);
                s.executeUpdate();
                return null;
            }
        });
    }

    private CompletableFuture<LocalDevice> loadOrCreate() {
        return ctx.db().write(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT device_id, public_key, private_key, revoked FROM devices WHERE user = ?")) {
                q.setString(1, me);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return new LocalDevice(rs.getString(1), rs.getBytes(2), SigningKey.restore(rs.getBytes(3)),
                                rs.getInt(4) != 0);
                    }
                }
            }
            SigningKey key = SigningKey.generate(random);
            LocalDevice made = new LocalDevice(DevicesValue.idOf(key.publicKey()), key.publicKey(), key, false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO devices (user, device_id, public_key,"
                    + " private_key, revoked) VALUES (?, ?, ?, ?, 0)")) {
                s.setString(1, me);
                s.setString(2, made.id());
                s.setBytes(3, made.publicKey());
                s.setBytes(4, key.privateKeyBytes());
                s.executeUpdate();
            }
            return made;
        });
    }
}
