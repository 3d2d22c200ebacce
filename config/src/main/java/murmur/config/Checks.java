package murmur.config;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Range checks on loaded settings; the first violation throws a {@link SettingsException} naming key and source. */
final class Checks {

    private final UnaryOperator<String> sourceOf;

    Checks(UnaryOperator<String> sourceOf) {
        this.sourceOf = sourceOf;
    }

    void require(String key, boolean ok, String problem) {
        if (!ok) {
            throw new SettingsException(key, sourceOf.apply(key), problem);
        }
    }

    void atLeast(String key, long value, long min) {
        require(key, value >= min, "must be at least " + min + ", got " + value);
    }

    void between(String key, long value, long min, long max) {
        require(key, value >= min && value <= max, "must be between " + min + " and " + max + ", got " + value);
    }

    void notAbove(String key, long value, String otherKey, long other) {
        require(key, value <= other, "must not exceed " + otherKey + " (" + other + "), got " + value);
    }

    void positive(String key, Duration value) {
        boolean positive = !value.isNegative() && !value.isZero();
        require(key, positive, "must be a positive duration, got " + Durations.format(value));
    }

    void notNegative(String key, Duration value) {
        require(key, !value.isNegative(), "must not be negative, got " + Durations.format(value));
    }

    void hostPorts(String key, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            try {
                HostPort.parse(values.get(i));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(key + "[" + i + "]", sourceOf.apply(key), e.getMessage(), e);
            }
        }
    }
}
