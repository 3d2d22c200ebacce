package murmur.config;

import java.util.Optional;

/**
 * Settings could not be loaded: a file is unreadable, or a key is unknown, has the wrong type or is out of range.
 * The message names the key path (such as {@code dht.k}) and where the value came from: a file path,
 * {@value #COMMAND_LINE} or {@value #DEFAULTS}.
 */
public final class SettingsException extends RuntimeException {

    /** Source name of values given as {@code key=value} overrides. */
    public static final String COMMAND_LINE = "command line";
    /** Source name of the built-in defaults. */
    public static final String DEFAULTS = "defaults";

    private final String key;
    private final String source;

    SettingsException(String key, String source, String problem, Throwable cause) {
        super(key == null ? problem + " (" + source + ")" : "setting '" + key + "' from " + source + ": " + problem,
                cause);
        this.key = key;
        this.source = source;
    }

    SettingsException(String key, String source, String problem) {
        this(key, source, problem, null);
    }

    /** The key path at fault, if the problem concerns one key. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** Where the faulty value came from: a file path, {@value #COMMAND_LINE} or {@value #DEFAULTS}. */
    public String source() {
        return source;
    }
}
