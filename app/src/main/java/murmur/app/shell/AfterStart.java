package murmur.app.shell;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import murmur.timeline.Accounts;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
import murmur.timeline.Fanout;
import murmur.timeline.Reachability;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineService;
import murmur.timeline.observe.Live;

/**
 * A peer's accounts usable before the peer has finished joining: the window opens at once, and a sign-in waits for
 * the join (the busy indicator covers it). A peer that could not start makes sign-ins fail with the domain's reason
 * when it gave one (a data directory in use by another Murmur), else with {@code NO_NETWORK}.
 */
final class AfterStart implements Accounts {
    private final Accounts peer;
    private final CompletableFuture<Void> started;

    AfterStart(Accounts peer, CompletableFuture<Void> started) {
        this.peer = peer;
        this.started = started.handle((v, failure) -> {
            if (failure != null) {
                throw startFailure(failure);
            }
            return null;
        });
    }

    /** Completes when the peer has started; fails, as sign-ins would, when it could not. */
    CompletableFuture<Void> started() {
        return started;
    }

    private static TimelineException startFailure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimelineException e && e.reason() != TimelineException.Reason.NO_NETWORK) {
            return e;
        }
        return new TimelineException(TimelineException.Reason.NO_NETWORK,
                "Murmur could not join the network: " + cause.getMessage(), cause);
    }

    @Override
    public CompletableFuture<TimelineService> register(String name, String password) {
        return started.thenCompose(v -> peer.register(name, password));
    }

    @Override
    public CompletableFuture<TimelineService> login(String name, String password) {
        return started.thenCompose(v -> peer.login(name, password));
    }

    @Override
    public CompletableFuture<TimelineService> restore(String name, List<String> phrase, String newPassword) {
        return started.thenCompose(v -> peer.restore(name, phrase, newPassword));
    }

    @Override
    public Live<ConnectionStatus> connection() {
        return peer.connection();
    }

    @Override
    public Live<ClockStatus> clockStatus() {
        return peer.clockStatus();
    }

    @Override
    public Live<Reachability> reachability() {
        return peer.reachability();
    }

    @Override
    public Live<Fanout> fanout() {
        return peer.fanout();
    }

    @Override
    public Clock clock() {
        return peer.clock();
    }
}
