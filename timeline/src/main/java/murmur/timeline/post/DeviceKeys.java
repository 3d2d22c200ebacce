package murmur.timeline.post;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import murmur.timeline.TimelineException;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.records.DevicesValue;
import murmur.timeline.records.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device keys an account certified, read from {@code devices/<name>} (signed by the account's pinned key, and
 * {@link DevicesValue#checked bounded}) and kept per author. The list is read again when a post names a device it
 * does not hold, or when a post is dated after the list was read and the list is older than {@link #FRESH} (the
 * device may have been revoked since). At most one read per author is in flight, and reads of one author start at
 * least {@link #MIN_REREAD} apart: a post that needs a read sooner waits for the next one instead of being refused,
 * so a flood of posts naming made-up devices costs one DHT read a second per author, not one per post, and a device
 * added a moment ago is still found.
 */
final class DeviceKeys {
    /** The least time between the starts of two reads of one author's list. */
    static final Duration MIN_REREAD = Duration.ofSeconds(1);
    /** How long a list read answers for posts dated after it: a revocation is seen within this time. */
    static final Duration FRESH = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(DeviceKeys.class);
    private static final int MAX_AUTHORS = 10_000;

    private final UserDirectory users;
    private final Clock clock;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    DeviceKeys(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** One read of a list: when it started, and what it found (empty list when there is none or it is refused). */
    private record Read(long atMillis, CompletableFuture<DevicesValue> list) {}

    /**
     * {@code author}'s entry for {@code device}, as certified by a list that answers for a post dated
     * {@code postedAtMillis}; empty when the account lists no such device.
     */
    CompletableFuture<Optional<DevicesValue.Entry>> entry(String author, String device, long postedAtMillis) {
        Read last = reads.get(author);
        if (last != null && last.list().isDone()) {
            Optional<DevicesValue.Entry> held = find(last.list().join(), device);
            boolean fresh = postedAtMillis < last.atMillis() || clock.millis() - last.atMillis() < FRESH.toMillis();
            if (held.isPresent() && (held.get().revoked() || fresh)) {
                return CompletableFuture.completedFuture(held);
            }
        }
        return read(author, last).thenApply(list -> find(list, device));
    }

    /** A read that starts after {@code seen} was taken: the one in flight, or a new one, at its earliest. */
    private CompletableFuture<DevicesValue> read(String author, Read seen) {
        long now = clock.millis();
        Read r = reads.compute(author, (name, last) -> {
            if (last != null && (!last.list().isDone() || last != seen)) {
                return last;
            }
            long wait = last == null ? 0 : Math.max(0, last.atMillis() + MIN_REREAD.toMillis() - now);
            CompletableFuture<DevicesValue> list = wait == 0 ? fetch(name)
                    : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait,
                            TimeUnit.MILLISECONDS)).thenCompose(v -> fetch(name));
            return new Read(now + wait, list);
        });
        if (reads.size() > MAX_AUTHORS) {
            reads.keySet().removeIf(name -> !name.equals(author));
        }
        return r.list();
    }

    private CompletableFuture<DevicesValue> fetch(String author) {
        String what = "devices/" + author;
        return users.valueOf(author, Keys.devices(author), DevicesValue.class, what)
                .thenApply(v -> v.map(list -> list.checked(what)).orElse(DevicesValue.EMPTY))
                .exceptionally(e -> {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    if (cause instanceof TimelineException) {
                        LOG.warn("{}", cause.getMessage());
                    } else {
                        LOG.info("{} could not be read: {}", what, cause.getMessage());
                    }
                    return DevicesValue.EMPTY;
                });
    }

    private static Optional<DevicesValue.Entry> find(DevicesValue list, String device) {
        return list.devices().stream().filter(e -> e.id().equals(device)).findFirst();
    }
}
