package murmur.timeline.observe;

import java.util.function.Consumer;

/**
 * A value that changes over time and tells its listeners, on whatever thread changed it. The app moves updates onto
 * its UI thread itself; nothing here knows about JavaFX.
 *
 * @param <T> an immutable snapshot type
 */
public interface Live<T> {

    /** The current value. */
    T get();

    /** Calls {@code listener} with the current value now and with every later value until the subscription closes. */
    Subscription subscribe(Consumer<? super T> listener);
}
