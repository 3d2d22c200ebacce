package murmur.timeline.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import murmur.config.TimelineSettings;
import murmur.dht.DhtWriteException;
import murmur.dht.NodeId;
import murmur.dht.SigningKey;
import murmur.dht.WriteStatus;
import murmur.timeline.Accounts;
import murmur.timeline.PasswordPolicy;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.TimelineService;
import murmur.timeline.UserName;
import murmur.timeline.identity.KdfParams;
import murmur.timeline.identity.KeyVault;
import murmur.timeline.identity.LoginThrottle;
import murmur.timeline.identity.UserRecordValue;
import murmur.timeline.presence.PresenceService;
import murmur.timeline.records.DevicesValue;
import murmur.timeline.records.FeedHead;
import murmur.timeline.records.FollowingValue;
import murmur.timeline.records.InboxValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordWriter;

/**
 * Registration and login. Key derivation runs on {@code workers}, never on a network or UI thread. Registering
 * claims {@code user/<name>} and every other record key of the name, so no one can squat on the new user's presence
 * or follow list.
 */
public final class AccountService {
    static final int MIN_PASSWORD = Accounts.MIN_PASSWORD_CHARS;

    private final PeerContext ctx;
    private final Executor workers;
    private final LoginThrottle throttle;
    private final SecureRandom random = new SecureRandom();
    private final Consumer<UserSession> onLogin;
    private final AccountSecrets secrets;

    public AccountService(PeerContext ctx, Executor workers, Consumer<UserSession> onLogin) {
        this.ctx = ctx;
        this.workers = workers;
        this.throttle = new LoginThrottle(ctx.settings().timeline().loginBackoff());
        this.onLogin = onLogin;
        this.secrets = new AccountSecrets(ctx, workers, throttle);
    }

    /** Restores an account from its recovery phrase under a new password ({@link AccountSecrets}), then logs in. */
    public CompletableFuture<TimelineService> recover(String name, List<String> phrase, String newPassword) {
        return validated(name, newPassword).thenCompose(v -> secrets.restore(name, phrase, newPassword))
                .thenCompose(r -> session(name, new SignedIn(r.key(), r.account(), r.seq())));
    }

    public CompletableFuture<TimelineService> register(String name, String password) {
        return validated(name, password)
                .thenComposeAsync(v -> strongEnough(name, password), workers)
                .thenCompose(v -> ctx.users().account(name))
                .thenCompose(existing -> existing.isPresent() ? CompletableFuture.<Created>failedFuture(taken(name))
                        : CompletableFuture.supplyAsync(() -> newAccount(name, password), workers))
                .thenCompose(created -> claim(name, created)
                        .thenCompose(key -> session(name, new SignedIn(key, created.value(), 1))));
    }

    public CompletableFuture<TimelineService> login(String name, String password) {
        return validated(name, password).thenCompose(v -> ctx.users().account(name)).thenCompose(found -> {
            if (found.isEmpty()) {
                throw new TimelineException(Reason.UNKNOWN_USER, "there is no user '" + name + "'");
            }
            UserRecordValue record = found.get().value();
            long seq = found.get().record().seq();
            return CompletableFuture.supplyAsync(() -> KeyVault.open(name, record, password), workers)
                    .thenCompose(opened -> opened.isPresent() ? CompletableFuture.completedFuture(
                            restore(name, record, opened.get())) : secrets.<SigningKey>wrongPassword(name))
                    .thenApply(key -> new SignedIn(key, record, seq));
        }).thenCompose(signedIn -> session(name, signedIn));
    }

