package murmur.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the bootstrap-node daemon.
 *
 * @param host            address the node binds to
 * @param port            UDP and TCP port; 0 picks a free port
 * @param dataDir         where the node keeps its store, routing table, status file and logs ({@code ~} expanded)
 * @param seeds           other bootstrap nodes to join, as {@code host:port}
 * @param shutdownTimeout how long a clean shutdown may take before the process gives up waiting
 */
public record BootstrapSettings(String host, int port, Path dataDir, List<String> seeds, Duration shutdownTimeout) {

    public BootstrapSettings {
        seeds = List.copyOf(seeds);
    }

    /** The seeds as parsed endpoints. */
    public List<HostPort> seedEndpoints() {
        return seeds.stream().map(HostPort::parse).toList();
    }

    void validate(Checks checks) {
        checks.require("bootstrap.host", !host.isBlank(), "must not be empty");
        checks.between("bootstrap.port", port, 0, 65_535);
        checks.hostPorts("bootstrap.seeds", seeds);
        checks.positive("bootstrap.shutdownTimeout", shutdownTimeout);
    }
}
