package murmur.app.fakes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import murmur.timeline.Accounts;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
import murmur.timeline.Fanout;
import murmur.timeline.Reachability;
import murmur.timeline.Notification;
import murmur.timeline.PasswordPolicy;
import murmur.timeline.Post;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.UserName;
import murmur.timeline.UserSummary;
import murmur.timeline.observe.LiveValue;

/**
 * A whole network in memory: accounts with passwords, a follow graph, posts, and one {@link FakeTimeline} per
 * signed-in user. {@link #hold()} makes the next account call wait until {@link #release()}, to see busy states.
 */
public final class FakeAccounts implements Accounts {
    private final Clock clock;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, List<String>> followers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> following = new ConcurrentHashMap<>();
    private final Map<String, List<Post>> posts = new ConcurrentHashMap<>();
    private final Map<String, FakeTimeline> sessions = new ConcurrentHashMap<>();
    private final List<String> online = new CopyOnWriteArrayList<>();
    private final LiveValue<ConnectionStatus> connection = new LiveValue<>(new ConnectionStatus(true, 3));
    private final LiveValue<ClockStatus> clockStatus = new LiveValue<>(ClockStatus.UNSYNCHRONISED);
    private final LiveValue<Reachability> reachability = new LiveValue<>(Reachability.CHECKING);
    private final LiveValue<Fanout> fanout = new LiveValue<>(Fanout.NOT_MEASURED);
    private volatile boolean noNetwork;
    private volatile boolean checkPasswords;
    private volatile boolean phrases;
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    public FakeAccounts(Clock clock) {
        this.clock = clock;
    }

    /** An account that exists before the test starts. */
    public FakeAccounts user(String name, String password) {
        passwords.put(name, password);
        online.add(name);
        return this;
    }

    public void noNetwork() {
        noNetwork = true;
    }

    /** From now on, registration refuses guessable passwords as the real peer does ({@link PasswordPolicy}). */
    public FakeAccounts checkPasswords() {
        checkPasswords = true;
        return this;
    }

    /** From now on, sessions have a recovery phrase ({@link #PHRASE}) and can change their password. */
    public FakeAccounts withRecoveryPhrases() {
        phrases = true;
        return this;
    }

    /** The recovery phrase of every account here. */
    public static final List<String> PHRASE = List.of("abandon", "ability", "able", "about", "above", "absent",
            "absorb", "abstract", "absurd", "abuse", "access", "accident", "account", "accuse", "achieve", "acid",
            "acoustic", "acquire", "across", "act", "action", "actor", "actress", "actual");

    boolean phrases() {
        return phrases;
    }

    /** The phrase, if the password is right. */
    CompletableFuture<List<String>> phraseOf(String name, String password) {
        return password.equals(passwords.get(name)) ? CompletableFuture.completedFuture(PHRASE)
                : failed(Reason.WRONG_PASSWORD, "wrong password. Check it and try again");
    }

    CompletableFuture<Void> changePassword(String name, String old, String fresh) {
        if (!old.equals(passwords.get(name))) {
            return failed(Reason.WRONG_PASSWORD, "wrong password. Check it and try again");
        }
        if (PasswordPolicy.problem(name, fresh).isPresent()) {
            return failed(Reason.INVALID_PASSWORD, PasswordPolicy.problem(name, fresh).get());
        }
        passwords.put(name, fresh);
        return CompletableFuture.completedFuture(null);
    }

    public String passwordOf(String name) {
        return passwords.get(name);
    }

    @Override
    public CompletableFuture<TimelineService> restore(String name, List<String> phrase, String newPassword) {
        return gate.thenCompose(v -> {
            if (phrase.size() != 24) {
                return failed(Reason.INVALID_PHRASE, "a recovery phrase has 24 words; this one has " + phrase.size());
            }
            if (!passwords.containsKey(name)) {
                return failed(Reason.UNKNOWN_USER, "there is no user '" + name + "'");
            }
            if (!phrase.equals(PHRASE)) {
                return failed(Reason.WRONG_PHRASE, "this recovery phrase is not the one of '" + name + "'");
            }
            passwords.put(name, newPassword);
            return signIn(name);
        });
    }

