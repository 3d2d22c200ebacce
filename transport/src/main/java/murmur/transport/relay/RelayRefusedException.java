package murmur.transport.relay;

import java.io.IOException;

/** A relay said no (the reason is its words), or the relayed connection failed before the circuit opened. */
public final class RelayRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RelayRefusedException(String message) {
        super(message);
    }
}
