package murmur.timeline.dissemination;

import java.util.Arrays;
import java.util.List;
import murmur.timeline.post.Holding;

/**
 * Who now holds a post, sent one hop back up the tree; each hop merges what its children report and passes it on,
 * so the author learns the count from its two children instead of from every follower. Each holder signs for
 * itself ({@link Holding}); the author counts only signatures that check.
 *
 * @param author  the post's author
 * @param device  the device log the post belongs to
 * @param seq     the post's sequence number
 * @param holders followers that stored the post (or already had it), each with its signature
 */
record ReceiptMessage(String author, String device, long seq, List<Held> holders) {

    ReceiptMessage {
        holders = List.copyOf(holders);
    }

    /** One holder's name and its {@link Holding} signature. */
    record Held(String name, byte[] signature) {
        Held {
            if (signature.length != Holding.SIGNATURE_BYTES) {
                throw new IllegalArgumentException("a holding signature has " + Holding.SIGNATURE_BYTES + " bytes");
            }
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Held h && name.equals(h.name) && Arrays.equals(signature, h.signature);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(signature);
        }

        @Override
        public String toString() {
            return "Held[" + name + "]";
        }
    }
}