    public void hold() {
        gate = new CompletableFuture<>();
    }

    public void release() {
        gate.complete(null);
    }

    public FakeTimeline session(String name) {
        return sessions.get(name);
    }

    public LiveValue<ConnectionStatus> connectionValue() {
        return connection;
    }

    public LiveValue<Reachability> reachabilityValue() {
        return reachability;
    }

    public LiveValue<Fanout> fanoutValue() {
        return fanout;
    }

    public LiveValue<ClockStatus> clockValue() {
        return clockStatus;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public CompletableFuture<TimelineService> register(String name, String password) {
        return gate.thenCompose(v -> {
            if (noNetwork) {
                return failed(Reason.NO_NETWORK, "no bootstrap node answers");
            }
            if (!UserName.isValid(name)) {
                return failed(Reason.INVALID_NAME, "not a name");
            }
            if (checkPasswords && PasswordPolicy.problem(name, password).isPresent()) {
                return failed(Reason.INVALID_PASSWORD, PasswordPolicy.problem(name, password).get());
            }
            if (passwords.putIfAbsent(name, password) != null) {
                return failed(Reason.NAME_TAKEN, "The name '" + name + "' is taken.");
            }
            return signIn(name);
        });
    }

    @Override
    public CompletableFuture<TimelineService> login(String name, String password) {
        return gate.thenCompose(v -> {
            if (noNetwork) {
                return failed(Reason.NO_NETWORK, "no bootstrap node answers");
            }
            String known = passwords.get(name);
            if (known == null) {
                return failed(Reason.UNKNOWN_USER, "Nobody is called '" + name + "'.");
            }
            if (!known.equals(password)) {
                return failed(Reason.WRONG_PASSWORD, "wrong password. Check it and try again");
            }
            return signIn(name);
        });
    }

    private CompletableFuture<TimelineService> signIn(String name) {
        FakeTimeline session = new FakeTimeline(this, name, clock);
        sessions.put(name, session);
        online.add(name);
        return CompletableFuture.completedFuture(session);
    }

    @Override
    public LiveValue<ConnectionStatus> connection() {
        return connection;
    }

    @Override
    public LiveValue<Reachability> reachability() {
        return reachability;
    }

    @Override
    public LiveValue<Fanout> fanout() {
        return fanout;
    }

    @Override
    public LiveValue<ClockStatus> clockStatus() {
        return clockStatus;
    }

    boolean exists(String name) {
        return passwords.containsKey(name);
    }

    synchronized long nextSeq(String author) {
        return posts.getOrDefault(author, List.of()).size() + 1L;
    }

    synchronized void published(Post post) {
        posts.computeIfAbsent(post.author(), k -> new ArrayList<>()).add(0, post);
    }

    synchronized List<Post> postsBy(String name) {
        return List.copyOf(posts.getOrDefault(name, List.of()));
    }

    synchronized void followed(String who, String whom, boolean follow) {
        List<String> mine = following.computeIfAbsent(who, k -> new ArrayList<>());
        List<String> theirs = followers.computeIfAbsent(whom, k -> new ArrayList<>());
        mine.remove(whom);
        theirs.remove(who);
        if (follow) {
            mine.add(whom);
            theirs.add(who);
        }
        FakeTimeline target = sessions.get(whom);
        if (target != null) {
            target.notify(new Notification(follow ? Notification.Kind.FOLLOW : Notification.Kind.UNFOLLOW, who,
                    clock.instant(), false));
        }
    }

    synchronized List<String> followersOf(String name) {
        return List.copyOf(followers.getOrDefault(name, List.of()));
    }

    synchronized List<String> followingOf(String name) {
        return List.copyOf(following.getOrDefault(name, List.of()));
    }

    List<UserSummary> summaries(List<String> names) {
        return names.stream().filter(this::exists)
                .map(n -> new UserSummary(n, online.contains(n), clock.instant())).toList();
    }

    private static <T> CompletableFuture<T> failed(Reason reason, String message) {
        return CompletableFuture.failedFuture(new TimelineException(reason, message));
    }
}
