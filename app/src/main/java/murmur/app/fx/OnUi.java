package murmur.app.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import murmur.timeline.observe.Live;
import murmur.timeline.observe.Subscription;

/**
 * Delivers a {@link Live}'s values on the UI executor. Only the newest value is delivered: a burst of changes from
 * the network costs one UI update, and the UI thread never waits for the network.
 */
public final class OnUi {

    private OnUi() {}

    /** Calls {@code onUi} on {@code ui} with the current value and each later one, until the subscription closes. */
    public static <T> Subscription observe(Live<T> live, Executor ui, Consumer<? super T> onUi) {
        AtomicReference<T> pending = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        Subscription upstream = live.subscribe(value -> {
            if (pending.getAndSet(value) == null) {
                ui.execute(() -> {
                    T latest = pending.getAndSet(null);
                    if (latest != null && !closed.get()) {
                        onUi.accept(latest);
                    }
                });
            }
        });
        return () -> {
            closed.set(true);
            upstream.close();
        };
    }
}
