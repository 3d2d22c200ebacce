package murmur.timeline.dissemination;

import murmur.timeline.link.PeerAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import murmur.dht.SigningKey;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.Retry;
import murmur.timeline.post.PostIntake.Outcome;

/**
 * Relays wired to each other in memory, without sockets: requests go straight to the target's handler, and a
 * dead peer fails like an unreachable one. For the tree logic (forwarding, adoption, receipts, duplicates).
 */
final class SimulatedNet implements AutoCloseable {
    static final FanoutSettings FAST = new FanoutSettings(new Retry(3, Duration.ZERO, Duration.ZERO),
            Duration.ofMillis(5), 10, 100, 5);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FanoutSettings settings;
    private final Map<String, Relay> relays = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<Integer, String> byPort = new HashMap<>();
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    /** Pushes sent to each peer, retries included. */
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    final Map<String, Integer> depths = new ConcurrentHashMap<>();
    final Map<String, Set<String>> receipts = new ConcurrentHashMap<>();
    /** Receipt messages sent, to any peer. */
    final AtomicInteger receiptMessages = new AtomicInteger();

    /** Peers with {@link #FAST} settings. */
    SimulatedNet() {
        this(FAST);
    }

    SimulatedNet(FanoutSettings settings) {
        this.settings = settings;
    }

    /** A peer for {@code name} whose intake is {@code intake}, at a loopback port of its own (nothing listens). */
    Relay add(String name, Intake intake) {
        ports.put(name, 20_000 + ports.size());
        byPort.put(ports.get(name), name);
        String self = address(name);
        SigningKey key = SigningKey.generate(SigningKey.deterministicRandom(1000 + ports.size()));
        keys.put(name, key.publicKey());
        Relay relay = new Relay(this::request, intake, () -> Optional.of(Holder.of(name, key)), () -> self, settings,
                (author, device, seq, holders) -> receipts.computeIfAbsent(author + "#" + seq, k -> new HashSet<>())
                        .addAll(holders), scheduler,
                n -> CompletableFuture.completedFuture(Optional.ofNullable(ports.get(n)).map(p -> address(n))),
                n -> CompletableFuture.completedFuture(Optional.ofNullable(keys.get(n))));
        relay.onReceived((post, depth, outcome) -> {
            if (outcome != Outcome.REJECTED) {
                depths.put(name, depth);
            }
        });
        relays.put(name, relay);
        return relay;
    }

    Relay relay(String name) {
        return relays.get(name);
    }

    void kill(String name) {
        dead.add(name);
    }

    String address(String name) {
        return "127.0.0.1:" + ports.get(name);
    }

    List<Hop> hops(List<String> names) {
        return names.stream().map(n -> new Hop(n, address(n))).toList();
    }

    private CompletableFuture<byte[]> request(List<PeerAddress> addresses, int type, byte[] body) {
        InetSocketAddress to = addresses.get(0).address();
        String name = byPort.get(to.getPort());
        if (type == LinkTypes.PUSH) {
            attempts.merge(name, 1, Integer::sum);
        } else {
            receiptMessages.incrementAndGet();
        }
        Relay relay = relays.get(name);
        if (relay == null || dead.contains(name)) {
            return CompletableFuture.failedFuture(new LinkException(LinkException.Kind.UNREACHABLE, "dead"));
        }
        CompletableFuture<byte[]> answer = type == LinkTypes.PUSH ? relay.onPush(to, body) : relay.onReceipt(to, body);
        return answer.handle((a, e) -> {
            if (e != null) {
                throw new LinkException(LinkException.Kind.REMOTE_ERROR, e.getMessage());
            }
            return a;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
