package murmur.timeline.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import murmur.dht.SigningKey;
import murmur.timeline.TimelineException;
import org.junit.jupiter.api.Test;

class DevicesValueTest {
    private static DevicesValue.Entry entry(String name) {
        SigningKey k = SigningKey.generate();
        return new DevicesValue.Entry(DevicesValue.idOf(k.publicKey()), k.publicKey(), name, 1, 0);
    }

    private static TimelineException.Reason refusal(byte[] json) {
        try {
            RecordJson.decode(json, DevicesValue.class, "devices/x").checked("devices/x");
            return null;
        } catch (TimelineException e) {
            return e.reason();
        }
    }

    @Test
    void aWellFormedListRoundTrips() {
        DevicesValue v = new DevicesValue(List.of(entry("laptop"), entry("phone").revokedAt(5)));
        DevicesValue back = RecordJson.decode(RecordJson.encode(v), DevicesValue.class, "devices/x").checked("x");
        assertThat(back.devices()).extracting(DevicesValue.Entry::name).containsExactly("laptop", "phone");
        assertThat(back.devices().get(1).revokedAtMillis()).isEqualTo(5);
    }

    @Test
    void hostileListsAreCorrupt() {
        DevicesValue.Entry e = entry("a");
        List<byte[]> bad = List.of(
                RecordJson.encode(new DevicesValue(Collections.nCopies(DevicesValue.MAX_DEVICES + 1, entry("x")))),
                RecordJson.encode(new DevicesValue(List.of(entry("n".repeat(DevicesValue.MAX_NAME_CHARS + 1))))),
                RecordJson.encode(new DevicesValue(List.of(new DevicesValue.Entry("0000000000000000",
                        e.publicKey(), "a", 1, 0)))),
                RecordJson.encode(new DevicesValue(List.of(e, e))),
                RecordJson.encode(new DevicesValue(List.of(new DevicesValue.Entry(e.id(), new byte[5], "a", 1, 0)))),
                "{\"devices\":[{\"id\":null}]}".getBytes(),
                "{\"devices\":7}".getBytes());
        for (byte[] json : bad) {
            assertThat(refusal(json)).as(new String(json)).isEqualTo(TimelineException.Reason.CORRUPT_RECORD);
        }
    }

    @Test
    void aRevocationIsNeverUndone() {
        DevicesValue.Entry e = entry("a").revokedAt(10);
        assertThat(e.revokedAt(20).revokedAtMillis()).isEqualTo(10);
        assertThatThrownBy(() -> new DevicesValue(null)).isInstanceOf(NullPointerException.class);
    }
}
