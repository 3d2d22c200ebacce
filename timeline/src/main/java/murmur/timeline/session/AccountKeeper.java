package murmur.timeline.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.identity.UserRecordValue;
import murmur.timeline.records.Keys;
import murmur.timeline.records.ProfileValue;
import murmur.timeline.records.RecordWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the account's own records alive. The DHT forgets a record when its time-to-live runs out, and then anyone
 * could claim the name, so every login and every day online re-issues {@code user/<name>} and
 * {@code profile/<name>} with the same sequence number and a new issue time (a refresh the DHT accepts).
 */
final class AccountKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(AccountKeeper.class);

    private final String name;
    private volatile UserRecordValue account;
    private volatile long seq;
    private final RecordWriter writer;
    private final Duration ttl;

    AccountKeeper(String name, UserRecordValue account, long seq, RecordWriter writer, Duration ttl) {
        this.name = name;
        this.account = account;
        this.seq = seq;
        this.writer = writer;
        this.ttl = ttl;
    }

    /** The profile a new account starts with. */
    static ProfileValue initialProfile(String name, UserRecordValue account) {
        return new ProfileValue(name, "", account.createdAtMillis());
    }

    /** The account record as last published from here. */
    UserRecordValue account() {
        return account;
    }

    long seq() {
        return seq;
    }

    /** After a password change: the record now published, which later refreshes re-issue. */
    synchronized void replace(UserRecordValue newAccount, long newSeq) {
        this.account = newAccount;
        this.seq = newSeq;
    }

    synchronized CompletableFuture<Void> refresh() {
        CompletableFuture<?> user = writer.put(Keys.user(name), account, seq, ttl);
        CompletableFuture<?> profile = writer.put(Keys.profile(name), initialProfile(name, account), 0, ttl);
        return CompletableFuture.allOf(user, profile).handle((v, e) -> {
            if (e != null) {
                LOG.info("account records of {} not refreshed this time: {}", name, e.getMessage());
            }
            return null;
        });
    }
}
