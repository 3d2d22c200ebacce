package murmur.timeline.observe;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writable side of a {@link Live}: its owner sets values, listeners hear each change. A listener that throws is
 * logged and does not stop the others.
 *
 * @param <T> an immutable snapshot type
 */
public final class LiveValue<T> implements Live<T> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveValue.class);

    private final List<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private volatile T value;

    public LiveValue(T initial) {
        this.value = Objects.requireNonNull(initial, "initial");
    }

    @Override
    public T get() {
        return value;
    }

    /** Sets the value and tells the listeners, unless it equals the current one. */
    public void set(T next) {
        update(current -> next);
    }

    /** Replaces the value with a function of the current one, atomically with respect to other updates. */
    public void update(UnaryOperator<T> change) {
        T next;
        synchronized (this) {
            next = Objects.requireNonNull(change.apply(value), "next");
            if (next.equals(value)) {
                return;
            }
            value = next;
        }
        for (Consumer<? super T> l : listeners) {
            notifyOne(l, next);
        }
    }

    @Override
    public Subscription subscribe(Consumer<? super T> listener) {
        listeners.add(listener);
        notifyOne(listener, value);
        return () -> listeners.remove(listener);
    }

    private static <T> void notifyOne(Consumer<? super T> listener, T v) {
        try {
            listener.accept(v);
        } catch (RuntimeException e) {
            LOG.warn("a listener failed", e);
        }
    }
}
