package murmur.transport;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Big-endian primitives into a growing byte array, in the layout {@link WireReader} reads: element counts in two
 * bytes, byte lengths (of blobs and UTF-8 text) in four.
 */
public final class WireWriter {
    private byte[] buf = new byte[256];
    private int size;

    public WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    public WireWriter i32(int v) {
        return u16(v >>> 16).u16(v & 0xffff);
    }

    public WireWriter i64(long v) {
        return i32((int) (v >>> 32)).i32((int) v);
    }

    /** The number of elements that follow; at most 65535. */
    public WireWriter count(int n) {
        if (n < 0 || n > 0xffff) {
            throw new IllegalArgumentException("a count must be from 0 to 65535, got " + n);
        }
        return u16(n);
    }

    public WireWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    /** Bytes with a 4-byte length prefix. */
    public WireWriter blob(byte[] bytes) {
        return i32(bytes.length).raw(bytes);
    }

    /** UTF-8 text with a 4-byte length prefix. */
    public WireWriter text(String s) {
        return blob(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An IP address (length 4 or 16, then its bytes) and a port. */
    public WireWriter address(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        return u8(ip.length).raw(ip).u16(address.getPort());
    }

    /** An address, or a single 0 byte for none. */
    public WireWriter optionalAddress(InetSocketAddress address) {
        return address == null || address.getAddress() == null ? u8(0) : address(address);
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
