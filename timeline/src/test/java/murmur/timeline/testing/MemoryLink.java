package murmur.timeline.testing;

import murmur.timeline.link.PeerAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import murmur.timeline.link.DirectLink;
import murmur.timeline.link.LinkException;
import murmur.timeline.link.LinkException.Kind;
import murmur.timeline.link.LinkSettings;
import murmur.timeline.link.RequestHandler;

/**
 * A peer link in memory, one of a {@link MemoryLinks}. It fails as the TCP link does: a peer nobody listens for is
 * {@link Kind#UNREACHABLE} (a refused connection), a target that closes before answering {@link Kind#CLOSED}, an
 * unknown message type or a failed handler {@link Kind#REMOTE_ERROR} with the reason, a late answer
 * {@link Kind#TIMEOUT}, a body over the frame limit {@link Kind#TOO_LARGE}, and any request once this link closed
 * {@link Kind#SHUT_DOWN}. Bodies are copied both ways, as bytes on a wire would be.
 */
final class MemoryLink implements DirectLink {
    /** Version, kind, type and id in front of every body (docs/ARCHITECTURE.md, 3b). */
    private static final int FRAME_HEADER_BYTES = 12;
    private static final int MAX_TYPE = 0xffff;

    private final MemoryLinks links;
    private final InetSocketAddress address;
    private final LinkSettings settings;
    private final Map<Integer, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final Set<CompletableFuture<byte[]>> unanswered = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    MemoryLink(MemoryLinks links, InetSocketAddress address, LinkSettings settings) {
        this.links = links;
        this.address = address;
        this.settings = settings;
    }

    @Override
    public void onRequest(int type, RequestHandler handler) {
        if (type < 0 || type > MAX_TYPE) {
            throw new IllegalArgumentException("message type must be from 0 to 65535, got " + type);
        }
        RequestHandler before = handlers.putIfAbsent(type, handler);
        if (before != null && before != handler) {
            throw new IllegalStateException("message type " + type + " has a handler already");
        }
    }

    @Override
    public CompletableFuture<byte[]> request(List<PeerAddress> to, int type, byte[] body) {
        if (!open) {
            return CompletableFuture.failedFuture(new LinkException(Kind.SHUT_DOWN, "the link is closed"));
        }
        int maxBody = settings.maxFrameBytes() - FRAME_HEADER_BYTES;
        if (body.length > maxBody) {
            return CompletableFuture.failedFuture(new LinkException(Kind.TOO_LARGE,
                    "a body of " + body.length + " B exceeds the limit of " + maxBody + " B"));
        }
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        track(answer, to);
        byte[] sent = body.clone();
        links.run(() -> {
            MemoryLink target = links.find(to);
            if (target == null) {
                answer.completeExceptionally(new LinkException(Kind.UNREACHABLE, "connection refused: " + to));
                return;
            }
            target.serve(address, type, sent).whenComplete((reply, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : failure);
                } else {
                    answer.complete(reply.clone());
                }
            });
        });
        return onPool(answer);
    }

    /** {@code answer}'s outcome, delivered on the pool whichever thread ended it (a handler's, a closing one). */
    private CompletableFuture<byte[]> onPool(CompletableFuture<byte[]> answer) {
        CompletableFuture<byte[]> delivered = new CompletableFuture<>();
        answer.whenComplete((reply, failure) -> links.run(() -> {
            if (failure != null) {
                delivered.completeExceptionally(failure);
            } else {
                delivered.complete(reply);
            }
        }));
        return delivered;
    }

    /** Keeps {@code answer} until it ends, and ends it after the request timeout if nothing else did. */
    private void track(CompletableFuture<byte[]> answer, List<PeerAddress> to) {
        unanswered.add(answer);
        try {
            ScheduledFuture<?> deadline = links.later(settings.requestTimeout(), () -> answer.completeExceptionally(
                    new LinkException(Kind.TIMEOUT, "no answer from " + to + " within "
                            + settings.requestTimeout().toMillis() + " ms")));
            answer.whenComplete((b, e) -> deadline.cancel(false));
        } catch (RejectedExecutionException stopped) {
            answer.completeExceptionally(new LinkException(Kind.SHUT_DOWN, "the link is closed"));
        }
        answer.whenComplete((b, e) -> unanswered.remove(answer));
    }

    /** Answers one request from {@code from} with the handler for {@code type}; runs on the pool. */
    private CompletableFuture<byte[]> serve(InetSocketAddress from, int type, byte[] body) {
        RequestHandler handler = handlers.get(type);
        if (!open) {
            return CompletableFuture.failedFuture(new LinkException(Kind.CLOSED, "the connection to " + address
                    + " closed"));
        }
        if (handler == null) {
            return remoteError("unknown message type " + type);
        }
        CompletableFuture<byte[]> reply;
        try {
            reply = handler.handle(from, body);
        } catch (RuntimeException e) {
            return remoteError(reason(e));
        }
        if (reply == null) {
            return remoteError("the handler answered nothing");
        }
        return reply.handle((answer, failure) -> {
            if (failure != null) {
                throw new CompletionException(error(reason(failure)));
            }
            if (answer == null) {
                throw new CompletionException(error("the handler answered nothing"));
            }
            if (answer.length > settings.maxFrameBytes() - FRAME_HEADER_BYTES) {
                throw new CompletionException(error("the answer is too large to send"));
            }
            if (!open) {
                throw new CompletionException(new LinkException(Kind.CLOSED, "the connection to " + address
                        + " closed"));
            }
            return answer;
        });
    }

    private static CompletableFuture<byte[]> remoteError(String reason) {
        return CompletableFuture.failedFuture(error(reason));
    }

    private static LinkException error(String reason) {
        return new LinkException(Kind.REMOTE_ERROR, reason);
    }

    /** What the peer is told about a failed handler: the failure's own message, as the TCP link sends it. */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null || cause.getMessage().isBlank() ? cause.getClass().getSimpleName()
                : cause.getMessage();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    boolean isOpen() {
        return open;
    }

    /** Stops serving, frees the address and fails every request of this link still waiting. */
    @Override
    public CompletableFuture<Void> close() {
        if (open) {
            open = false;
            links.unbind(this);
            unanswered.forEach(a -> a.completeExceptionally(new LinkException(Kind.SHUT_DOWN, "the link is closed")));
        }
        return CompletableFuture.completedFuture(null);
    }
}
