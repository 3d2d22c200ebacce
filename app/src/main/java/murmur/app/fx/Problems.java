package murmur.app.fx;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import murmur.timeline.TimelineException;

/** Failures as sentences a user can act on. */
public final class Problems {

    private Problems() {}

    /** What went wrong, in words; the domain's own message where it has one. */
    public static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof TimelineException e) {
            return describe(e);
        }
        if (cause instanceof UnsupportedOperationException) {
            return "This Murmur cannot do that yet.";
        }
        if (cause instanceof CancellationException) {
            return "Cancelled.";
        }
        return "Something went wrong: " + sentence(cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage());
    }

    /** The domain reason behind a failure, if it is a {@link TimelineException}. */
    public static TimelineException.Reason reasonOf(Throwable failure) {
        return unwrap(failure) instanceof TimelineException e ? e.reason() : null;
    }

    private static String describe(TimelineException e) {
        switch (e.reason()) {
            case NO_NETWORK:
                return "No bootstrap node is reachable, so Murmur cannot reach the network. Check the connection "
                        + "and the bootstrap nodes' addresses (--bootstrap, or app.bootstrapSeeds in settings.yaml in "
                        + "the data directory), then try again.";
            case LOGGED_OUT:
                return "You are signed out.";
            default:
                return sentence(e.getMessage());
        }
    }

    /** The domain's messages are clauses ("the name 'bob' is taken"); the UI shows sentences. */
    static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "Something went wrong.";
        }
        String s = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") || s.endsWith("!") || s.endsWith("?") ? s : s + ".";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
