package murmur.app.demo;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import murmur.config.MurmurSettings;
import murmur.timeline.Notification;
import murmur.timeline.Post;
import murmur.timeline.TimelineEntry;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.observe.Subscription;

/**
 * One headless demo user on a peer of their own. Reports what reaches them: others' posts, how many followers
 * their own posts reached, follows; and follows back anyone from outside the cast who follows them.
 */
final class DemoUser {
    private final String name;
    private final TimelinePeer peer;
    private final Consumer<String> report;
    private final Set<String> seenPosts = ConcurrentHashMap.newKeySet();
    private final Map<Long, Integer> reached = new ConcurrentHashMap<>();
    private final Set<Notification> seenNotifications = ConcurrentHashMap.newKeySet();
    private volatile TimelineService service;
    private volatile List<Subscription> watching = List.of();

    DemoUser(String name, MurmurSettings settings, Path dataDir, List<InetSocketAddress> seeds,
            Consumer<String> report) {
        this.name = name;
        this.peer = TimelinePeer.builder().settings(settings).dataDir(dataDir).seeds(seeds).build();
        this.report = report;
    }

    String name() {
        return name;
    }

    /** Starts the peer and registers the user (or logs in, when the folder is reused). */
    CompletableFuture<Void> start() {
        return peer.start()
                .thenCompose(v -> peer.register(name, DemoCast.PASSWORD)
                        .exceptionallyCompose(e -> peer.login(name, DemoCast.PASSWORD)))
                .thenAccept(s -> {
                    service = s;
                    report.accept(name + " registered and is online");
                    watching = List.of(s.timeline().subscribe(this::timelineChanged),
                            s.notifications().subscribe(this::notificationsChanged));
                });
    }

    CompletableFuture<Void> follow(String other) {
        return service.follow(other).thenRun(() -> report.accept(name + " follows " + other));
    }

    CompletableFuture<Post> post(String text) {
        return service.post(text).whenComplete((p, e) -> {
            if (p != null) {
                report.accept(name + " posted #" + p.seq() + ": " + text);
            }
        });
    }

    /** Replies to the newest post in this user's timeline by someone else; empty when there is none. */
    CompletableFuture<Optional<Post>> replyToLatest(String text) {
        Optional<Post> latest = service.timeline().get().stream().map(TimelineEntry::post)
                .filter(p -> !p.author().equals(name) && p.ref() == null).findFirst();
        if (latest.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return reply(latest.get(), text).thenApply(Optional::of);
    }

    /** Reposts the newest post in this user's timeline by someone else, and likes it; empty when there is none. */
    CompletableFuture<Optional<Post>> repostLatest() {
        Optional<Post> latest = service.timeline().get().stream().map(TimelineEntry::post)
                .filter(p -> !p.author().equals(name) && p.ref() == null).findFirst();
        if (latest.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        Post original = latest.get();
        service.like(original, true).exceptionally(e -> null);
        return service.repost(original).whenComplete((p, e) -> {
            if (p != null) {
                report.accept(name + " reposted " + original.author() + "'s post #" + original.seq());
            }
        }).thenApply(Optional::of);
    }

    private CompletableFuture<Post> reply(Post parent, String text) {
        return service.reply(parent, text).whenComplete((p, e) -> {
            if (p != null) {
                report.accept(name + " replied to " + parent.author() + "'s post #" + parent.seq() + ": " + text);
            }
        });
    }

    CompletableFuture<Void> stop() {
        watching.forEach(Subscription::close);
        return peer.stop();
    }

    private void timelineChanged(List<TimelineEntry> entries) {
        for (TimelineEntry e : entries) {
            Post p = e.post();
            if (!p.author().equals(name)) {
                if (seenPosts.add(p.author() + "/" + p.device() + "#" + p.seq())) {
                    report.accept(name + " received " + p.author() + "'s post #" + p.seq());
                    if (!DemoCast.NAMES.contains(p.author()) && !p.isReply()) {
                        service.like(p, true).exceptionally(x -> null);
                        reply(p, DemoCast.REPLIES.get(Math.floorMod(p.hashCode() + name.hashCode(),
                                DemoCast.REPLIES.size()))).exceptionally(x -> null);
                    }
                }
            } else if (e.deliveredTo() > reached.getOrDefault(p.seq(), 0)) {
                reached.put(p.seq(), e.deliveredTo());
                report.accept(name + "'s post #" + p.seq() + " has reached " + e.deliveredTo() + " follower"
                        + (e.deliveredTo() == 1 ? "" : "s"));
            }
        }
    }

    private void notificationsChanged(List<Notification> notifications) {
        for (Notification n : notifications) {
            if (!seenNotifications.add(n)) {
                continue;
            }
            boolean follow = n.kind() == Notification.Kind.FOLLOW;
            report.accept(name + ": " + n.from() + " " + n.kind().verb()
                    + (n.excerpt().isEmpty() ? "" : ": " + n.excerpt()));
            if (follow && !DemoCast.NAMES.contains(n.from())
                    && !service.following().get().contains(n.from())) {
                follow(n.from()).exceptionally(e -> null);
                if (name.equals(DemoCast.NAMES.get(0))) {
                    post("Say hello to @" + n.from() + ", new on Murmur!").exceptionally(e -> null);
                }
            }
        }
    }
}
