package murmur.transport.relay;

import java.nio.charset.StandardCharsets;
import murmur.transport.Ed25519;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/**
 * Relay control messages, each one frame of the shared framing: {@code [u8 version 1][u8 type][body]}.
 * <pre>
 *  1 CHALLENGE  nonce (32)                2 RESERVE  key (32) | signature (64)
 *  3 RESERVED   u16 maxCircuits | u64 bytesPerSecond | u64 maxBytes
 *  4 REFUSED    str reason (at most 200 B of UTF-8)
 *  5 INCOMING   u64 circuit               6 CONNECT  target key (32)
 *  7 ACCEPT     u64 circuit               8 CONNECTED, 9 PING, 10 PONG: no body
 * </pre>
 * The reservation signature is over {@code "murmur-relay-reserve-1"} followed by the challenge nonce.
 */
public final class RelayCodec {
    static final int VERSION = 1;
    static final int NONCE_BYTES = 32;
    static final int MAX_REASON_BYTES = 200;
    private static final byte[] RESERVE_LABEL = "murmur-relay-reserve-1".getBytes(StandardCharsets.US_ASCII);

    private RelayCodec() {}

    /** What a reserving peer signs for {@code nonce}. */
    static byte[] reservationProof(byte[] nonce) {
        byte[] out = new byte[RESERVE_LABEL.length + nonce.length];
        System.arraycopy(RESERVE_LABEL, 0, out, 0, RESERVE_LABEL.length);
        System.arraycopy(nonce, 0, out, RESERVE_LABEL.length, nonce.length);
        return out;
    }

    public static byte[] encode(RelayMessage m) {
        WireWriter w = new WireWriter().u8(VERSION);
        if (m instanceof RelayMessage.Challenge c) {
            w.u8(1).raw(c.nonce());
        } else if (m instanceof RelayMessage.Reserve r) {
            w.u8(2).raw(r.key()).raw(r.signature());
        } else if (m instanceof RelayMessage.Reserved r) {
            w.u8(3).u16(r.maxCircuits()).i64(r.bytesPerSecond()).i64(r.maxBytes());
        } else if (m instanceof RelayMessage.Refused r) {
            w.u8(4).text(truncated(r.reason()));
        } else if (m instanceof RelayMessage.Incoming i) {
            w.u8(5).i64(i.circuit());
        } else if (m instanceof RelayMessage.Connect c) {
            w.u8(6).raw(c.target());
        } else if (m instanceof RelayMessage.Accept a) {
            w.u8(7).i64(a.circuit());
        } else if (m instanceof RelayMessage.Connected) {
            w.u8(8);
        } else if (m instanceof RelayMessage.Ping) {
            w.u8(9);
        } else if (m instanceof RelayMessage.Pong) {
            w.u8(10);
        }
        return w.toBytes();
    }

    public static RelayMessage decode(byte[] bytes) throws MalformedInputException {
        WireReader r = new WireReader(bytes);
        int version = r.u8();
        if (version != VERSION) {
            throw new MalformedInputException("unsupported relay protocol version " + version);
        }
        int type = r.u8();
        RelayMessage m = switch (type) {
            case 1 -> new RelayMessage.Challenge(r.raw(NONCE_BYTES, "nonce"));
            case 2 -> new RelayMessage.Reserve(r.raw(Ed25519.PUBLIC_KEY_BYTES, "key"),
                    r.raw(Ed25519.SIGNATURE_BYTES, "signature"));
            case 3 -> new RelayMessage.Reserved(r.u16(), nonNegative(r.i64()), nonNegative(r.i64()));
            case 4 -> new RelayMessage.Refused(r.text(MAX_REASON_BYTES, "reason"));
            case 5 -> new RelayMessage.Incoming(r.i64());
            case 6 -> new RelayMessage.Connect(r.raw(Ed25519.PUBLIC_KEY_BYTES, "target key"));
            case 7 -> new RelayMessage.Accept(r.i64());
            case 8 -> new RelayMessage.Connected();
            case 9 -> new RelayMessage.Ping();
            case 10 -> new RelayMessage.Pong();
            default -> throw new MalformedInputException("unknown relay message type " + type);
        };
        r.end();
        return m;
    }

    private static long nonNegative(long v) throws MalformedInputException {
        if (v < 0) {
            throw new MalformedInputException("negative limit " + v);
        }
        return v;
    }

    private static String truncated(String reason) {
        String s = reason;
        while (s.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
