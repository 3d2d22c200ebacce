package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import murmur.config.DhtSettings;
import murmur.dht.NodeId;
import murmur.dht.routing.Contact;
import murmur.dht.routing.RoutingTable;
import murmur.dht.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to contacts and keeps the routing table honest: answers refresh a contact, silence counts
 * against it, and an answer from a different node than expected counts as silence.
 */
public final class RpcClient {
    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);

    private final Transport transport;
    private final RoutingTable routing;
    private final Scheduler scheduler;
    private final DhtSettings settings;
    private final AtomicLong rpcs = new AtomicLong();
    private final RoundTripEstimator rtt;
    private final Set<NodeId> evictionPings = ConcurrentHashMap.newKeySet();
    private final ObservedAddresses observed;
    private final ContactProofs proofs;

    public RpcClient(Transport transport, RoutingTable routing, Scheduler scheduler, DhtSettings settings,
            ObservedAddresses observed) {
        this.transport = transport;
        this.observed = observed;
        this.routing = routing;
        this.scheduler = scheduler;
        this.settings = settings;
        this.rtt = new RoundTripEstimator(settings.stallFloor(), settings.requestTimeout());
        this.proofs = new ContactProofs(transport, scheduler);
        transport.validatedBy(new Transport.AddressValidator() {
            @Override
            public boolean isValidated(InetSocketAddress address) {
                return proofs.isProvenAddress(address);
            }

            @Override
            public CompletableFuture<Boolean> validate(InetSocketAddress address, NodeId claimed) {
                return proofs.prove(new Contact(claimed, address));
            }
        });
    }

    public CompletableFuture<Message> call(Contact to, Message request) {
        rpcs.incrementAndGet();
        long start = scheduler.nanoTime();
        return transport.request(to.address(), request).handle((answer, failure) -> {
            if (failure != null || !answer.senderId().equals(to.id())) {
                routing.failed(to);
                throw failure != null ? asRuntime(failure) : new RpcTimeoutException(to.address(), "wrong node");
            }
            rtt.sample(scheduler.nanoTime() - start);
            proofs.answeredFrom(to.address());
            observe(to);
            observed.report(to.address(), answer.observed());
            return answer.body();
        });
    }

    /**
     * Pings an address whose node id we do not know yet (a bootstrap seed) and learns its contact, once it has
     * proven its key; fails when it does not.
     */
    public CompletableFuture<Contact> ping(InetSocketAddress address) {
        rpcs.incrementAndGet();
        return transport.request(address, new Message.Ping()).thenCompose(answer -> {
            Contact contact = new Contact(answer.senderId(), address);
            proofs.answeredFrom(address);
            observed.report(address, answer.observed());
            return proofs.prove(contact).thenApply(proven -> {
                if (!proven) {
                    throw new RpcTimeoutException(address, "did not prove it holds the key of node " + contact.id());
                }
                admit(contact);
                return contact;
            });
        });
    }

    /**
     * Records a contact that proved alive. A contact the table does not hold at this address must first prove it
     * holds its id's key ({@link ContactProofs}); only then does it enter, or move to the new address. When its
     * bucket is full, the least recently seen member is pinged if it has been silent for a while, and only if it
     * stays silent is the newcomer asked for its proof and let in: proofs are spent only on contacts that would
     * enter. A newcomer to a bucket of members all heard from lately is not let in.
     */
    public void observe(Contact contact) {
        if (routing.holds(contact) || proofs.isProven(contact)) {
            admit(contact);
        } else if (routing.hasRoomFor(contact)) {
            proveThenAdmit(contact);
        } else {
            routing.oldestToCheck(contact).ifPresent(oldest -> replaceIfSilent(oldest, contact));
        }
    }

    private void proveThenAdmit(Contact contact) {
        proofs.prove(contact).thenAccept(proven -> {
            if (proven) {
                admit(contact);
            }
        });
    }

    private void replaceIfSilent(Contact oldest, Contact newcomer) {
        if (evictionPings.add(oldest.id())) {
            call(oldest, new Message.Ping()).whenComplete((pong, failure) -> {
                evictionPings.remove(oldest.id());
                if (failure != null) {
                    LOG.debug("{} stayed silent; asking {} to prove its key", oldest, newcomer);
                    proveThenAdmit(newcomer);
                }
            });
        }
    }

    /** Proofs of identity that held, that did not (wrong key, bad signature, silence), and claims not checked. */
    public long[] identityProofs() {
        return new long[] {proofs.passed(), proofs.failed(), proofs.skipped()};
    }

    private void admit(Contact contact) {
        Optional<Contact> oldest = routing.seen(contact);
        if (oldest.isPresent() && evictionPings.add(oldest.get().id())) {
            Contact lrs = oldest.get();
            call(lrs, new Message.Ping()).whenComplete((pong, failure) -> {
                evictionPings.remove(lrs.id());
                if (failure != null) {
                    LOG.debug("evicting silent contact {}", lrs);
                }
            });
        }
    }

    /** A request to {@code contact} stalled: rank it behind healthy contacts until it answers. */
    public void stalled(Contact contact) {
        routing.suspect(contact);
    }

    /** How long a lookup waits on one request before it also asks someone else. */
    public Duration stallTimeout() {
        return rtt.stallTimeout();
    }

    public long rpcCount() {
        return rpcs.get();
    }

    public Transport transport() {
        return transport;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public DhtSettings settings() {
        return settings;
    }

    private static RuntimeException asRuntime(Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.CompletionException && t.getCause() != null
                ? t.getCause() : t;
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
}
