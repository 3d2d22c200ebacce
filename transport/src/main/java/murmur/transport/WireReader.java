package murmur.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link WireWriter} wrote. Every read checks bounds first and every length and count against the
 * caller's limit, so a hostile length never allocates; text must be valid UTF-8. Failures are
 * {@link MalformedInputException}s that say what was wrong.
 */
public final class WireReader {
    private final byte[] buf;
    private int pos;

    public WireReader(byte[] buf) {
        this.buf = buf;
    }

    public int u8() throws MalformedInputException {
        need(1, "byte");
        return buf[pos++] & 0xff;
    }

    public int u16() throws MalformedInputException {
        return (u8() << 8) | u8();
    }

    public int i32() throws MalformedInputException {
        return (u16() << 16) | u16();
    }

    public long i64() throws MalformedInputException {
        return ((long) i32() << 32) | (i32() & 0xffffffffL);
    }

    /** A boolean byte: 0 or 1, nothing else. */
    public boolean bool(String what) throws MalformedInputException {
        int b = u8();
        if (b > 1) {
            throw new MalformedInputException(what + ": boolean byte " + b);
        }
        return b == 1;
    }

    public byte[] raw(int n, String what) throws MalformedInputException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A count of elements from 0 to {@code max}. */
    public int count(int max, String what) throws MalformedInputException {
        int n = u16();
        if (n > max) {
            throw new MalformedInputException(n + " " + what + " exceed the limit of " + max);
        }
        return n;
    }

    /** Bytes with a 4-byte length prefix, at most {@code max} of them. */
    public byte[] blob(int max, String what) throws MalformedInputException {
        return raw(length(max, what), what);
    }

    /** A 4-byte length of at most {@code max}, whose bytes follow. */
    private int length(int max, String what) throws MalformedInputException {
        int n = i32();
        if (n < 0 || n > max) {
            throw new MalformedInputException(what + " of " + n + " bytes exceeds the limit of " + max);
        }
        need(n, what);
        return n;
    }

    /** UTF-8 text of at most {@code maxBytes} bytes; malformed UTF-8 is refused, not replaced. */
    public String text(int maxBytes, String what) throws MalformedInputException {
        int n = length(maxBytes, what);
        int start = pos;
        pos += n;
        // Names, addresses and most posts are ASCII, which is valid UTF-8 as it stands: one copy, no decoder. A
        // single byte above 0x7f sends the whole text through the strict decoder.
        if (ascii(start, n)) {
            return new String(buf, start, n, StandardCharsets.US_ASCII);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(buf, start, n)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedInputException(what + " is not UTF-8");
        }
    }

    private boolean ascii(int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** What {@link WireWriter#address} wrote. */
    public InetSocketAddress address() throws MalformedInputException {
        InetSocketAddress a = optionalAddress();
        if (a == null) {
            throw new MalformedInputException("address of 0 bytes is neither IPv4 nor IPv6");
        }
        return a;
    }

    /** What {@link WireWriter#optionalAddress} wrote: null for none. */
    public InetSocketAddress optionalAddress() throws MalformedInputException {
        int len = u8();
        if (len == 0) {
            return null;
        }
        if (len != 4 && len != 16) {
            throw new MalformedInputException("address of " + len + " bytes is neither IPv4 nor IPv6");
        }
        byte[] ip = raw(len, "address");
        int port = u16();
        if (port == 0) {
            throw new MalformedInputException("port 0 in an address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new MalformedInputException("bad address: " + e.getMessage());
        }
    }

    /** Checks the version byte a message starts with. */
    public WireReader expectVersion(int version) throws MalformedInputException {
        int got = u8();
        if (got != version) {
            throw new MalformedInputException("unsupported protocol version " + got + "; this peer speaks " + version);
        }
        return this;
    }

    /** Bytes not read yet: for a message that may end in an optional field. */
    public int remaining() {
        return buf.length - pos;
    }

    /** Fails if bytes are left over: a well-formed message is read to its end. */
    public void end() throws MalformedInputException {
        if (pos != buf.length) {
            throw new MalformedInputException((buf.length - pos) + " trailing bytes");
        }
    }

    /**
     * Fails unless every byte left is zero: a message padded on purpose (a request made as large as the answer it
     * asks for, so the answer amplifies nothing), read to its end.
     */
    public void endAfterPadding() throws MalformedInputException {
        for (int i = pos; i < buf.length; i++) {
            if (buf[i] != 0) {
                throw new MalformedInputException((buf.length - pos) + " trailing bytes that are not padding");
            }
        }
        pos = buf.length;
    }

    private void need(int n, String what) throws MalformedInputException {
        if (n < 0 || buf.length - pos < n) {
            throw new MalformedInputException("truncated: " + what + " needs " + n + " bytes, " + (buf.length - pos)
                    + " left");
        }
    }
}
