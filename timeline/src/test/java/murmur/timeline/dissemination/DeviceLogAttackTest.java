package murmur.timeline.dissemination;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import murmur.dht.NodeId;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.TimelineService;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.records.DevicesValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.MergedRecord;
import murmur.timeline.records.RecordWriter;
import murmur.timeline.testing.Mallory;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a post of a device log counts only when the chain account key → device certificate
 * ({@code devices/<name>}, signed by the account key) → post holds, and not after the device was revoked. Each case
 * pushes a post straight at a follower's peer, as an attacker on the network would; the in-memory tier.
 */
class DeviceLogAttackTest {
    private static MemoryNet net;
    private static Mallory mallory;
    private static DirectLink link;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of());
        mallory = new Mallory(net.reader());
        link = net.link();
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    /** A follower of {@code star} on a peer of its own, and {@code star}, registered and signed out. */
    private record Stage(TimelinePeer home, TimelineService follower, String star, String password) {
        SigningKey accountKey() {
            return mallory.keyOf(star, password);
        }

        RecordWriter account() {
            return new RecordWriter(net.reader(), accountKey(), Clock.systemUTC());
        }
    }

    private static Stage stage(Path a, Path b, String star) {
        String password = "quartz lantern meadow 5";
        TimelinePeer home = net.peer(a);
        TimelineService follower = await(home.register(star + "_fan", "quartz lantern meadow 6"));
        await(await(net.peer(b).register(star, password)).logout());
        await(follower.follow(star));
        return new Stage(home, follower, star, password);
    }

    /**
     * Lists {@code entries} beside the account's devices, signed by {@code writer} (the account, or not); whether a
     * replica took the record.
     */
    private static boolean list(RecordWriter writer, Stage s, DevicesValue.Entry... entries) {
        NodeId key = Keys.devices(s.star());
        MergedRecord<DevicesValue> record = new MergedRecord<>(new RecordWriter(net.reader(), s.accountKey(),
                Clock.systemUTC()), key, DevicesValue.class, "devices/" + s.star(), DevicesValue.EMPTY,
                Mallory.TTL, v -> v, (x, y) -> false);
        List<DevicesValue.Entry> all = new ArrayList<>(await(record.read()).value().devices());
        all.addAll(List.of(entries));
        return Mallory.accepted(writer.put(key, new DevicesValue(all), writer.nextSeq(Instant.now().toEpochMilli()),
                Mallory.TTL));
    }

    private static DevicesValue.Entry device(SigningKey key, long revokedAt) {
        return new DevicesValue.Entry(DevicesValue.idOf(key.publicKey()), key.publicKey(), "stolen laptop",
                1, revokedAt);
    }

    private static boolean pushed(Stage s, Post post) {
        byte[] body = PushCodec.encode(new PushMessage(post, 1, PeerAddresses.format(link.address()),
                List.of(new Hop(s.follower().user(),
                        PeerAddresses.format(s.home().peerAddress())))));
        return link.request(List.of(PeerAddress.direct(s.home().peerAddress())), LinkTypes.PUSH, body)
                .handle((answer, e) -> e == null).join();
    }

    private static Post signed(SigningKey key, String author, String device, long seq, byte[] prev, Instant at) {
        return Post.sign(key, author, device, seq, prev, at, "post " + seq + " of " + device);
    }

    private static List<String> held(Stage s) {
        return await(s.follower().postsBy(s.star())).stream().map(Post::text).toList();
    }

    @Test
    void aPostOfADeviceTheAccountNeverListedIsRefused(@TempDir Path a, @TempDir Path b) {
        Stage s = stage(a, b, "dl_never");
        SigningKey made = SigningKey.generate();
        Post post = signed(made, s.star(), DevicesValue.idOf(made.publicKey()), 1, new byte[Post.HASH_BYTES],
                Instant.now().minusSeconds(1));
        assertThat(pushed(s, post)).as("refused").isFalse();
        assertThat(held(s)).isEmpty();
    }

    @Test
    void aDeviceListSignedByAnotherKeyCertifiesNothing(@TempDir Path a, @TempDir Path b) {
        Stage s = stage(a, b, "dl_forged");
        SigningKey made = SigningKey.generate();
        list(mallory.stranger(), s, device(made, 0));
        Post post = signed(made, s.star(), DevicesValue.idOf(made.publicKey()), 1, new byte[Post.HASH_BYTES],
                Instant.now().minusSeconds(1));
        assertThat(pushed(s, post)).as("refused").isFalse();
        assertThat(held(s)).isEmpty();
    }

    @Test
    void aListedDeviceCountsButNotAPostSignedInItsNameByAnotherKey(@TempDir Path a, @TempDir Path b) {
        Stage s = stage(a, b, "dl_listed");
        SigningKey laptop = SigningKey.generate();
        String id = DevicesValue.idOf(laptop.publicKey());
        assertThat(list(s.account(), s, device(laptop, 0))).isTrue();
        Post first = signed(laptop, s.star(), id, 1, new byte[Post.HASH_BYTES], Instant.now().minusSeconds(2));
        assertThat(pushed(s, first)).as("the chain holds").isTrue();

        Post forged = signed(SigningKey.generate(), s.star(), id, 2, first.hash(), Instant.now().minusSeconds(1));
        assertThat(pushed(s, forged)).as("signed by a key the list does not certify").isFalse();
        Post inTheAccountsName = signed(s.accountKey(), s.star(), id, 2, first.hash(), Instant.now().minusSeconds(1));
        assertThat(pushed(s, inTheAccountsName)).as("a device log takes only its device's signature").isFalse();
        assertThat(held(s)).containsExactly("post 1 of " + id);
    }

    @Test
    void aRevokedDevicesPostsFromBeforeTheRevocationStayAndLaterOnesAreRefused(@TempDir Path a, @TempDir Path b) {
        Stage s = stage(a, b, "dl_revoked");
        SigningKey stolen = SigningKey.generate();
        String id = DevicesValue.idOf(stolen.publicKey());
        Instant revokedAt = Instant.now().minusSeconds(30);
        assertThat(list(s.account(), s, device(stolen, revokedAt.toEpochMilli()))).isTrue();

        Post before = signed(stolen, s.star(), id, 1, new byte[Post.HASH_BYTES], revokedAt.minusSeconds(60));
        assertThat(pushed(s, before)).as("written while the device was the account's").isTrue();
        Post after = signed(stolen, s.star(), id, 2, before.hash(), Instant.now().minusSeconds(1));
        assertThat(pushed(s, after)).as("dated after the revocation").isFalse();
        assertThat(held(s)).containsExactly("post 1 of " + id);
    }

    @Test
    void theLegacyLogSignedByTheAccountKeyStillCounts(@TempDir Path a, @TempDir Path b) {
        Stage s = stage(a, b, "dl_legacy");
        Post old = Post.sign(s.accountKey(), s.star(), 1, new byte[Post.HASH_BYTES], Instant.now().minusSeconds(1),
                "from before devices");
        assertThat(old.device()).isEqualTo(Post.LEGACY_DEVICE);
        assertThat(pushed(s, old)).isTrue();
        assertThat(held(s)).containsExactly("from before devices");
    }
}
