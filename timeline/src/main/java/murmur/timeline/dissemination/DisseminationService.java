package murmur.timeline.dissemination;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import murmur.config.TimelineSettings;
import murmur.dht.node.DhtNode;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.presence.PeerAddresses;
import murmur.timeline.Fanout;
import murmur.timeline.Post;
import murmur.timeline.follow.FollowGraph;
import murmur.timeline.identity.UserDirectory;
import murmur.timeline.link.LinkTypes;
import murmur.timeline.link.RequestHandler;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.post.PostIntake;
import murmur.timeline.post.PostRules;
import murmur.timeline.post.PostStore;
import murmur.timeline.presence.PresenceService;
import murmur.timeline.session.Direct;
import murmur.timeline.session.Dissemination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's dissemination: new posts go down a tree of the author's online followers ({@link Relay}), missed ones
 * are fetched at login and after a follow ({@link CatchUp}), and this peer serves its posts to others who catch up.
 * Register {@link #handlers()} on the peer link.
 */
public final class DisseminationService implements Dissemination {
    private static final Logger LOG = LoggerFactory.getLogger(DisseminationService.class);

    private final PeerDirectory directory;
    private final PostStore posts;
    private final LocalUser local;
    private final Relay relay;
    private final CatchUp catchUp;
    private final CatchUpServer server;
    private final FollowedAuthors pushed;
    private final Direct direct;
    private final ProbeSink probes;
    private final Live<Fanout> fanout;

    /**
     * @param selfAddress where this peer's link listens now: every address it publishes, best first, comma-joined
     */
    public DisseminationService(Direct direct, DhtNode dht, PostStore posts, UserDirectory users,
            TimelineSettings settings, Clock clock, ScheduledExecutorService scheduler, Supplier<String> selfAddress,
            LocalUser local) {
        FanoutSettings shape = FanoutSettings.from(settings);
        this.directory = new DhtPeerDirectory(new FollowGraph(dht, users),
                PresenceService.reader(users, clock, settings.presenceTtl()), clock, settings.presenceRefresh());
        this.posts = posts;
        this.local = local;
        this.direct = direct;
        PostRules rules = new PostRules(settings.maxPostChars(), settings.maxFutureSkew());
        Intake intake = new CheckedIntake(posts, new PostIntake(users, rules, posts, clock, local::postsChanged));
        Intake watched = new GapWatch(intake, posts, local::name, this::catchUp, clock);
        this.pushed = new FollowedAuthors(watched, local::follows);
        this.relay = new Relay(direct, pushed, local::holder, selfAddress, shape, this::delivered, scheduler,
                directory::onlineAddress, users::publicKey);
        if (settings.fixedFanoutDegree().isEmpty() && settings.uplinkBitsPerSecond().isEmpty()) {
            MeasuredDegree measured = new MeasuredDegree(new UplinkProbe(direct, System::nanoTime), clock);
            relay.measureUplink(measured);
            this.fanout = measured.fanout();
        } else {
            Fanout.Basis basis = settings.fixedFanoutDegree().isPresent() ? Fanout.Basis.SET_DEGREE
                    : Fanout.Basis.SET_UPLINK;
            this.fanout = new LiveValue<>(new Fanout(shape.degree(), settings.uplinkBitsPerSecond().orElse(0), basis));
        }
        this.catchUp = new CatchUp(direct, posts, intake, directory, new FeedHeads(users)::heads, shape);
        this.server = new CatchUpServer(posts, shape.pageSize());
        this.probes = new ProbeSink(System::nanoTime);
    }

    /** The request handlers to register on the peer link, by message type. */
    public Map<Integer, RequestHandler> handlers() {
        return Map.of(LinkTypes.PUSH, relay::onPush, LinkTypes.RECEIPT, relay::onReceipt,
                LinkTypes.FETCH, server::onFetch, LinkTypes.UPLINK_PROBE, probes::onProbe);
    }

    @Override
    public void published(Post post) {
        directory.onlineFollowers(post.author())
                .thenApply(followers -> followers.stream().filter(f -> !local.blocks(f.name())).toList())
                .thenCompose(followers -> relay.publish(post, FanoutOrder.of(post, followers)))
                .whenComplete((report, e) -> {
                    if (e != null) {
                        LOG.warn("{} did not go out to the followers: {}", post, e.getMessage());
                    } else {
                        LOG.debug("{} sent to {} peers directly, {} of them failed", post, report.sent(),
                                report.failed());
                    }
                });
    }

    @Override
    public CompletableFuture<Integer> catchUp(String user, Set<String> authors) {
        return catchUp.run(user, authors);
    }

    @Override
    public void toOwnDevices(Post post, List<String> devices) {
        for (String device : devices) {
            List<PeerAddress> to = PeerAddresses.parseAll(device);
            if (to.isEmpty()) {
                continue;
            }
            byte[] body = PushCodec.encode(new PushMessage(post, 1, "", List.of(new Hop(post.author(), device))));
            direct.request(to, LinkTypes.PUSH, body).exceptionally(e -> {
                LOG.debug("{} did not reach the device at {}: {}", post, device, e.getMessage());
                return null;
            });
        }
    }

    @Override
    public CompletableFuture<Integer> catchUpOwn(String user, List<String> devices) {
        return catchUp.own(user, devices);
    }

    /** How the local user's posts leave: the tree's degree and the uplink it was picked for, as they change. */
    public Live<Fanout> fanout() {
        return fanout;
    }

    /** Pushes refused because nobody here follows their author. */
    public long pushesRefusedUnfollowed() {
        return pushed.refused();
    }

    /** Catch-ups of one author that stopped at their bound with posts still missing. */
    public long catchUpsCut() {
        return catchUp.cut();
    }

    private void delivered(String author, String device, long seq, List<String> followers) {
        CompletableFuture<?>[] marks = followers.stream().map(f -> posts.markDelivered(author, device, seq, f))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(marks).whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("delivery of {}#{} not recorded: {}", author, seq, e.getMessage());
            }
            local.postsChanged();
        });
    }
}
