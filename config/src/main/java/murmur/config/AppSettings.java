package murmur.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Settings of the desktop client.
 *
 * @param dataDir        where the client keeps keys, posts and its database ({@code ~} expanded)
 * @param bootstrapSeeds bootstrap nodes to join, as {@code host:port}
 */
public record AppSettings(Path dataDir, List<String> bootstrapSeeds) {

    public AppSettings {
        bootstrapSeeds = List.copyOf(bootstrapSeeds);
    }

    /** The bootstrap seeds as parsed endpoints. */
    public List<HostPort> seedEndpoints() {
        return bootstrapSeeds.stream().map(HostPort::parse).toList();
    }

    void validate(Checks checks) {
        checks.hostPorts("app.bootstrapSeeds", bootstrapSeeds);
    }
}
