package murmur.transport.secure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import murmur.transport.Ed25519;
import murmur.transport.MalformedInputException;
import murmur.transport.Signer;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * One side of the two-message handshake. Each side sends {@code hello = [u8 version][ephemeral X25519 key 32]
 * [static Ed25519 key 32][signature 64]}; the initiator signs {@code "murmur-secure-1 I" | its ephemeral}, the
 * responder {@code "murmur-secure-1 R" | its ephemeral | the initiator's hello}, so the responder's proof is bound
 * to this session. Both then derive two keys with HKDF-SHA256 from the X25519 secret, salted with the hash of both
 * hellos: only the holders of the ephemeral private keys can seal or open a frame, so a replayed hello gains
 * nothing. The initiator names the key it expects; a responder with another key fails the handshake.
 */
public final class Handshake {
    static final int VERSION = 1;
    static final int KEY_BYTES = 32;
    static final int HELLO_BYTES = 1 + KEY_BYTES + Ed25519.PUBLIC_KEY_BYTES + Ed25519.SIGNATURE_BYTES;
    private static final byte[] INITIATOR_LABEL = "murmur-secure-1 I".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONDER_LABEL = "murmur-secure-1 R".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEYS_INFO = "murmur-secure-1 keys".getBytes(StandardCharsets.US_ASCII);

    private final boolean initiator;
    private final Signer self;
    private final Optional<byte[]> expectedPeer;
    private final byte[] ephemeralPrivate = new byte[X25519.SCALAR_SIZE];
    private final byte[] ephemeralPublic = new byte[X25519.POINT_SIZE];
    private byte[] sentHello;

    private Handshake(boolean initiator, Signer self, Optional<byte[]> expectedPeer, SecureRandom random) {
        this.initiator = initiator;
        this.self = self;
        this.expectedPeer = expectedPeer.map(byte[]::clone);
        X25519.generatePrivateKey(random, ephemeralPrivate);
        X25519.generatePublicKey(ephemeralPrivate, 0, ephemeralPublic, 0);
    }

    /** The side that dials, and knows whose key must answer. */
    public static Handshake initiator(Signer self, byte[] expectedPeer, SecureRandom random) {
        return new Handshake(true, self, Optional.of(expectedPeer), random);
    }

    /** The side that is dialled; any key may call, and {@link Keys#peer()} says whose did. */
    public static Handshake responder(Signer self, SecureRandom random) {
        return new Handshake(false, self, Optional.empty(), random);
    }

    /** The initiator's hello, sent first. */
    public byte[] initiatorHello() {
        if (!initiator) {
            throw new IllegalStateException("the responder answers a hello");
        }
        sentHello = hello(concat(INITIATOR_LABEL, ephemeralPublic));
        return sentHello.clone();
    }

    /** The responder reads the initiator's hello and answers with its own; then both keys are known. */
    public Result respond(byte[] initiatorHello) throws MalformedInputException {
        if (initiator) {
            throw new IllegalStateException("the initiator sends the first hello");
        }
        Hello peer = Hello.read(initiatorHello);
        peer.verify(concat(INITIATOR_LABEL, peer.ephemeral()));
        sentHello = hello(concat(RESPONDER_LABEL, ephemeralPublic, initiatorHello));
        return new Result(sentHello.clone(), keys(peer, initiatorHello, sentHello));
    }

    /** The initiator reads the responder's hello: the keys, or an error if it is not the expected peer. */
    public Keys finish(byte[] responderHello) throws MalformedInputException {
        if (!initiator || sentHello == null) {
            throw new IllegalStateException("finish follows the initiator's hello");
        }
        Hello peer = Hello.read(responderHello);
        if (!MessageDigest.isEqual(peer.key(), expectedPeer.orElseThrow())) {
            throw new MalformedInputException("the peer answered with another key than the one it was dialled for");
        }
        peer.verify(concat(RESPONDER_LABEL, peer.ephemeral(), sentHello));
        return keys(peer, sentHello, responderHello);
    }

    private byte[] hello(byte[] signed) {
        return new WireWriter().u8(VERSION).raw(ephemeralPublic).raw(self.publicKey()).raw(self.sign(signed))
                .toBytes();
    }

    private Keys keys(Hello peer, byte[] initiatorHello, byte[] responderHello) throws MalformedInputException {
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(ephemeralPrivate, 0, peer.ephemeral(), 0, shared, 0)) {
            throw new MalformedInputException("the peer's ephemeral key is a weak point");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared, sha256(concat(initiatorHello, responderHello)), KEYS_INFO));
        byte[] both = new byte[2 * KEY_BYTES];
        hkdf.generateBytes(both, 0, both.length);
        Arrays.fill(shared, (byte) 0);
        byte[] initiatorToResponder = Arrays.copyOfRange(both, 0, KEY_BYTES);
        byte[] responderToInitiator = Arrays.copyOfRange(both, KEY_BYTES, 2 * KEY_BYTES);
        return initiator ? new Keys(initiatorToResponder, responderToInitiator, peer.key())
                : new Keys(responderToInitiator, initiatorToResponder, peer.key());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The responder's answer and the keys both sides now hold. */
    public record Result(byte[] hello, Keys keys) {}

    /** The sending and receiving keys of one side, and the peer's proven Ed25519 key. */
    public record Keys(byte[] send, byte[] receive, byte[] peer) {}

    private record Hello(byte[] ephemeral, byte[] key, byte[] signature) {
        static Hello read(byte[] bytes) throws MalformedInputException {
            if (bytes.length != HELLO_BYTES) {
                throw new MalformedInputException("handshake hello of " + bytes.length + " B, not " + HELLO_BYTES);
            }
            WireReader r = new WireReader(bytes);
            int version = r.u8();
            if (version != VERSION) {
                throw new MalformedInputException("unsupported secure channel version " + version);
            }
            Hello h = new Hello(r.raw(KEY_BYTES, "ephemeral key"), r.raw(Ed25519.PUBLIC_KEY_BYTES, "key"),
                    r.raw(Ed25519.SIGNATURE_BYTES, "signature"));
            r.end();
            return h;
        }

        void verify(byte[] signed) throws MalformedInputException {
            if (!Ed25519.verify(key, signed, signature)) {
                throw new MalformedInputException("the peer's handshake signature does not verify");
            }
        }
    }
}
