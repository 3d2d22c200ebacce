package murmur.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Turns Jackson's conversion errors into {@link SettingsException}s that name the key and its source. */
final class MappingErrors {

    private MappingErrors() {}

    static SettingsException translate(JacksonException e, SettingsTree tree) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return new SettingsException(null, "settings", "invalid settings: " + e.getOriginalMessage(), e);
        }
        String key = keyOf(m.getPath());
        String source = tree.sourceOf(key);
        if (m instanceof UnrecognizedPropertyException) {
            return new SettingsException(key, source, "unknown key", e);
        }
        Class<?> target = m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        if (target == null) {
            return new SettingsException(key, source, "invalid value: " + e.getOriginalMessage(), e);
        }
        return new SettingsException(key, source,
                "expected " + describe(target) + ", got " + SettingsTree.show(tree.node(key)), e);
    }

    private static String keyOf(List<JsonMappingException.Reference> path) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                key.append(key.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.toString();
    }

    static String describe(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        } else if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        } else if (type == Duration.class) {
            return Durations.SYNTAX;
        } else if (type == Path.class) {
            return "a path";
        } else if (type == String.class) {
            return "a text value";
        } else if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        } else if (type.isRecord()) {
            return "a section";
        }
        return "a value of type " + type.getSimpleName();
    }
}
