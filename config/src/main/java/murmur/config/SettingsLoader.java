package murmur.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads {@link MurmurSettings}: the defaults in {@code murmur/defaults.yaml}, then user YAML files merged key by key
 * in order (a later file wins), then {@code key.path=value} overrides from the command line, then range checks. Every
 * problem is a {@link SettingsException} naming the key and where the value came from.
 */
public final class SettingsLoader {

    static final String DEFAULTS_RESOURCE = "murmur/defaults.yaml";

    private SettingsLoader() {}

    /** The built-in defaults. */
    public static MurmurSettings defaults() {
        return load(Optional.empty(), List.of());
    }

    /**
     * Loads the settings.
     *
     * @param userFile  a YAML file whose keys override the defaults
     * @param overrides {@code key.path=value} strings, applied in order after the file; lists are comma-separated
     * @throws SettingsException if a file is unreadable or a key is unknown, mistyped or out of range
     */
    public static MurmurSettings load(Optional<Path> userFile, List<String> overrides) {
        return load(userFile.stream().toList(), overrides);
    }

    /**
     * Loads the settings from several user files.
     *
     * @param userFiles YAML files merged over the defaults in this order: a key set in a later file wins
     * @param overrides {@code key.path=value} strings, applied in order after the files; lists are comma-separated
     * @throws SettingsException if a file is unreadable or a key is unknown, mistyped or out of range
     */
    public static MurmurSettings load(List<Path> userFiles, List<String> overrides) {
        return load(userFiles, overrides, System.getProperty("user.home"));
    }

    static MurmurSettings load(Optional<Path> userFile, List<String> overrides, String home) {
        return load(userFile.stream().toList(), overrides, home);
    }

    static MurmurSettings load(List<Path> userFiles, List<String> overrides, String home) {
        ObjectMapper mapper = mapper(home);
        SettingsTree tree = new SettingsTree(readDefaults(mapper));
        userFiles.forEach(file -> tree.merge(readFile(mapper, file), file.toString()));
        overrides.forEach(o -> tree.override(o, SettingsException.COMMAND_LINE));
        MurmurSettings settings;
        try {
            settings = mapper.treeToValue(tree.root(), MurmurSettings.class);
        } catch (JacksonException e) {
            throw MappingErrors.translate(e, tree);
        }
        Checks checks = new Checks(tree::sourceOf);
        DhtSettingsRules.validate(settings.dht(), checks);
        settings.bootstrap().validate(checks);
        settings.app().validate(checks);
        settings.timeline().validate(checks);
        return settings;
    }

    private static ObjectMapper mapper(String home) {
        return YAMLMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .addModule(new SettingsModule(home))
                .build();
    }

    private static ObjectNode readDefaults(ObjectMapper mapper) {
        try (InputStream in = SettingsLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    private static JsonNode readFile(ObjectMapper mapper, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(null, file.toString(), "settings file not found");
        }
        try {
            return mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new SettingsException(null, file.toString(), "not valid YAML" + where + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SettingsException(null, file.toString(), "cannot read settings file: " + e.getMessage(), e);
        }
    }
}
