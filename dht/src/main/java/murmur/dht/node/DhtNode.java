package murmur.dht.node;

import murmur.dht.DhtObserver;
import murmur.dht.DhtWriteException;
import murmur.dht.DialBackResult;
import murmur.dht.DialBackVerdict;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.PutResult;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import murmur.config.DhtSettings;
import murmur.dht.lookup.LookupMode;
import murmur.dht.persist.SqliteNodeStore;
import murmur.dht.routing.Contact;
import murmur.dht.routing.RoutingTable;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.Network;
import murmur.dht.rpc.ObservedAddresses;
import murmur.dht.rpc.RpcClient;
import murmur.dht.rpc.Scheduler;
import murmur.dht.rpc.Transport;
import murmur.dht.store.RecordStore;
import murmur.dht.store.StoreJournal;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kademlia node: joins the network, stores signed records and multi-writer sets for others, and reads and
 * writes them for its user. Every operation is asynchronous. Build one with {@link #builder()}.
 */
public final class DhtNode {
    private static final Logger LOG = LoggerFactory.getLogger(DhtNode.class);

    private final DhtSettings settings;
    private final Network network;
    private final InetSocketAddress bindAddress;
    private final SigningKey key;
    private final Optional<SqliteNodeStore> disk;
    private final Runnable onStop;
    private final Random random;
    private final DhtObserver observer;
    private final ObservedAddresses observed;
    private volatile NodeContext ctx;
    private volatile Writes writes;
    private volatile WorkedWrites workedWrites;
    private volatile Maintenance maintenance;
    private volatile Transport transport;
    private volatile Scheduler.Cancellable ticker;
    private volatile boolean clientMode;

    DhtNode(DhtSettings settings, Network network, InetSocketAddress bindAddress, SigningKey key,
            Optional<SqliteNodeStore> disk, Runnable onStop, Random random, DhtObserver observer) {
        this.settings = settings;
        this.network = network;
        this.bindAddress = bindAddress;
        this.key = key;
        this.disk = disk;
        this.onStop = onStop;
        this.random = random;
        this.observer = observer;
        this.observed = new ObservedAddresses(network.clock());
    }

    public static DhtNodeBuilder builder() {
        return new DhtNodeBuilder();
    }

    /** Opens the node's endpoint and loads what its data directory kept. Does not contact anyone yet. */
    public CompletableFuture<Void> start() {
        Clock clock = network.clock();
        RoutingTable routing = new RoutingTable(key.nodeId(), settings.k(), settings.replacementCacheSize(),
                settings.staleAfterFailures(), settings.contactFreshFor(), clock);
        RecordStore store = new RecordStore(settings, clock, disk.<StoreJournal>map(d -> d).orElse(StoreJournal.NONE));
        RequestHandlersHolder handlers = new RequestHandlersHolder(observer);
        return network.bind(bindAddress, key.publicKey(), handlers).thenAccept(t -> {
            transport = t;
            t.clientOnly(clientMode);
            RpcClient rpc = new RpcClient(t, routing, network.scheduler(), settings, observed);
            NodeContext context = new NodeContext(key.nodeId(), settings, clock, routing, store,
                    store.validator(), rpc, observer, () -> clientMode);
            handlers.delegate = new RequestHandlers(settings, routing, store, rpc, observer,
                    new DialBackServer(t, clock, observer), key);
            writes = new Writes(context);
            workedWrites = new WorkedWrites(context, writes, network.workers());
            maintenance = new Maintenance(context, writes, random);
            Handoff handoff = new Handoff(context);
            ctx = context;
            restore(store);
            // After the restore: contacts saved on disk held these records already; only later arrivals need them.
            routing.onNewContact(c -> network.scheduler().schedule(Duration.ZERO, () -> handoff.newcomer(c)));
            scheduleTick();
            LOG.debug("DHT node {} listening on {}", key.nodeId(), t.localAddress());
        });
    }

    /**
     * Joins the network through {@code seeds} and the contacts saved from a previous run (asked alongside): learns
     * their ids, looks up its own id, then refreshes every bucket farther than its closest neighbour.
     */
    public CompletableFuture<Void> bootstrap(List<InetSocketAddress> seeds) {
        NodeContext c = ctx;
        List<CompletableFuture<?>> pings = new ArrayList<>();
        for (Contact saved : c.routing().all()) {
            pings.add(c.rpc().call(saved, new Message.Ping()).exceptionally(f -> null));
        }
        for (InetSocketAddress seed : seeds) {
            if (!seed.equals(transport.localAddress())) {
                pings.add(c.rpc().ping(seed).exceptionally(f -> null));
            }
        }
        return CompletableFuture.allOf(pings.toArray(CompletableFuture[]::new))
                .thenCompose(v -> c.lookup(key.nodeId(), LookupMode.NODES))
                .thenAccept(found -> {
                    maintenance.refreshFartherThanNeighbours();
                    if (c.routing().size() == 0 && !seeds.isEmpty()) {
                        LOG.warn("no seed answered: {}", seeds);
                    }
                });
    }

    /**
     * Checks that a Murmur DHT node answers at {@code address}, whose id is not known yet (a bootstrap node a user
     * typed in, say): a {@code PING}, then a {@code PROVE} that it holds the key its id is the hash of. Completes with
     * its id; fails when nothing answers within {@code dht.requestTimeout} or it cannot prove its key. The node must
     * have been started; a proven node joins its routing table like any seed.
     */
    public CompletableFuture<NodeId> ping(InetSocketAddress address) {
        NodeContext c = ctx;
        if (c == null) {
            throw new IllegalStateException("the node has not been started");
        }
        return c.rpc().ping(address).thenApply(Contact::id);
    }

    /** Writes an owned record to the k closest nodes. Fails with {@link DhtWriteException} when refused. */
    public CompletableFuture<PutResult> put(OwnedRecord record) {
        return writes.put(record).thenApply(result -> {
            maintenance.published(record);
            return result;
        });
    }

    /** The newest valid copy of the record under {@code key}, if any replica holds one. */
    public CompletableFuture<Optional<OwnedRecord>> get(NodeId key) {
        return getTraced(key).thenApply(TracedRead::record);
    }

    public CompletableFuture<TracedRead> getTraced(NodeId key) {
        return new OwnedReads(ctx).get(key);
    }

    /**
     * Adds, replaces or (with a tombstone) removes the writer's entry in a set, as it is: an entry without
     * {@code dht.setMinWorkBits} of work is refused here with {@link murmur.dht.WriteStatus#LOW_WORK}. Writers use
     * {@link #putEntry(SigningKey, SetEntry)}, which does the work.
     */
    public CompletableFuture<PutResult> putEntry(SetEntry entry) {
        return writes.putEntries(entry.setKey(), List.of(entry));
    }

    /**
     * Adds, replaces or removes {@code writer}'s entry in a set with the proof of work the holders ask for: at least
     * {@code dht.setMinWorkBits}, found once per set and writer and reused for later updates; when the holders answer
     * that the set is full, more (4 bits a round, up to {@code dht.setMaxWorkBits}), so that a newcomer can take the
     * place of the entry with the least work. The entry is signed again with the nonce found. Fails with
     * {@link DhtWriteException} when refused even so.
     */
    public CompletableFuture<PutResult> putEntry(SigningKey writer, SetEntry entry) {
        return workedWrites.put(writer, entry);
    }

    /** The live entries of a set, read page by page from several replicas, in writer-id order. */
    public CompletableFuture<List<SetEntry>> entries(NodeId setKey) {
        return new SetReads(ctx).entries(setKey);
    }

    /**
     * At most {@code atMost} live entries of a set, from the first pages of each replica (writer-id order), for
     * readers that want a sample of a set anyone may fill; replicas are not repaired from so partial a view.
     */
    public CompletableFuture<List<SetEntry>> entries(NodeId setKey, int atMost) {
        return new SetReads(ctx).entries(setKey, atMost);
    }

    /** Stops answering, saves the routing table and closes the data directory. */
    public CompletableFuture<Void> stop() {
        Scheduler.Cancellable t = ticker;
        if (t != null) {
            t.cancel();
        }
        CompletableFuture<Void> saved = disk.isPresent() && ctx != null
                ? disk.get().saveContacts(ctx.routing().all()) : CompletableFuture.completedFuture(null);
        CompletableFuture<Void> closed = transport == null
                ? CompletableFuture.completedFuture(null) : transport.close();
        // Closing waits for I/O threads, so it must not run on one: hop to the common pool first.
        return CompletableFuture.allOf(saved, closed).handle((v, f) -> null).thenRunAsync(() -> {
            disk.ifPresent(SqliteNodeStore::close);
            onStop.run();
        });
    }

    /**
     * Asks the node at {@code node} to dial this one back from sockets this node never contacted: a UDP ping to
     * {@code udpPort} and a TCP connect to {@code tcpPort} (0 skips one), both at the address this request comes
     * from as that node sees it. Fails when it does not answer or refuses (it limits how often one IP may ask).
     */
    public CompletableFuture<DialBackResult> dialBack(InetSocketAddress node, int udpPort, int tcpPort) {
        Duration wait = settings.requestTimeout().plus(DialBackServer.PROBE_TIMEOUT);
        return transport.request(node, new Message.DialBack(udpPort, tcpPort), wait).thenApply(answer -> {
            observed.report(node, answer.observed());
            if (answer.body() instanceof Message.DialBackResult r) {
                return new DialBackResult(r.udpReached(), r.tcpReached());
            }
            String why = answer.body() instanceof Message.ErrorReply e ? e.reason()
                    : "answered " + answer.body().getClass().getSimpleName();
            throw new CompletionException(new IllegalStateException(node + " did not dial back: " + why));
        });
    }

    /**
     * Asks up to three of {@code nodes} to {@link #dialBack} this one and takes the majority of their answers (a tie
     * is unreachable, no answer at all unknown). Never fails.
     */
    public CompletableFuture<DialBackVerdict> checkReachable(List<InetSocketAddress> nodes, int udpPort,
            int tcpPort) {
        return new DialBackCheck(this).run(nodes, udpPort, tcpPort);
    }

    /**
     * The IP address other nodes see this node's requests come from, once {@link ObservedAddresses#QUORUM} nodes
     * on different IPs agree on it (and more agree on it than on any other); empty until then.
     */
    public Optional<InetAddress> observedAddress() {
        return observed.believed();
    }

    /** Tells {@code listener} (on an I/O thread; it must not block) whenever {@link #observedAddress()} changes. */
    public void onObservedAddressChange(Consumer<Optional<InetAddress>> listener) {
        observed.onChange(listener);
    }

    /** The copy this node holds as a replica, if any; no network involved. */
    public Optional<OwnedRecord> localRecord(NodeId key) {
        return ctx.store().get(key);
    }

    public NodeId id() {
        return key.nodeId();
    }

    /**
     * The node's own key pair. Entries it signs carry the node id as writer, so a reader can check that an address
     * published that way belongs to the node that answers there. Keep it in-process.
     */
    public SigningKey signingKey() {
        return key;
    }

    /**
     * Client mode, for a node others cannot reach (libp2p kad-dht's client/server modes): it still looks up, reads
     * and writes, but its requests say it takes none (sender port 0), so no other node adds it to a routing table
     * or hands records to it. Turning it off announces the node at once: a lookup of its own id tells the nodes
     * closest to it, which add it, and refreshes do the rest. May be called before {@link #start()}.
     */
    public void clientMode(boolean on) {
        boolean was = clientMode;
        clientMode = on;
        Transport t = transport;
        if (t == null || was == on) {
            return;
        }
        t.clientOnly(on);
        LOG.info("DHT node {} now in {} mode", key.nodeId(), on ? "client" : "server");
        NodeContext c = ctx;
        if (!on && c != null) {
            c.lookup(key.nodeId(), LookupMode.NODES).exceptionally(e -> null);
        }
    }

    /** Whether the node is in {@linkplain #clientMode(boolean) client mode}. */
    public boolean clientMode() {
        return clientMode;
    }

    /** Whether this node's routing table holds {@code id}. */
    public boolean knows(NodeId id) {
        return ctx.routing().all().stream().anyMatch(c -> c.id().equals(id));
    }

    /** Where this node's routing table has {@code id}, if it holds it. */
    public Optional<InetSocketAddress> addressOf(NodeId id) {
        return ctx.routing().all().stream().filter(c -> c.id().equals(id)).map(Contact::address).findFirst();
    }

    /** Claims of identity that failed their proof (a wrong key, a bad signature, silence) since the start. */
    public long identityProofsFailed() {
        return ctx.rpc().identityProofs()[1];
    }

    /** Proofs of identity this node asked for and got since the start. */
    public long identityProofsPassed() {
        return ctx.rpc().identityProofs()[0];
    }

    public InetSocketAddress address() {
        return transport.localAddress();
    }

    public int routingTableSize() {
        return ctx.routing().size();
    }

    public int storedRecords() {
        return ctx.store().recordCount() + ctx.store().entryCount();
    }

    /** Set entries this node gave up for newcomers with more work because their set was full. */
    public long evictedEntries() {
        return ctx.store().evicted();
    }

    /** Bytes of records and set entries this node holds for others, as {@code dht.maxStoreBytes} counts them. */
    public long storedBytes() {
        return ctx.store().bytes();
    }

    public long rpcCount() {
        return ctx.rpc().rpcCount();
    }

    /** Runs the periodic work now: refresh, republish, expiry. Normally it runs on its own schedule. */
    public void runMaintenance() {
        maintenance.tick();
        disk.ifPresent(d -> d.saveContacts(ctx.routing().all()));
    }

    private void restore(RecordStore store) {
        disk.ifPresent(d -> {
            try {
                int restored = store.restore(d.loadRecords(), d.loadEntries());
                List<Contact> contacts = d.loadContacts();
                contacts.forEach(ctx.routing()::seen);
                LOG.info("restored {} records and {} contacts from disk", restored, contacts.size());
            } catch (SQLException e) {
                throw new CompletionException("cannot read the node database", e);
            }
        });
    }

    private void scheduleTick() {
        ticker = network.scheduler().schedule(maintenance.period(), () -> {
            try {
                runMaintenance();
            } catch (RuntimeException e) {
                LOG.warn("maintenance failed", e);
            }
            scheduleTick();
        });
    }

    /** Lets the transport bind before the handlers exist; requests before start completes get no answer. */
    private static final class RequestHandlersHolder implements InboundHandler {
        private final DhtObserver observer;
        volatile RequestHandlers delegate;

        RequestHandlersHolder(DhtObserver observer) {
            this.observer = observer;
        }

        @Override
        public void refused(InetSocketAddress from, String reason) {
            observer.refused(reason);
        }

        @Override
        public CompletableFuture<Message> handle(
                InetSocketAddress from, Packet request) {
            RequestHandlers d = delegate;
            if (d == null) {
                return CompletableFuture.failedFuture(new IllegalStateException("node still starting"));
            }
            return d.handle(from, request);
        }
    }
}
