package murmur.dht.node;

import murmur.dht.DhtObserver;
import murmur.dht.NodeId;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import murmur.config.DhtSettings;
import murmur.dht.lookup.Lookup;
import murmur.dht.lookup.LookupMode;
import murmur.dht.lookup.LookupResult;
import murmur.dht.routing.Contact;
import murmur.dht.routing.RoutingTable;
import murmur.dht.rpc.RpcClient;
import murmur.dht.store.RecordStore;
import murmur.dht.store.RecordValidator;

/** The parts of a running node that its operations share; {@code clientMode} says whether it is in client mode. */
record NodeContext(
        NodeId self, DhtSettings settings, Clock clock, RoutingTable routing, RecordStore store,
        RecordValidator validator, RpcClient rpc, DhtObserver observer, BooleanSupplier clientMode) {

    CompletableFuture<LookupResult> lookup(NodeId target, LookupMode mode) {
        routing.lookedUp(target);
        observer.lookupStarted(mode.name().toLowerCase(Locale.ROOT));
        return Lookup.start(rpc, self, target, mode, routing.closest(target, settings.k()));
    }

    /**
     * True when this node is one of the k closest to {@code key}, given the closest others that answered. Never in
     * client mode: nobody would ask it.
     */
    boolean isReplica(NodeId key, List<Contact> closestOthers) {
        if (clientMode.getAsBoolean()) {
            return false;
        }
        if (closestOthers.size() < settings.k()) {
            return true;
        }
        return key.compareDistance(self, closestOthers.get(settings.k() - 1).id()) < 0;
    }
}
