package murmur.dht.rpc;

import java.time.Duration;

/** Runs tasks later: on an event loop in a real node, in virtual time in the simulator. */
public interface Scheduler {
    Cancellable schedule(Duration delay, Runnable task);

    /** Monotonic time in nanoseconds, for measuring round trips. */
    long nanoTime();

    /** Handle to a scheduled task. */
    interface Cancellable {
        void cancel();
    }
}
