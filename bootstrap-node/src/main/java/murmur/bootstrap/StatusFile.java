package murmur.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import murmur.config.BootstrapSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code <dataDir>/status.json}: the node's state, replaced atomically so readers never see half a file. */
final class StatusFile {

    private static final Logger LOG = LoggerFactory.getLogger(StatusFile.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BootstrapSettings settings;
    private final Clock clock;
    private final Path path;
    private Instant startedAt;

    StatusFile(BootstrapSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.path = settings.dataDir().resolve("status.json");
    }

    Path path() {
        return path;
    }

    void write(BootstrapDaemon.State state, Map<String, Object> dht) {
        Instant now = clock.instant();
        if (startedAt == null) {
            startedAt = now;
        }
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", state.name());
        status.put("pid", ProcessHandle.current().pid());
        status.put("host", settings.host());
        status.put("port", settings.port());
        status.put("seeds", settings.seeds());
        status.put("dht", dht);
        status.put("startedAt", startedAt.toString());
        status.put("updatedAt", now.toString());
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), status);
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot write status file {}: {}", path, e.toString());
        }
    }
}
