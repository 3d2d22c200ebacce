package murmur.timeline.reach;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports a peer listened on last time, kept in {@code <data>/ports.properties}, so that other nodes' routing
 * tables, cached presence and router mappings stay valid across restarts. A missing or damaged file means "none
 * kept yet"; it is rewritten whole (write, then rename) so a crash never leaves half of it.
 */
public final class KeptPorts {
    private static final Logger LOG = LoggerFactory.getLogger(KeptPorts.class);
    static final String FILE = "ports.properties";

    private final Path file;
    private final Properties values = new Properties();

    private KeptPorts(Path file) {
        this.file = file;
    }

    public static KeptPorts in(Path dataDir) {
        KeptPorts kept = new KeptPorts(dataDir.resolve(FILE));
        if (Files.isRegularFile(kept.file)) {
            try (InputStream in = Files.newInputStream(kept.file)) {
                kept.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("{} unreadable ({}); choosing new ports", kept.file, e.getMessage());
                kept.values.clear();
            }
        }
        return kept;
    }

    /** The port kept under {@code name}, or 0 when none (or not a port). */
    public synchronized int get(String name) {
        try {
            int port = Integer.parseInt(values.getProperty(name, "0").trim());
            return port > 0 && port <= 65_535 ? port : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Keeps {@code port} under {@code name} on disk; a failure to write is logged, not thrown. */
    public synchronized void put(String name, int port) {
        if (get(name) == port) {
            return;
        }
        values.setProperty(name, Integer.toString(port));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Ports this peer listens on; delete to choose new ones");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot keep the ports in {}: {}", file, e.getMessage());
        }
    }

    /**
     * The port to try: the configured one when not 0, else the one kept from last run, else 0 (any free port).
     */
    public int choose(String name, int configured) {
        return configured != 0 ? configured : get(name);
    }
}
