package murmur.timeline.link;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

/** The text a peer receives when a handler fails: the exception's own message, capped in length. */
final class HandlerFailures {
    static final int MAX_REASON_CHARS = 500;

    private HandlerFailures() {}

    static String describe(Throwable failure, Duration timeout) {
        Throwable cause = unwrap(failure);
        String reason;
        if (cause instanceof TimeoutException) {
            reason = "no answer within " + timeout.toMillis() + " ms";
        } else if (cause instanceof RejectedExecutionException) {
            reason = "shutting down";
        } else if (cause.getMessage() == null || cause.getMessage().isBlank()) {
            reason = cause.getClass().getSimpleName();
        } else {
            reason = cause.getMessage();
        }
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS);
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
