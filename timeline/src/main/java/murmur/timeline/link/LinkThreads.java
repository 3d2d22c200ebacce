package murmur.timeline.link;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads a {@link PeerLink} runs on: I/O event loops and workers for handlers and answers. A link makes its own
 * by default; many links in one process (a benchmark of a thousand peers) can share one set, which their owner
 * closes after the links.
 */
public final class LinkThreads implements AutoCloseable {
    private final EventLoopGroup io;
    private final ExecutorService workers;

    public LinkThreads(int ioThreads, int workerThreads) {
        this.io = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("link-io", true));
        this.workers = Executors.newFixedThreadPool(workerThreads, new DefaultThreadFactory("link-work", true));
    }

    EventLoopGroup io() {
        return io;
    }

    ExecutorService workers() {
        return workers;
    }

    /** Stops the threads; pending work is dropped after a second. */
    @Override
    public void close() {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
    }
}
