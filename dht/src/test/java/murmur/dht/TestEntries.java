package murmur.dht;

import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;

/** Set entries with the proof of work tests need: at least the default minimum, or an exact amount. */
public final class TestEntries {
    /** {@code dht.setMinWorkBits} as the defaults set it. */
    public static final int DEFAULT_BITS = SettingsLoader.load(Optional.empty(), List.of()).dht().setMinWorkBits();

    private TestEntries() {}

    /** {@code entry} signed again with a nonce of at least the default minimum work. */
    public static SetEntry worked(SigningKey writer, SetEntry entry) {
        return worked(writer, entry, DEFAULT_BITS);
    }

    public static SetEntry worked(SigningKey writer, SetEntry entry, int bits) {
        return entry.withNonce(writer, SetWork.find(entry.setKey(), entry.writer(), bits, 0));
    }

    /** {@code entry} signed again with a nonce of exactly {@code bits} of work, no more. */
    public static SetEntry exactly(SigningKey writer, SetEntry entry, int bits) {
        long nonce = SetWork.find(entry.setKey(), entry.writer(), bits, 0);
        while (SetWork.bits(entry.setKey(), entry.writer(), nonce) != bits) {
            nonce = SetWork.find(entry.setKey(), entry.writer(), bits, nonce + 1);
        }
        return entry.withNonce(writer, nonce);
    }
}
