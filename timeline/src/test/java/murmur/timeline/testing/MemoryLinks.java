package murmur.timeline.testing;

import murmur.timeline.link.PeerAddress;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkSettings;

/**
 * The peer links of one in-memory test network: each {@link MemoryLink} is bound at a made-up loopback address
 * ({@link LoopbackAddresses}), and a request goes to the link bound at the first of the target's addresses that has
 * one. Handlers run, and answers and failures complete, on this registry's small pool of daemon threads, never on
 * the caller's. Close it after its links have closed.
 */
public final class MemoryLinks implements AutoCloseable {
    private static final int THREADS = 4;

    private final LoopbackAddresses addresses;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(THREADS,
            Daemons.named("memory-link"));
    private final Map<InetSocketAddress, MemoryLink> bound = new ConcurrentHashMap<>();

    public MemoryLinks(LoopbackAddresses addresses) {
        this.addresses = addresses;
    }

    /** A link at {@code bindAddress}, a loopback address (port 0: a made-up free one); fails when it is taken. */
    public CompletableFuture<DirectLink> bind(InetSocketAddress bindAddress, LinkSettings settings) {
        try {
            MemoryLink link = new MemoryLink(this, addresses.claim(bindAddress), settings);
            bound.put(link.address(), link);
            return CompletableFuture.completedFuture(link);
        } catch (BindException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The open link bound at the first of {@code to} that has one, or null: nobody listens there. */
    MemoryLink find(List<PeerAddress> to) {
        for (PeerAddress peer : to) {
            InetSocketAddress address = peer.address();
            MemoryLink link = bound.get(address);
            if (link != null && link.isOpen()) {
                return link;
            }
        }
        return null;
    }

    void unbind(MemoryLink link) {
        bound.remove(link.address(), link);
        addresses.release(link.address());
    }

    /** Runs {@code task} on the pool, or here when the pool has stopped, so every caller hears back. */
    void run(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException stopped) {
            task.run();
        }
    }

    /** Runs {@code task} on the pool after {@code delay}; the returned handle cancels it. */
    ScheduledFuture<?> later(Duration delay, Runnable task) {
        return threads.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
