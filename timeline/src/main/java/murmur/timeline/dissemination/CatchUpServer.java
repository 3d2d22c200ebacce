package murmur.timeline.dissemination;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import murmur.timeline.Post;
import murmur.timeline.UserName;
import murmur.timeline.post.PostStore;
import murmur.transport.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "Get" ({@link murmur.timeline.link.LinkTypes#FETCH}) from the posts on disk, one page at a time, with this
 * peer's vector: the head of every log it holds of each author asked about, so the asker learns of logs (devices)
 * it did not know.
 */
final class CatchUpServer {
    private static final Logger LOG = LoggerFactory.getLogger(CatchUpServer.class);

    private final PostStore store;
    private final int pageSize;

    CatchUpServer(PostStore store, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
    }

    CompletableFuture<byte[]> onFetch(InetSocketAddress remote, byte[] body) {
        FetchRequest request;
        try {
            request = FetchCodec.decodeRequest(body);
        } catch (MalformedInputException e) {
            LOG.warn("dropped a malformed catch-up request from {}: {}", remote, e.getMessage());
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed request: " + e.getMessage()));
        }
        if (!request.have().stream().allMatch(p -> UserName.isValid(p.author()))) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("invalid author name in request"));
        }
        int limit = Math.min(request.limit(), pageSize);
        CompletableFuture<List<Post>> posts = CompletableFuture.completedFuture(new ArrayList<>());
        CompletableFuture<List<LogPosition>> heads = CompletableFuture.completedFuture(new ArrayList<>());
        for (LogPosition want : request.have()) {
            posts = posts.thenCompose(page -> page.size() >= limit ? CompletableFuture.completedFuture(page)
                    : store.after(want.author(), want.device(), want.seq(), limit - page.size()).thenApply(more -> {
                        page.addAll(more);
                        return page;
                    }));
        }
        for (String author : request.have().stream().map(LogPosition::author).distinct().toList()) {
            heads = heads.thenCompose(list -> store.heads(author).thenApply(logs -> {
                logs.forEach((device, seq) -> list.add(new LogPosition(author, device, seq)));
                return list;
            }));
        }
        return posts.thenCombine(heads, (p, h) -> FetchCodec.encode(new FetchPage(p, h)));
    }
}
