package murmur.timeline.dissemination;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** Reads a body written by {@link WireWriter}, refusing lengths and counts beyond the caller's limits. */
final class WireReader {
    private final ByteBuffer in;

    WireReader(byte[] body) {
        this.in = ByteBuffer.wrap(body);
    }

    int u8() throws WireException {
        need(1);
        return in.get() & 0xff;
    }

    /** A count or length from 0 to {@code max}. */
    int count(int max, String what) throws WireException {
        need(4);
        int n = in.getInt();
        if (n < 0 || n > max) {
            throw new WireException(what + " must be from 0 to " + max + ", got " + n);
        }
        return n;
    }

    long i64() throws WireException {
        need(8);
        return in.getLong();
    }

    String string(int maxBytes, String what) throws WireException {
        byte[] raw = bytes(maxBytes, what);
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(raw));
            return text.toString();
        } catch (CharacterCodingException e) {
            throw new WireException(what + " is not UTF-8");
        }
    }

    byte[] bytes(int maxBytes, String what) throws WireException {
        int n = count(maxBytes, what + " length");
        need(n);
        byte[] raw = new byte[n];
        in.get(raw);
        return raw;
    }

    /** Checks the version byte every message starts with. */
    WireReader expectVersion(int version) throws WireException {
        int got = u8();
        if (got != version) {
            throw new WireException("unsupported message version " + got + "; this peer speaks " + version);
        }
        return this;
    }

    /** Fails if bytes are left over: a well-formed message is read to its end. */
    void end() throws WireException {
        if (in.hasRemaining()) {
            throw new WireException(in.remaining() + " unexpected trailing bytes");
        }
    }

    private void need(int n) throws WireException {
        if (in.remaining() < n) {
            throw new WireException("truncated message");
        }
    }
}
