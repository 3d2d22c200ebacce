package murmur.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Murmur build, as stamped into {@code murmur/version.properties} by Maven. */
public final class MurmurVersion {

    private MurmurVersion() {}

    /** The version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} when the build did not stamp it. */
    public static String get() {
        try (InputStream in = MurmurVersion.class.getClassLoader().getResourceAsStream("murmur/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
