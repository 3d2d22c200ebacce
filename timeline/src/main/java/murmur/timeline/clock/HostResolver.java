package murmur.timeline.clock;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name lookups with a deadline. The JDK resolver cannot be interrupted, so a lookup that overruns is abandoned on
 * its own thread and counts as no answer.
 */
final class HostResolver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostResolver.class);

    /** A virtual thread per lookup: an abandoned one costs a few hundred bytes, not a platform thread. */
    private final ExecutorService lookups =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("clock-dns-", 0).factory());

    /** The address of {@code source}, or empty if its name does not resolve within {@code timeout}. */
    Optional<InetAddress> resolve(InetSocketAddress source, Duration timeout) {
        if (!source.isUnresolved()) {
            return Optional.of(source.getAddress());
        }
        Future<InetAddress> lookup = lookups.submit(() -> InetAddress.getByName(source.getHostString()));
        try {
            return Optional.of(lookup.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            LOG.debug("time source {} does not resolve: {}", source.getHostString(), e.getCause().toString());
        } catch (TimeoutException e) {
            lookup.cancel(true);
            LOG.debug("time source {} did not resolve within {}", source.getHostString(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        lookups.shutdownNow();
    }
}
