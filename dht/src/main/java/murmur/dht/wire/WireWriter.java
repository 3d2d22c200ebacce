package murmur.dht.wire;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import murmur.dht.NodeId;

/** Big-endian primitives into a growing byte array. */
final class WireWriter {
    private byte[] buf = new byte[256];
    private int size;

    WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    WireWriter u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    WireWriter i32(int v) {
        return u16(v >>> 16).u16(v & 0xffff);
    }

    WireWriter i64(long v) {
        return i32((int) (v >>> 32)).i32((int) v);
    }

    WireWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    WireWriter id(NodeId id) {
        return raw(id.toBytes());
    }

    /** Bytes with a 32-bit length prefix. */
    WireWriter blob(byte[] bytes) {
        return i32(bytes.length).raw(bytes);
    }

    WireWriter text(String s) {
        return blob(s.getBytes(StandardCharsets.UTF_8));
    }

    WireWriter address(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        return u8(ip.length).raw(ip).u16(address.getPort());
    }

    /** An address, or a single 0 byte for none. */
    WireWriter optionalAddress(InetSocketAddress address) {
        return address == null || address.getAddress() == null ? u8(0) : address(address);
    }

    byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
