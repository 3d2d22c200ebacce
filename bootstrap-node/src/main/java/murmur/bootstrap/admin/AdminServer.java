package murmur.bootstrap.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} answers the JSON of {@code health}; {@code GET /metrics} the Prometheus text of {@code metrics}.
 * Other paths get 404, other methods 405. Two threads serve, so a slow client cannot hold the endpoint up alone.
 */
public final class AdminServer {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final InetSocketAddress bindAddress;
    private final Supplier<?> health;
    private final Supplier<String> metrics;
    private volatile HttpServer server;
    private volatile ExecutorService workers;

    public AdminServer(InetSocketAddress bindAddress, Supplier<?> health, Supplier<String> metrics) {
        this.bindAddress = bindAddress;
        this.health = health;
        this.metrics = metrics;
    }

    public synchronized CompletableFuture<Void> start() {
        try {
            HttpServer s = HttpServer.create(bindAddress, 16);
            s.createContext("/health", get("/health", this::healthJson, "application/json"));
            s.createContext("/metrics", get("/metrics", metrics::get, PROMETHEUS_TEXT));
            s.createContext("/", exchange -> send(exchange, 404, "text/plain", "not found; try /health or /metrics\n"));
            // A virtual thread per request: scrapes and health checks block on their sockets, never on a pool.
            workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("murmur-admin-", 0).factory());
            s.setExecutor(workers);
            s.start();
            server = s;
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IOException("cannot bind the admin endpoint to " + bindAddress,
                    e));
        }
        LOG.info("admin endpoint on http://{}:{}/health and /metrics", localAddress().getHostString(),
                localAddress().getPort());
        return CompletableFuture.completedFuture(null);
    }

    public InetSocketAddress localAddress() {
        return server.getAddress();
    }

    public synchronized CompletableFuture<Void> stop() {
        HttpServer s = server;
        if (s == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> {
            s.stop(0);
            workers.shutdownNow();
        });
    }

    private String healthJson() {
        try {
            return JSON.writeValueAsString(health.get()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health report is not JSON", e);
        }
    }

    private static HttpHandler get(String path, Supplier<String> body, String contentType) {
        return exchange -> {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                send(exchange, 404, "text/plain", "not found\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain", "method not allowed\n");
                return;
            }
            try {
                send(exchange, 200, contentType, body.get());
            } catch (RuntimeException e) {
                LOG.warn("{} failed", exchange.getRequestURI(), e);
                send(exchange, 500, "text/plain", "internal error\n");
            }
        };
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }
}
