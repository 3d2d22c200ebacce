package murmur.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the bootstrap-node daemon.
 *
 * @param host             address the node binds to (DHT and SNTP)
 * @param port             UDP and TCP port of the DHT; 0 picks a free port
 * @param dataDir          where the node keeps its store, routing table, status file and logs ({@code ~} expanded)
 * @param seeds            other bootstrap nodes to join, as {@code host:port}
 * @param shutdownTimeout  how long a clean shutdown may take before the process gives up waiting
 * @param sntpPort         UDP port of the SNTP server that answers from the node's clock; 0 picks a free port
 * @param adminHost        address of the admin HTTP endpoint ({@code /health}, {@code /metrics}); loopback by default
 * @param adminPort        TCP port of the admin endpoint; 0 picks a free port
 * @param exchangeInterval how often the node republishes its entry in {@code bootstrap/nodes} and reads the others
 * @param advertiseHost    the address other peers should use, published in {@code bootstrap/nodes}; empty means
 *                         {@code host}, or this machine's first non-loopback address when {@code host} is a wildcard
 * @param relay            whether the node relays for peers that nobody can dial (TCP, on {@code relayPort})
 * @param relayPort        the relay's TCP port; 0 means the DHT port + 1, where peers look for it
 * @param relayMaxPeers    peers it relays for at once
 * @param relayBytesPerSecond relayed bytes per second for one peer (beyond it, that peer is slowed)
 * @param relayMaxBytes    relayed bytes for one peer's reservation in all (beyond it, its circuits are cut)
 */
public record BootstrapSettings(String host, int port, Path dataDir, List<String> seeds, Duration shutdownTimeout,
        int sntpPort, String adminHost, int adminPort, Duration exchangeInterval, String advertiseHost,
        boolean relay, int relayPort, int relayMaxPeers, long relayBytesPerSecond, long relayMaxBytes) {

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
        checks.between("bootstrap.sntpPort", sntpPort, 0, 65_535);
        checks.require("bootstrap.adminHost", !adminHost.isBlank(), "must not be empty");
        checks.between("bootstrap.adminPort", adminPort, 0, 65_535);
        checks.positive("bootstrap.exchangeInterval", exchangeInterval);
        checks.between("bootstrap.relayPort", relayPort, 0, 65_535);
        checks.between("bootstrap.relayMaxPeers", relayMaxPeers, 0, 1_000_000);
        checks.require("bootstrap.relayBytesPerSecond", relayBytesPerSecond >= 1024, "must be at least 1024");
        checks.require("bootstrap.relayMaxBytes", relayMaxBytes >= 0, "must not be negative");
    }
}
