package murmur.dht.wire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import murmur.dht.NodeId;

/** Reads what {@link WireWriter} wrote; every read checks bounds and fails with a clear message. */
final class WireReader {
    private final byte[] buf;
    private int pos;

    WireReader(byte[] buf) {
        this.buf = buf;
    }

    int u8() throws MalformedMessageException {
        need(1, "byte");
        return buf[pos++] & 0xff;
    }

    int u16() throws MalformedMessageException {
        return (u8() << 8) | u8();
    }

    int i32() throws MalformedMessageException {
        return (u16() << 16) | u16();
    }

    long i64() throws MalformedMessageException {
        return ((long) i32() << 32) | (i32() & 0xffffffffL);
    }

    byte[] raw(int n, String what) throws MalformedMessageException {
        need(n, what);
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    NodeId id() throws MalformedMessageException {
        return NodeId.of(raw(NodeId.BYTES, "id"));
    }

    byte[] blob(int max, String what) throws MalformedMessageException {
        int n = i32();
        if (n < 0 || n > max) {
            throw new MalformedMessageException(what + " of " + n + " bytes exceeds the limit of " + max);
        }
        return raw(n, what);
    }

    String text(int max) throws MalformedMessageException {
        return new String(blob(max, "text"), StandardCharsets.UTF_8);
    }

    InetSocketAddress address() throws MalformedMessageException {
        InetSocketAddress a = optionalAddress();
        if (a == null) {
            throw new MalformedMessageException("address of 0 bytes is neither IPv4 nor IPv6");
        }
        return a;
    }

    /** What {@link WireWriter#optionalAddress} wrote: null for none. */
    InetSocketAddress optionalAddress() throws MalformedMessageException {
        int len = u8();
        if (len == 0) {
            return null;
        }
        if (len != 4 && len != 16) {
            throw new MalformedMessageException("address of " + len + " bytes is neither IPv4 nor IPv6");
        }
        byte[] ip = raw(len, "address");
        int port = u16();
        if (port == 0) {
            throw new MalformedMessageException("port 0 in a contact");
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("bad address: " + e.getMessage());
        }
    }

    int count(int max, String what) throws MalformedMessageException {
        int n = u16();
        if (n > max) {
            throw new MalformedMessageException(n + " " + what + " exceed the limit of " + max);
        }
        return n;
    }

    void end() throws MalformedMessageException {
        if (pos != buf.length) {
            throw new MalformedMessageException((buf.length - pos) + " trailing bytes");
        }
    }

    private void need(int n, String what) throws MalformedMessageException {
        if (n < 0 || buf.length - pos < n) {
            throw new MalformedMessageException("truncated: " + what + " needs " + n + " bytes, "
                    + (buf.length - pos) + " left");
        }
    }
}
