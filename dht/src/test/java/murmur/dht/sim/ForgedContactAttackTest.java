package murmur.dht.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import murmur.config.DhtSettings;
import murmur.config.SettingsLoader;
import murmur.dht.NodeId;
import murmur.dht.SigningKey;
import murmur.dht.node.DhtNode;
import murmur.dht.routing.Contact;
import murmur.dht.rpc.Transport;
import murmur.dht.wire.Message;
import org.junit.jupiter.api.Test;

/**
 * Attack: claiming another node's id. Every packet carries its sender's public key, and a node's id is that key's
 * hash, but the key is public: before node proofs, one PING with an honest node's key from the attacker's address
 * moved that id to the attacker in the victim's routing table, and a list of contacts naming the honest id at the
 * attacker's address did the same. Now a contact enters a table, or moves in it, only after signing a fresh
 * challenge with the key behind its id (failed on the old code: the victim's table pointed at the attacker).
 */
class ForgedContactAttackTest {
    private final DhtSettings settings = SettingsLoader.load(Optional.empty(), List.of("dht.k=8")).dht();
    private final DhtSimulation sim = new DhtSimulation(settings, 31);

    @Test
    void aPingWithSomeoneElsesKeyDoesNotMoveTheirIdToTheAttacker() {
        sim.grow(30);
        DhtNode victim = sim.nodes().get(0);
        DhtNode honest = knownTo(victim);
        InetSocketAddress real = victim.addressOf(honest.id()).orElseThrow();
        Transport attacker = impostorOf(honest, new Message.Ping());

        sim.network().await(attacker.request(victim.address(), new Message.Ping()).handle((p, e) -> null));
        sim.network().runFor(Duration.ofSeconds(30));

        assertThat(victim.addressOf(honest.id())).as("where the victim looks for %s", honest.id()).contains(real);
        assertThat(victim.identityProofsFailed()).as("failed proofs at the victim").isPositive();
    }

    @Test
    void contactListsThatPlaceAnIdAtTheAttackerAreNotBelieved() {
        sim.grow(30);
        DhtNode victim = sim.nodes().get(0);
        DhtNode honest = knownTo(victim);
        InetSocketAddress real = victim.addressOf(honest.id()).orElseThrow();
        // The attacker answers every request as the honest node would, but cannot sign its challenges; its lists of
        // contacts name the honest id at the attacker's own address.
        InetSocketAddress[] self = new InetSocketAddress[1];
        Transport attacker = sim.network().bind(null, honest.signingKey().publicKey(), (from, request) ->
                CompletableFuture.completedFuture(request.body() instanceof Message.Prove
                        ? new Message.Proof(new byte[64])
                        : new Message.Nodes(List.of(new Contact(honest.id(), self[0]))))).join();
        self[0] = attacker.localAddress();
        NodeId nearHonest = honest.id();

        // The victim hears of the attacker (as the honest id) from a list of contacts, and asks it during a lookup.
        sim.network().await(attacker.request(victim.address(), new Message.FindNode(nearHonest))
                .handle((p, e) -> null));
        sim.network().await(victim.get(nearHonest));
        sim.network().runFor(Duration.ofSeconds(30));

        assertThat(victim.addressOf(honest.id())).contains(real);
        assertThat(sim.nodes()).as("nodes whose table points the honest id at the attacker")
                .noneMatch(n -> n.addressOf(honest.id()).filter(self[0]::equals).isPresent());
    }

    @Test
    void aNodeThatReallyMovedIsFollowedOnceItProvesItsKey() {
        sim.grow(30);
        DhtNode victim = sim.nodes().get(0);
        DhtNode honest = knownTo(victim);
        SigningKey key = honest.signingKey();
        sim.network().kill(honest.address());
        DhtNode moved = DhtNode.builder().settings(settings).network(sim.network()).signingKey(key)
                .random(new Random(4)).build();
        sim.network().await(moved.start());

        sim.network().await(moved.bootstrap(List.of(victim.address())));
        sim.network().runFor(Duration.ofSeconds(10));

        assertThat(victim.addressOf(key.nodeId())).contains(moved.address());
    }

    /** A node the victim's routing table holds. */
    private DhtNode knownTo(DhtNode victim) {
        return sim.nodes().stream().skip(1).filter(n -> victim.knows(n.id())).findFirst().orElseThrow();
    }

    /** An endpoint that stamps its packets with {@code honest}'s public key and answers everything with {@code m}. */
    private Transport impostorOf(DhtNode honest, Message m) {
        return sim.network().bind(null, honest.signingKey().publicKey(),
                (from, request) -> CompletableFuture.completedFuture(request.body() instanceof Message.Prove
                        ? new Message.Proof(new byte[64]) : m)).join();
    }
}
