package murmur.timeline.session;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import murmur.config.TimelineSettings;
import murmur.dht.SigningKey;
import murmur.timeline.Accounts;
import murmur.timeline.PasswordPolicy;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.identity.KdfParams;
import murmur.timeline.identity.KeyVault;
import murmur.timeline.identity.LoginThrottle;
import murmur.timeline.identity.RecoveryPhrase;
import murmur.timeline.identity.UserRecordValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.RecordWriter;

/**
 * The account key's recovery phrase and its re-sealing: a password change seals the key under the new password and
 * publishes {@code user/<name>} with the next sequence number, so the old password opens nothing anywhere; a restore
 * derives the key from the phrase, checks it is the account's and re-seals it the same way. Key derivation runs on
 * {@code workers}. A wrong password here counts in the same {@link LoginThrottle} as a wrong password at login, and
 * its answer waits as long: an unlocked, unattended device must not let anyone guess the password faster than the
 * sign-in screen does.
 */
public final class AccountSecrets {
    private final PeerContext ctx;
    private final Executor workers;
    private final LoginThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    public AccountSecrets(PeerContext ctx, Executor workers, LoginThrottle throttle) {
        this.ctx = ctx;
        this.workers = workers;
        this.throttle = throttle;
    }

    /** The phrase of the signed-in account, after checking {@code password} against its current record. */
    CompletableFuture<List<String>> phrase(String name, AccountKeeper keeper, String password) {
        return opened(name, keeper.account(), password).thenApply(seed -> {
            try {
                return RecoveryPhrase.encode(seed);
            } finally {
                Arrays.fill(seed, (byte) 0);
            }
        });
    }

    /** Re-seals the key of the signed-in account under {@code newPassword} and publishes it. */
    CompletableFuture<Void> changePassword(String name, SigningKey key, AccountKeeper keeper, String oldPassword,
            String newPassword) {
        return opened(name, keeper.account(), oldPassword).thenApplyAsync(seed -> {
            Arrays.fill(seed, (byte) 0);
            checkPolicy(name, newPassword);
            return resealed(name, key, keeper.account().createdAtMillis(), newPassword);
        }, workers).thenCompose(value -> publish(name, key, value, keeper.seq() + 1)
                .thenApply(v -> {
                    keeper.replace(value, keeper.seq() + 1);
                    return null;
                }));
    }

    /**
     * The account key restored from {@code phrase}, re-sealed under {@code newPassword} and published; fails with
     * {@code INVALID_PHRASE}, {@code WRONG_PHRASE}, {@code UNKNOWN_USER} or {@code INVALID_PASSWORD}.
     */
    CompletableFuture<Restored> restore(String name, List<String> phrase, String newPassword) {
        SigningKey key;
        try {
            byte[] seed = RecoveryPhrase.decode(phrase == null ? List.of() : phrase);
            key = SigningKey.restore(seed);
            Arrays.fill(seed, (byte) 0);
        } catch (TimelineException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.runAsync(() -> checkPolicy(name, newPassword), workers)
                .thenCompose(v -> ctx.users().account(name))
                .thenCompose(found -> {
                    if (found.isEmpty()) {
                        throw new TimelineException(Reason.UNKNOWN_USER, "there is no user '" + name + "'");
                    }
                    UserRecordValue current = found.get().value();
                    if (!Arrays.equals(current.publicKey(), key.publicKey())) {
                        throw new TimelineException(Reason.WRONG_PHRASE, "this recovery phrase is not the one of '"
                                + name + "'; check the account name and the words");
                    }
                    long seq = found.get().record().seq() + 1;
                    return CompletableFuture.supplyAsync(() -> resealed(name, key, current.createdAtMillis(),
                            newPassword), workers).thenCompose(value -> publish(name, key, value, seq)
                            .thenApply(r -> new Restored(key, value, seq)));
                });
    }

    /** The key's seed, opened with {@code password} on {@code workers}; a wrong one fails after the throttle's wait. */
    private CompletableFuture<byte[]> opened(String name, UserRecordValue record, String password) {
        return CompletableFuture.supplyAsync(() -> password == null ? Optional.<byte[]>empty()
                : KeyVault.open(name, record, password), workers).thenCompose(seed -> {
                    if (seed.isPresent()) {
                        throttle.succeeded(name);
                        return CompletableFuture.completedFuture(seed.get());
                    }
                    return wrongPassword(name);
                });
    }

    /**
     * Counts a wrong password for {@code name} and fails with {@code WRONG_PASSWORD} after the throttle's wait; the one
     * answer to a wrong password, at sign-in and on the Settings page alike.
     */
    <T> CompletableFuture<T> wrongPassword(String name) {
        LoginThrottle.Penalty p = throttle.failed(name);
        String streak = p.attempts() > 1 ? " (" + p.attempts() + " wrong tries in a row; each waits longer)" : "";
        TimelineException wrong = new TimelineException(Reason.WRONG_PASSWORD,
                "wrong password" + streak + ". Check it and try again");
        return CompletableFuture.supplyAsync(() -> {
            throw wrong;
        }, CompletableFuture.delayedExecutor(p.delay().toMillis(), TimeUnit.MILLISECONDS, workers));
    }

    private static void checkPolicy(String name, String password) {
        if (password == null || password.length() < Accounts.MIN_PASSWORD_CHARS) {
            throw new TimelineException(Reason.INVALID_PASSWORD,
                    "a password has at least " + Accounts.MIN_PASSWORD_CHARS + " characters");
        }
        PasswordPolicy.problem(name, password).ifPresent(why -> {
            throw new TimelineException(Reason.INVALID_PASSWORD, why);
        });
    }

    private UserRecordValue resealed(String name, SigningKey key, long createdAtMillis, String password) {
        TimelineSettings t = ctx.settings().timeline();
        KdfParams kdf = new KdfParams(t.kdfMemoryKib(), t.kdfIterations(), t.kdfParallelism());
        byte[] seed = key.privateKeyBytes();
        try {
            return KeyVault.seal(name, key.publicKey(), seed, password, kdf, createdAtMillis, random);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private CompletableFuture<Void> publish(String name, SigningKey key, UserRecordValue value, long seq) {
        RecordWriter writer = new RecordWriter(ctx.dht(), key, ctx.clock());
        return writer.put(Keys.user(name), value, seq, ctx.settings().dht().maxTtl()).thenApply(r -> null);
    }

    /** A key restored from its phrase, with the account record now published under the new password. */
    record Restored(SigningKey key, UserRecordValue account, long seq) {}
}
