package murmur.timeline.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import murmur.dht.NodeId;
import murmur.timeline.Presence;
import murmur.timeline.UserSummary;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.records.Keys;
import murmur.timeline.records.PresenceValue;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the user's {@code presence/<name>} while logged in, refreshing it so readers see it as fresh, and reads
 * other users' presence (only records signed by their pinned key count). The record is written with the account's
 * lifetime ({@code keepFor}, the DHT's longest time-to-live), not the freshness window: whether a user is online is
 * read from {@code lastSeenMillis}, and a record that lapsed after a logout could be claimed by anyone, locking the
 * owner out of their own presence until the squatter's copy expired.
 */
public final class PresenceService {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);

    private final String me;
    private final RecordWriter writer;
    private final UserDirectory users;
    private final Clock clock;
    private final Duration refresh;
    private final Duration staleAfter;
    private final Duration keepFor;
    private final Supplier<List<String>> addresses;
    private final String device;
    private ScheduledFuture<?> refresher;

    /**
     * @param device this device's id: presence is published for the account ({@code presence/<name>}, the device
     *               that wrote last) and for the device ({@code presence/<name>/<device>}), so the account's other
     *               devices find this one
     */
    public PresenceService(String me, String device, RecordWriter writer, UserDirectory users, Clock clock,
            Duration refresh, Duration staleAfter, Duration keepFor, Supplier<List<String>> addresses) {
        this.me = me;
        this.device = device;
        this.writer = writer;
        this.users = users;
        this.clock = clock;
        this.refresh = refresh;
        this.staleAfter = staleAfter;
        this.keepFor = keepFor;
        this.addresses = addresses;
    }

    /** A service that only reads others' presence (it cannot go online): for peer-wide work outside a session. */
    public static PresenceService reader(UserDirectory users, Clock clock, Duration staleAfter) {
        return new PresenceService("", "", null, users, clock, staleAfter, staleAfter, staleAfter, List::of);
    }

    /** The value {@code presence/<name>} starts with at registration: offline, no addresses. */
    public static PresenceValue initial(long nowMillis) {
        return new PresenceValue(false, List.of(), nowMillis);
    }

    /**
     * Publishes online now and every refresh interval until {@link #goOffline()}. For an account registered before
     * registration claimed presence, the first write is the claim.
     */
    public synchronized CompletableFuture<Void> goOnline(ScheduledExecutorService scheduler) {
        long period = refresh.toMillis();
        refresher = scheduler.scheduleAtFixedRate(() -> publish(true).exceptionally(e -> {
            LOG.info("presence/{} not refreshed: {}", me, e.getMessage());
            return null;
        }), period, period, TimeUnit.MILLISECONDS);
        return publish(true);
    }

    /** Stops refreshing and publishes offline. */
    public synchronized CompletableFuture<Void> goOffline() {
        if (refresher != null) {
            refresher.cancel(false);
            refresher = null;
        }
        return publish(false);
    }

    /**
     * The presence of {@code name}; {@link Presence#UNKNOWN} when there is none or it is not trustworthy. Only
     * addresses that are IP literals count, at most {@link PeerAddresses#MAX_ADDRESSES} of them.
     */
    public CompletableFuture<Presence> presenceOf(String name) {
        return read(name, Keys.presence(name), "presence/" + name);
    }

    /** The presence of one device of {@code name}; {@link Presence#UNKNOWN} as for {@link #presenceOf(String)}. */
    public CompletableFuture<Presence> presenceOf(String name, String deviceId) {
        return read(name, Keys.devicePresence(name, deviceId), "presence/" + name + "/" + deviceId);
    }

    private CompletableFuture<Presence> read(String name, NodeId key, String what) {
        return users.valueOf(name, key, PresenceValue.class, what)
                .thenApply(v -> v.map(p -> new Presence(p.online(), usable(p.addresses()), Instant.ofEpochMilli(
                        p.lastSeenMillis()))).orElse(Presence.UNKNOWN));
    }

    private static List<String> usable(List<String> addresses) {
        return addresses == null ? List.of() : addresses.stream().limit(PeerAddresses.MAX_ADDRESSES * 4L)
                .filter(a -> PeerAddresses.parse(a).isPresent()).limit(PeerAddresses.MAX_ADDRESSES).toList();
    }

    /** {@code name} with whether it is online now (online flag set and fresh). */
    public CompletableFuture<UserSummary> summaryOf(String name) {
        return presenceOf(name).thenApply(p -> new UserSummary(name, isOnline(p), p.lastSeen()));
    }

    /** Whether {@code p} counts as online now. */
    public boolean isOnline(Presence p) {
        return p.isOnlineAt(clock.instant(), staleAfter);
    }

    private CompletableFuture<Void> publish(boolean online) {
        PresenceValue value = new PresenceValue(online, addresses.get(), clock.millis());
        CompletableFuture<?> account = writer.put(Keys.presence(me), value, keepFor);
        CompletableFuture<?> mine = writer.put(Keys.devicePresence(me, device), value, keepFor)
                .exceptionally(e -> null);
        return CompletableFuture.allOf(account, mine);
    }
}
