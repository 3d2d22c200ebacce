package murmur.dht.node;

import murmur.dht.DhtObserver;
import murmur.dht.NodeId;
import murmur.dht.WriteStatus;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.dht.routing.Contact;
import murmur.dht.routing.RoutingTable;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.rpc.RpcClient;
import murmur.dht.store.RecordStore;
import murmur.dht.store.SetSlice;
import murmur.dht.store.WriteOutcome;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import murmur.transport.Signer;

/**
 * Answers the requests other nodes send: one method per message type. The sender becomes a contact once it has
 * proven its id ({@link RpcClient#observe}).
 */
final class RequestHandlers implements InboundHandler {
    private final DhtSettings settings;
    private final RoutingTable routing;
    private final RecordStore store;
    private final RpcClient rpc;
    private final DhtObserver observer;
    private final DialBackServer dialBacks;
    /** This node's key: it signs the challenges that ask it to prove its id. */
    private final Signer key;

    RequestHandlers(DhtSettings settings, RoutingTable routing, RecordStore store, RpcClient rpc,
            DhtObserver observer, DialBackServer dialBacks, Signer key) {
        this.key = key;
        this.dialBacks = dialBacks;
        this.settings = settings;
        this.routing = routing;
        this.store = store;
        this.rpc = rpc;
        this.observer = observer;
    }

    @Override
    public CompletableFuture<Message> handle(InetSocketAddress from, Packet request) {
        InetSocketAddress listening = new InetSocketAddress(from.getAddress(), request.senderPort());
        Contact sender = new Contact(request.senderId(), listening);
        if (request.fromClient()) {
            observer.clientRequestReceived();
        } else {
            rpc.observe(sender);
        }
        Message body = request.body();
        if (body instanceof Message.Ping) {
            observer.requestReceived("ping");
            return done(new Message.Pong());
        } else if (body instanceof Message.FindNode m) {
            observer.requestReceived("find_node");
            return done(closest(m.target(), sender));
        } else if (body instanceof Message.FindValue m) {
            observer.requestReceived("find_value");
            return done(findValue(m, sender));
        } else if (body instanceof Message.FindSet m) {
            observer.requestReceived("find_set");
            return done(findSet(m, sender));
        } else if (body instanceof Message.Store m) {
            observer.requestReceived("store");
            return reply(store.put(m.record()));
        } else if (body instanceof Message.StoreEntries m) {
            observer.requestReceived("store_entries");
            return reply(store.putEntries(m.key(), m.entries()));
        } else if (body instanceof Message.Prove m) {
            observer.requestReceived("prove");
            return done(new Message.Proof(key.sign(m.signed())));
        } else if (body instanceof Message.DialBack m) {
            observer.requestReceived("dial_back");
            return dialBacks.handle(from, m);
        }
        return done(new Message.ErrorReply("not a request: " + body.getClass().getSimpleName()));
    }

    private Message findValue(Message.FindValue m, Contact sender) {
        return store.get(m.key()).<Message>map(Message.ValueFound::new).orElseGet(() -> closest(m.key(), sender));
    }

    private Message findSet(Message.FindSet m, Contact sender) {
        if (m.after() == null && !store.hasSet(m.key())) {
            return closest(m.key(), sender);
        }
        int limit = Math.max(1, Math.min(m.limit(), settings.setPageSize()));
        SetSlice slice = store.page(m.key(), m.after(), limit);
        if (m.after() == null && slice.entries().isEmpty()) {
            return closest(m.key(), sender);
        }
        return new Message.SetPage(m.key(), slice.entries(), slice.more());
    }

    private Message.Nodes closest(NodeId target, Contact sender) {
        List<Contact> closest = routing.closest(target, settings.k() + 1);
        closest.removeIf(c -> c.id().equals(sender.id()));
        return new Message.Nodes(closest.subList(0, Math.min(settings.k(), closest.size())));
    }

    private CompletableFuture<Message> reply(WriteOutcome outcome) {
        if (outcome.status() != WriteStatus.OK) {
            observer.refused("store_" + outcome.status().name().toLowerCase(Locale.ROOT));
        }
        return outcome.durable().thenApply(v -> new Message.StoreResult(outcome.status(), outcome.accepted()));
    }

    private static CompletableFuture<Message> done(Message m) {
        return CompletableFuture.completedFuture(m);
    }
}
