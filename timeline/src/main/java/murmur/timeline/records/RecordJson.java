package murmur.timeline.records;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import murmur.timeline.TimelineException;

/**
 * JSON for the values of DHT records. Values come from the network, so decoding is strict about types and nulls,
 * bounded in nesting and length, and fails with {@code CORRUPT_RECORD}; unknown fields are ignored so later versions
 * can add some.
 */
public final class RecordJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(16).maxStringLength(200_000).maxNumberLength(40).build());
    }

    private RecordJson() {}

    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Decodes {@code bytes}; {@code what} names the record in the error. */
    public static <T> T decode(byte[] bytes, Class<T> type, String what) {
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new TimelineException(TimelineException.Reason.CORRUPT_RECORD, what + " is empty");
            }
            return value;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new TimelineException(TimelineException.Reason.CORRUPT_RECORD, what + " is malformed: "
                    + e.getMessage(), e);
        }
    }
}
