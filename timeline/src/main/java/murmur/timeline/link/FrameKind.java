package murmur.timeline.link;

import java.util.Optional;

/** What a frame is, as its wire code. */
enum FrameKind {
    REQUEST(0),
    RESPONSE(1),
    ERROR(2);

    private final int code;

    FrameKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static Optional<FrameKind> ofCode(int code) {
        for (FrameKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
