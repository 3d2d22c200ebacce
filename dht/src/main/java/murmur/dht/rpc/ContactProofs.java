package murmur.dht.rpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import murmur.dht.routing.Contact;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import murmur.transport.Ed25519;

/**
 * Proves that a node holds the key its id is the hash of, before it enters the routing table or moves there to
 * another address (S/Kademlia's signed challenge): a {@link Message.Prove} with a fresh random nonce goes to the
 * address it claims, and only an answer from that id whose signature over the nonce checks lets it in. A forged
 * sighting (someone else's id from the attacker's address, in a request or in a list of contacts) thus never
 * points the table at the attacker. Proven (id, address) pairs are remembered for {@link #PROVEN_FOR} (at most
 * {@link #REMEMBERED}), so a node proves each contact once however often it hears from it; at most
 * {@link #IN_FLIGHT} proofs run at once, and claims beyond that wait for a later sighting.
 */
final class ContactProofs {
    static final int IN_FLIGHT = 64;
    static final int REMEMBERED = 8192;
    static final Duration PROVEN_FOR = Duration.ofHours(1);

    private final Transport transport;
    private final Scheduler scheduler;
    private final Map<Contact, CompletableFuture<Boolean>> running = new ConcurrentHashMap<>();
    private final Map<Contact, Long> proven = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Contact, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<InetSocketAddress, Long> provenAddresses = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final AtomicLong passed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    ContactProofs(Transport transport, Scheduler scheduler) {
        this.transport = transport;
        this.scheduler = scheduler;
    }

    /**
     * Records that {@code address} answered one of our requests (matched by its unpredictable request id): whoever
     * sits there receives what is sent to it, so answers to it cannot be aimed at a victim, though no key is proven.
     */
    void answeredFrom(InetSocketAddress address) {
        synchronized (proven) {
            provenAddresses.put(address, scheduler.nanoTime() + PROVEN_FOR.toNanos());
        }
    }

    /**
     * Whether some node proved its key at {@code address}, or answered a request there, lately: answers to it cannot
     * be aimed at a victim.
     */
    boolean isProvenAddress(InetSocketAddress address) {
        Long until;
        synchronized (proven) {
            until = provenAddresses.get(address);
        }
        return until != null && until - scheduler.nanoTime() > 0;
    }

    /** Whether {@code contact} proved its key at this very address lately. */
    boolean isProven(Contact contact) {
        Long until;
        synchronized (proven) {
            until = proven.get(contact);
        }
        return until != null && until - scheduler.nanoTime() > 0;
    }

    /**
     * Completes with true once {@code contact} has proven its key at its address (at once if it did lately), false
     * when it fails to, stays silent, or too many proofs are running.
     */
    CompletableFuture<Boolean> prove(Contact contact) {
        if (isProven(contact)) {
            return CompletableFuture.completedFuture(true);
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> current = running.putIfAbsent(contact, mine);
        if (current != null) {
            return current;
        }
        if (running.size() > IN_FLIGHT) {
            running.remove(contact, mine);
            skipped.incrementAndGet();
            mine.complete(false);
            return mine;
        }
        byte[] nonce = new byte[Message.Prove.PROOF_NONCE_BYTES];
        Unpredictable.nextBytes(nonce);
        Message.Prove challenge = new Message.Prove(nonce);
        transport.request(contact.address(), challenge).handle((answer, error) -> error == null
                && checks(contact, challenge, answer)).thenAccept(ok -> {
                    if (ok) {
                        synchronized (proven) {
                            long until = scheduler.nanoTime() + PROVEN_FOR.toNanos();
                            proven.put(contact, until);
                            provenAddresses.put(contact.address(), until);
                        }
                        passed.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    running.remove(contact, mine);
                    mine.complete(ok);
                });
        return mine;
    }

    private static boolean checks(Contact contact, Message.Prove challenge, Packet answer) {
        return answer.senderId().equals(contact.id()) && answer.body() instanceof Message.Proof proof
                && Ed25519.verify(answer.senderKey(), challenge.signed(), proof.signature());
    }

    long passed() {
        return passed.get();
    }

    /** Claims that did not hold: a wrong key, a bad signature, or silence. */
    long failed() {
        return failed.get();
    }

    long skipped() {
        return skipped.get();
    }
}
