package murmur.timeline.dissemination;

import murmur.timeline.post.PostIntake.Outcome;

/** The one-byte answer to a push: 1 if the receiver stored the post now, 2 if it had it already. */
final class PushAnswer {

    private PushAnswer() {}

    static byte[] encode(Outcome outcome) {
        return new byte[] {(byte) (outcome == Outcome.STORED ? 1 : 2)};
    }
}
