package murmur.timeline.dissemination;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import murmur.dht.SigningKey;
import murmur.timeline.Post;
import murmur.timeline.TimelineService;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.testing.Mallory;
import murmur.timeline.testing.MemoryNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes of posts by authors the local user does not follow (issue 14, item 6e). The tree carries an author's posts
 * to the author's followers only, so anything else pushed here is somebody filling this peer's disk.
 */
class UnfollowedPushAttackTest {
    private static final String PASSWORD = "quartz lantern meadow 7";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MemoryNet net;

    @BeforeAll
    static void network() {
        net = MemoryNet.start(3, List.of());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void aPushByAnAuthorNobodyHereFollowsIsRefusedAndNotStored(@TempDir Path a, @TempDir Path b, @TempDir Path c) {
        TimelinePeer home = net.peer(a);
        TimelineService victim = await(home.register("up_victim", PASSWORD));
        await(await(net.peer(b).register("up_star", "quartz lantern meadow 2")).logout());
        await(await(net.peer(c).register("up_mallory", "quartz lantern meadow 3")).logout());
        await(victim.follow("up_star"));
        Mallory mallory = new Mallory(net.reader());
        DirectLink link = net.link();

        byte[] unwanted = push(home, first(mallory.keyOf("up_mallory", "quartz lantern meadow 3"), "up_mallory"), link);
        assertThat(link.request(to(home), LinkTypes.PUSH, unwanted)).as("refused").failsWithin(WAIT);
        assertThat(await(victim.postsBy("up_mallory"))).as("not stored").isEmpty();

        byte[] wanted = push(home, first(mallory.keyOf("up_star", "quartz lantern meadow 2"), "up_star"), link);
        assertThat(link.request(to(home), LinkTypes.PUSH, wanted)).succeedsWithin(WAIT);
        assertThat(await(victim.postsBy("up_star"))).extracting(Post::text).containsExactly("hello");
    }

    private static Post first(SigningKey key, String author) {
        return Post.sign(key, author, 1, new byte[Post.HASH_BYTES], Instant.now().minusSeconds(1), "hello");
    }

    private static byte[] push(TimelinePeer to, Post post, DirectLink from) {
        return PushCodec.encode(new PushMessage(post, 1, PeerAddresses.format(from.address()),
                List.of(new Hop("up_victim", PeerAddresses.format(to.peerAddress())))));
    }

    private static List<PeerAddress> to(TimelinePeer peer) {
        return List.of(PeerAddress.direct(peer.peerAddress()));
    }
}
