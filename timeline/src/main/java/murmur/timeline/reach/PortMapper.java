package murmur.timeline.reach;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the home router to forward a port to this machine (UPnP IGD, NAT-PMP or PCP). Every method completes in
 * bounded time whatever the router does (answers garbage, slowly, or not at all) and never throws; a router that
 * cannot be opened completes with empty.
 */
public interface PortMapper {

    /** No router is asked: for loopback peers, tests and users who turned mapping off. */
    PortMapper NONE = new PortMapper() {
        @Override
        public CompletableFuture<Optional<PortMapping>> map(PortMapping.Protocol protocol, int internalPort,
                Duration lifetime) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletableFuture<Void> unmap(PortMapping mapping) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> close() {
            return CompletableFuture.completedFuture(null);
        }
    };

    /**
     * Forwards {@code protocol} traffic to {@code internalPort} of this machine for {@code lifetime}; the external
     * port is the same where the router allows. Renew by mapping again before the lease ends.
     */
    CompletableFuture<Optional<PortMapping>> map(PortMapping.Protocol protocol, int internalPort, Duration lifetime);

    /** Removes a mapping this mapper made. */
    CompletableFuture<Void> unmap(PortMapping mapping);

    /** Removes every mapping this mapper made and releases what it holds; the mapper maps nothing after. */
    CompletableFuture<Void> close();
}
