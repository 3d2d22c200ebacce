package murmur.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Jackson deserializers for the value types of settings: durations and paths with {@code ~} expanded. */
final class SettingsModule extends SimpleModule {

    SettingsModule(String home) {
        super("murmur-settings");
        addDeserializer(Duration.class, new DurationDeserializer());
        addDeserializer(Path.class, new PathDeserializer(home));
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return Durations.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw ctxt.weirdStringException(p.getText(), Duration.class, e.getMessage());
            }
        }
    }

    private static final class PathDeserializer extends StdScalarDeserializer<Path> {

        private final String home;

        PathDeserializer(String home) {
            super(Path.class);
            this.home = home;
        }

        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING) || p.getText().isBlank()) {
                return (Path) ctxt.handleUnexpectedToken(Path.class, p);
            }
            String text = p.getText().strip();
            if (text.equals("~") || text.startsWith("~/")) {
                return Path.of(home + text.substring(1));
            }
            return Path.of(text);
        }
    }
}
