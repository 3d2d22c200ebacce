package murmur.timeline;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.observe.Live;

/**
 * Signing up and signing in on a running peer. Failures complete the future with a {@link TimelineException} whose
 * reason says what the user should do.
 */
public interface Accounts {

    /** The shortest password accepted at registration, in characters. */
    int MIN_PASSWORD_CHARS = 8;

    /**
     * Claims {@code user/<name>} for a new key pair whose private key is stored encrypted under the password, then
     * logs in. Fails with {@code INVALID_NAME}, {@code INVALID_PASSWORD} (shorter than {@link #MIN_PASSWORD_CHARS},
     * or easy enough to guess that the public sealed key would give it away; the message says why and what helps),
     * {@code NAME_TAKEN} or {@code NO_NETWORK}.
     */
    CompletableFuture<TimelineService> register(String name, String password);

    /**
     * Logs in from any machine with only name and password. Fails with {@code UNKNOWN_USER}, {@code WRONG_PASSWORD}
     * (each wrong try waits longer before it answers), {@code CORRUPT_RECORD} or {@code NO_NETWORK}.
     */
    CompletableFuture<TimelineService> login(String name, String password);

    /**
     * Restores an account on this device from its recovery phrase, sealing the key under a new password, then logs
     * in. Fails with {@code INVALID_PHRASE} (not 24 words from the list, or the checksum does not match: a word
     * mistyped), {@code WRONG_PHRASE} (a valid phrase of another account), {@code UNKNOWN_USER},
     * {@code INVALID_PASSWORD} or {@code NO_NETWORK}.
     */
    default CompletableFuture<TimelineService> restore(String name, java.util.List<String> phrase,
            String newPassword) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("restore"));
    }

    /** Whether the peer has joined the network, and how many DHT peers it knows. */
    Live<ConnectionStatus> connection();

    /** Whether other computers can reach this peer, and at which addresses; checked again as the network changes. */
    Live<Reachability> reachability();

    /**
     * How the signed-in user's posts leave this peer: how many copies (the tree's degree) and the upload rate that
     * was picked for, measured or set. A binary tree, not measured yet, until the first own post has left.
     */
    Live<Fanout> fanout();

    /** The NTP-corrected clock's state. */
    Live<ClockStatus> clockStatus();

    /** The NTP-corrected clock itself: what "2 min ago" should be measured with. */
    Clock clock();
}