    private CompletableFuture<Void> validated(String name, String password) {
        try {
            new UserName(name);
        } catch (TimelineException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            return CompletableFuture.failedFuture(new TimelineException(Reason.INVALID_PASSWORD,
                    "a password has at least " + MIN_PASSWORD + " characters"));
        }
        if (ctx.dht().routingTableSize() == 0) {
            return CompletableFuture.failedFuture(new TimelineException(Reason.NO_NETWORK,
                    "no bootstrap node or other peer is reachable; check the bootstrap list and the connection"));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Refuses a password an offline guesser would find soon, saying why (zxcvbn's feedback); runs on a worker. */
    private static CompletableFuture<Void> strongEnough(String name, String password) {
        return PasswordPolicy.problem(name, password).<CompletableFuture<Void>>map(why -> CompletableFuture
                .failedFuture(new TimelineException(Reason.INVALID_PASSWORD, why)))
                .orElse(CompletableFuture.completedFuture(null));
    }

    private Created newAccount(String name, String password) {
        SigningKey key = SigningKey.generate(random);
        TimelineSettings t = ctx.settings().timeline();
        KdfParams kdf = new KdfParams(t.kdfMemoryKib(), t.kdfIterations(), t.kdfParallelism());
        UserRecordValue value = KeyVault.seal(name, key.publicKey(), key.privateKeyBytes(), password, kdf,
                ctx.clock().millis(), random);
        return new Created(key, value);
    }

    private CompletableFuture<SigningKey> claim(String name, Created created) {
        RecordWriter writer = new RecordWriter(ctx.dht(), created.key(), ctx.clock());
        Duration ttl = ctx.settings().dht().maxTtl();
        CompletableFuture<?> user = writer.put(Keys.user(name), created.value(), 1, ttl);
        return user.handle((r, e) -> {
            if (e != null) {
                throw refusedAs(name, e);
            }
            return null;
        }).thenCompose(v -> claimRest(name, created.value(), writer, ttl)).thenApply(v -> created.key());
    }

    private CompletableFuture<Void> claimRest(String name, UserRecordValue value, RecordWriter writer,
            Duration ttl) {
        Map<NodeId, Object> initial = Map.of(
                Keys.profile(name), AccountKeeper.initialProfile(name, value),
                Keys.following(name), new FollowingValue(List.of()),
                Keys.feed(name), FeedHead.EMPTY,
                Keys.inbox(name), new InboxValue(0),
                Keys.devices(name), DevicesValue.EMPTY,
                Keys.presence(name), PresenceService.initial(value.createdAtMillis()));
        List<CompletableFuture<Void>> claims = initial.entrySet().stream()
                .map(en -> writer.put(en.getKey(), en.getValue(), 0, ttl).<Void>handle((r, e) -> {
                    if (e != null && causeStatus(e) == WriteStatus.FORBIDDEN) {
                        throw taken(name);
                    }
                    return null;
                })).toList();
        return CompletableFuture.allOf(claims.toArray(CompletableFuture[]::new));
    }

    private TimelineException refusedAs(String name, Throwable e) {
        WriteStatus status = causeStatus(e);
        if (status == WriteStatus.FORBIDDEN || status == WriteStatus.STALE) {
            return taken(name);
        }
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof TimelineException t ? t
                : new TimelineException(Reason.NO_NETWORK, "registration failed: " + cause.getMessage(), cause);
    }

    private static WriteStatus causeStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DhtWriteException d) {
                return d.status();
            }
        }
        return null;
    }

    private static TimelineException taken(String name) {
        return new TimelineException(Reason.NAME_TAKEN, "the name '" + name + "' is taken; choose another");
    }

    private SigningKey restore(String name, UserRecordValue record, byte[] privateKey) {
        SigningKey key = SigningKey.restore(privateKey);
        if (!Arrays.equals(key.publicKey(), record.publicKey())) {
            throw new TimelineException(Reason.CORRUPT_RECORD, "the account record of '" + name
                    + "' holds a key that does not match its public key");
        }
        throttle.succeeded(name);
        return key;
    }

    private CompletableFuture<TimelineService> session(String name, SignedIn in) {
        RecordWriter writer = new RecordWriter(ctx.dht(), in.key(), ctx.clock());
        AccountKeeper keeper = new AccountKeeper(name, in.account(), in.seq(), writer,
                ctx.settings().dht().maxTtl());
        DeviceRegistry devices = new DeviceRegistry(ctx, name, in.key());
        return ctx.users().pin(name, in.key().publicKey()).thenCompose(pinned -> devices.signIn())
                .thenCompose(v -> UserSession.open(ctx, name, in.key(), keeper, secrets, devices))
                .thenApply(s -> {
                    onLogin.accept(s);
                    return s;
                });
    }

    private record Created(SigningKey key, UserRecordValue value) {}

    /** A user whose private key is open, with the account record and its sequence number as the DHT holds it. */
    private record SignedIn(SigningKey key, UserRecordValue account, long seq) {}
}
