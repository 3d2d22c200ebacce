package murmur.app.status;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import murmur.app.fx.Activatable;
import murmur.app.fx.OnUi;
import murmur.app.fx.Subscriptions;
import murmur.timeline.Accounts;
import murmur.timeline.ClockStatus;
import murmur.timeline.ConnectionStatus;
import murmur.timeline.Reachability;

/** The peer's connection and clock, as the status bar words them. */
public final class StatusViewModel implements Activatable {
    private final Accounts peer;
    private final Executor ui;
    private final SimpleBooleanProperty online = new SimpleBooleanProperty();
    private final SimpleStringProperty connection = new SimpleStringProperty("Offline");
    private final SimpleBooleanProperty clockWarning = new SimpleBooleanProperty();
    private final SimpleStringProperty clock = new SimpleStringProperty("");
    private final SimpleStringProperty reachability = new SimpleStringProperty("");
    private final SimpleBooleanProperty reachable = new SimpleBooleanProperty();
    private final SimpleStringProperty fanout = new SimpleStringProperty("");
    private final Subscriptions subscriptions = new Subscriptions();

    public StatusViewModel(Accounts peer, Executor ui) {
        this.peer = peer;
        this.ui = ui;
    }

    public ReadOnlyBooleanProperty online() {
        return online;
    }

    /** "Online · 12 DHT peers" or "Offline: no bootstrap node answers". */
    public ReadOnlyStringProperty connection() {
        return connection;
    }

    /** True when no time source answers: post times come from this computer's clock alone. */
    public ReadOnlyBooleanProperty clockWarning() {
        return clockWarning;
    }

    public ReadOnlyStringProperty clock() {
        return clock;
    }

    /** "Reachable at 203.0.113.7:41000", "Behind a router that could not be opened", ... */
    public ReadOnlyStringProperty reachability() {
        return reachability;
    }

    /** False while others cannot reach this computer (or nobody knows yet): the status bar warns. */
    public ReadOnlyBooleanProperty reachable() {
        return reachable;
    }

    /** "Uplink 12.5 Mbit/s (measured) · each post leaves as 8 copies": what the user's posts cost this computer. */
    public ReadOnlyStringProperty fanout() {
        return fanout;
    }

    @Override
    public void activate() {
        subscriptions.add(OnUi.observe(peer.connection(), ui, this::showConnection));
        subscriptions.add(OnUi.observe(peer.clockStatus(), ui, this::showClock));
        subscriptions.add(OnUi.observe(peer.reachability(), ui, this::showReachability));
        subscriptions.add(OnUi.observe(peer.fanout(), ui, f -> fanout.set(f.words())));
    }

    @Override
    public void deactivate() {
        subscriptions.closeAll();
    }

    private void showConnection(ConnectionStatus status) {
        online.set(status.online());
        connection.set(status.online()
                ? "Online · " + status.dhtPeers() + (status.dhtPeers() == 1 ? " DHT peer" : " DHT peers")
                : "Offline: no bootstrap node answers");
    }

    private void showReachability(Reachability r) {
        reachable.set(r.state() == Reachability.State.REACHABLE || r.state() == Reachability.State.RELAYED
                || r.state() == Reachability.State.THIS_COMPUTER_ONLY);
        reachability.set(r.words());
    }

    private void showClock(ClockStatus status) {
        clockWarning.set(!status.synchronised());
        String offset = "clock offset " + offset(status.offset());
        clock.set(status.synchronised()
                ? offset + ", synchronised" + status.source().map(s -> " with " + s).orElse("")
                : "No time source answers: post times use this computer's clock (" + offset + ")");
    }

    static String offset(Duration d) {
        double millis = d.toNanos() / 1e6;
        if (Math.abs(millis) < 1000) {
            return String.format(Locale.ROOT, "%+.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%+.1f s", millis / 1000);
    }
}
