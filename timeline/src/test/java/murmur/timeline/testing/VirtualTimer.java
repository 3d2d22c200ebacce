package murmur.timeline.testing;

import java.util.PriorityQueue;

/**
 * Virtual time for {@link UplinkShaper}: tasks run, in time order, only when a test moves the time on with
 * {@link #runUntil}; what a task schedules runs in the same call when it falls due by then.
 */
public final class VirtualTimer implements UplinkShaper.Timer {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long now;
    private long order;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void schedule(Runnable task, long delayNanos) {
        tasks.add(new Task(now + delayNanos, order++, task));
    }

    /** Runs every task due by {@code time} (nanoseconds), then sets the time to it. */
    public void runUntil(long time) {
        while (!tasks.isEmpty() && tasks.peek().at() <= time) {
            Task next = tasks.poll();
            now = next.at();
            next.run().run();
        }
        now = time;
    }

    private record Task(long at, long order, Runnable run) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(order, o.order);
        }
    }
}
