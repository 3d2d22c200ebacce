package murmur.dht.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import murmur.dht.NodeId;
import murmur.dht.SigningKey;
import murmur.dht.rpc.InboundHandler;
import murmur.dht.wire.Message;
import murmur.dht.wire.Packet;
import org.junit.jupiter.api.Test;

/**
 * Attack: flooding one node from one address. Before per-source limits every request reached the handlers (lookups,
 * signature checks, disk writes) however fast it came; now each source IP has token buckets for requests and for
 * stores, and what is over them is refused with a clear error and counted, without sockets here (the dispatcher is
 * what UDP and TCP both hand requests to). Failed on the old code: all 5,000 requests reached the handler.
 */
class FloodAttackTest {
    private static final InetSocketAddress ATTACKER = address("203.0.113.7");
    private static final InetSocketAddress NEIGHBOUR = address("198.51.100.9");
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger handled = new AtomicInteger();
    private final List<String> refusals = new ArrayList<>();
    private final InboundDispatcher dispatcher = new InboundDispatcher(new InboundHandler() {
        @Override
        public CompletableFuture<Message> handle(InetSocketAddress from, Packet request) {
            handled.incrementAndGet();
            return CompletableFuture.completedFuture(new Message.Pong());
        }

        @Override
        public void refused(InetSocketAddress from, String reason) {
            refusals.add(reason);
        }
    }, new SourceLimits(100, 10, now::get));
    private final byte[] key = SigningKey.generate().publicKey();

    @Test
    void aFloodFromOneAddressIsCutToItsRateAndOthersAreServed() {
        int answered = 0;
        for (int i = 0; i < 5000; i++) {
            answered += dispatcher.handle(ATTACKER, ping()).join() instanceof Message.Pong ? 1 : 0;
        }
        assertThat(answered).as("a burst of twice the rate, then nothing").isEqualTo(200);
        assertThat(refusals).hasSize(4800).containsOnly("rate_limited");
        assertThat(dispatcher.handle(ATTACKER, ping()).join())
                .isEqualTo(new Message.ErrorReply(InboundDispatcher.RATE_LIMITED));
        assertThat(dispatcher.handle(NEIGHBOUR, ping()).join()).as("another address").isEqualTo(new Message.Pong());

        now.addAndGet(1_000_000_000L);
        assertThat(dispatcher.handle(ATTACKER, ping()).join()).as("a second later").isEqualTo(new Message.Pong());
        assertThat(handled).hasValue(202);
    }

    @Test
    void storesHaveTheirOwnSmallerBucket() {
        int stored = 0;
        for (int i = 0; i < 100; i++) {
            Message answer = dispatcher.handle(ATTACKER, store()).join();
            stored += answer instanceof Message.Pong ? 1 : 0;
        }
        assertThat(stored).isEqualTo(20);
        assertThat(dispatcher.handle(ATTACKER, ping()).join()).as("reads still pass").isEqualTo(new Message.Pong());
    }

    @Test
    void thisMachineIsNotLimited() {
        InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), 4000);
        for (int i = 0; i < 1000; i++) {
            assertThat(dispatcher.handle(local, ping()).join()).isEqualTo(new Message.Pong());
        }
    }

    private Packet ping() {
        return new Packet(1L, key, 4000, new Message.Ping());
    }

    private Packet store() {
        return new Packet(1L, key, 4000, new Message.StoreEntries(NodeId.ofKey("a-set"), List.of()));
    }

    private static InetSocketAddress address(String ip) {
        try {
            return new InetSocketAddress(InetAddress.getByName(ip), 4000);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
