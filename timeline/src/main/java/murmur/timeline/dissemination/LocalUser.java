package murmur.timeline.dissemination;

import java.util.Optional;

/** The user logged in on this peer, as dissemination needs it. */
public interface LocalUser {

    /** Who is logged in, if anyone. */
    Optional<String> name();

    /**
     * Whether the user logged in here wants {@code author}'s posts pushed: the user is the author or follows them.
     * False when nobody is logged in.
     */
    boolean follows(String author);

    /** Whether the user logged in here blocked {@code name}: their posts are not pushed to them. */
    default boolean blocks(String name) {
        return false;
    }

    /** Who is logged in, with what signs its receipts; empty when nobody is. */
    Optional<Holder> holder();

    /** Posts on disk changed (one arrived, or a delivery count grew): the user's timeline should be read again. */
    void postsChanged();
}
