package murmur.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The settings the desktop app keeps for its user, in {@value #FILE_NAME} in its data directory: the same YAML
 * layout as any settings file, merged over the defaults. The app writes it (the bootstrap node chosen on first run)
 * and the user may edit it; a save changes only its own key and keeps every other key (not comments). A save writes
 * a temporary file beside it and moves it into place, so a crash leaves the old file or the new one, never half.
 */
public final class UserSettingsFile {

    /** The file's name in the data directory. */
    public static final String FILE_NAME = "settings.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();

    private final Path path;

    private UserSettingsFile(Path path) {
        this.path = path;
    }

    /** The settings file of the data directory {@code dataDir}. */
    public static UserSettingsFile in(Path dataDir) {
        return new UserSettingsFile(dataDir.resolve(FILE_NAME));
    }

    /** The file at {@code path}. */
    public static UserSettingsFile at(Path path) {
        return new UserSettingsFile(path);
    }

    public Path path() {
        return path;
    }

    /** The path, if the file exists: what to hand {@link SettingsLoader#load(List, List)}. */
    public Optional<Path> existing() {
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * The defaults with this file merged over them (just the defaults when it does not exist).
     *
     * @throws SettingsException naming the file, if it is unreadable, not YAML, or has a bad key or value
     */
    public MurmurSettings read() {
        return SettingsLoader.load(existing().stream().toList(), List.of());
    }

    /**
     * Sets {@code app.bootstrapSeeds} in the file to {@code seeds}, creating the file (and its directory) if needed
     * and keeping every other key in it.
     *
     * @throws SettingsException naming the file, if it exists but is not a YAML map, or cannot be written
     */
    public void saveBootstrapSeeds(List<HostPort> seeds) {
        ObjectNode root = currentTree();
        JsonNode app = root.get("app");
        ObjectNode section;
        if (app == null || app.isNull()) {
            section = root.putObject("app");
        } else if (app instanceof ObjectNode existing) {
            section = existing;
        } else {
            throw new SettingsException("app", path.toString(), "expected a section, got " + SettingsTree.show(app)
                    + "; fix or remove the file");
        }
        ArrayNode list = section.putArray("bootstrapSeeds");
        seeds.forEach(seed -> list.add(seed.toString()));
        write(root);
    }

    private ObjectNode currentTree() {
        if (!Files.exists(path)) {
            return YAML.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(path.toFile());
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new SettingsException(null, path.toString(), "not valid YAML" + where + ": "
                    + e.getOriginalMessage() + "; fix or remove the file", e);
        } catch (IOException e) {
            throw new SettingsException(null, path.toString(), "cannot read settings file: " + e.getMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return YAML.createObjectNode();
        }
        if (tree instanceof ObjectNode map) {
            return map;
        }
        throw new SettingsException(null, path.toString(), "expected a map of settings, got "
                + SettingsTree.show(tree) + "; fix or remove the file");
    }

    private void write(ObjectNode root) {
        Path target = path;
        Path temp = null;
        try {
            // A user's symbolic link (to a dotfiles folder, say) stays a link: the file it points to is replaced.
            if (Files.isSymbolicLink(target)) {
                target = target.toRealPath();
            }
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            byte[] bytes = YAML.writeValueAsBytes(root);
            temp = Files.createTempFile(dir, "." + FILE_NAME + "-", ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SettingsException(null, path.toString(), "cannot save settings: " + describe(e), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a stray temporary file next to the settings is harmless
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
