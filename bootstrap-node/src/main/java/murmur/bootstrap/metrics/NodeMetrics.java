package murmur.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import murmur.bootstrap.sntp.SntpServer;
import murmur.dht.node.DhtNode;
import murmur.dht.DhtObserver;

/**
 * A bootstrap node's meters. Counters: {@code murmur_dht_requests_total{type}}, {@code murmur_dht_lookups_total{mode}},
 * {@code murmur_sntp_answers_total} and {@code murmur_refusals_total{protocol,reason}}; gauges of the DHT node's
 * contacts, records and bytes; and the JVM's memory, threads, CPU and uptime.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** What the DHT node reports goes into the request, lookup and refusal counters. */
    public DhtObserver dhtObserver() {
        return new DhtObserver() {
            @Override
            public void requestReceived(String type) {
                count("murmur.dht.requests", "type", type);
            }

            @Override
            public void clientRequestReceived() {
                count("murmur.dht.client.requests", "mode", "client");
            }

            @Override
            public void refused(String reason) {
                refusal("dht", reason);
            }

            @Override
            public void lookupStarted(String mode) {
                count("murmur.dht.lookups", "mode", mode);
            }
        };
    }

    public SntpServer.Listener sntpListener() {
        return new SntpServer.Listener() {
            @Override
            public void answered() {
                counters.computeIfAbsent("sntp.answers",
                        k -> Counter.builder("murmur.sntp.answers").register(registry)).increment();
            }

            @Override
            public void refused(String reason) {
                refusal("sntp", reason);
            }
        };
    }

    /** Gauges that read the node's state when scraped; call once the node has started. */
    public void watch(DhtNode node) {
        Gauge.builder("murmur.dht.routing.contacts", node, DhtNode::routingTableSize).register(registry);
        Gauge.builder("murmur.dht.stored.records", node, DhtNode::storedRecords).register(registry);
        Gauge.builder("murmur.dht.stored.bytes", node, n -> (double) n.storedBytes()).baseUnit("bytes")
                .register(registry);
    }

    /** Everything, in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    /** The count of one counter so far, 0 if it never counted; for health reports and tests. */
    public double count(String name, String... tags) {
        Counter c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    private void refusal(String protocol, String reason) {
        counters.computeIfAbsent(protocol + '/' + reason, k -> Counter.builder("murmur.refusals")
                .tag("protocol", protocol).tag("reason", reason).register(registry)).increment();
    }

    private void count(String name, String tag, String value) {
        counters.computeIfAbsent(name + '/' + value, k -> Counter.builder(name).tag(tag, value).register(registry))
                .increment();
    }
}
