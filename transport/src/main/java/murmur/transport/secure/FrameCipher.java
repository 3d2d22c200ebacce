package murmur.transport.secure;

import murmur.transport.MalformedInputException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Seals and opens the frames of one direction with ChaCha20-Poly1305; the nonce is the frame's number in that
 * direction, so a frame dropped, repeated or moved fails to open. Not thread-safe: one event loop uses it.
 */
final class FrameCipher {
    static final int TAG_BYTES = 16;
    private static final int NONCE_BYTES = 12;

    private final KeyParameter key;
    private long counter;

    FrameCipher(byte[] key) {
        this.key = new KeyParameter(key);
    }

    byte[] seal(byte[] plaintext) {
        try {
            return run(true, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("sealing cannot fail", e);
        }
    }

    byte[] open(byte[] sealed) throws MalformedInputException {
        if (sealed.length < TAG_BYTES) {
            throw new MalformedInputException("sealed frame of " + sealed.length + " B is shorter than its tag");
        }
        try {
            return run(false, sealed);
        } catch (InvalidCipherTextException e) {
            throw new MalformedInputException("a frame failed authentication: altered, forged, replayed or lost");
        }
    }

    private byte[] run(boolean sealing, byte[] in) throws InvalidCipherTextException {
        if (counter == Long.MAX_VALUE) {
            throw new IllegalStateException("frame counter exhausted");
        }
        ChaCha20Poly1305 aead = new ChaCha20Poly1305();
        aead.init(sealing, new AEADParameters(key, TAG_BYTES * 8, nonce(counter)));
        byte[] out = new byte[aead.getOutputSize(in.length)];
        int n = aead.processBytes(in, 0, in.length, out, 0);
        aead.doFinal(out, n);
        counter++;
        return out;
    }

    private static byte[] nonce(long counter) {
        byte[] nonce = new byte[NONCE_BYTES];
        for (int i = 0; i < 8; i++) {
            nonce[NONCE_BYTES - 1 - i] = (byte) (counter >>> (8 * i));
        }
        return nonce;
    }
}
