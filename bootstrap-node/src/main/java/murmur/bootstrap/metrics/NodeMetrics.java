package murmur.bootstrap.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
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
import murmur.transport.relay.RelayCounters;
import murmur.transport.relay.RelayServer;

/**
 * A bootstrap node's meters. Counters: {@code murmur_dht_requests_total{type}}, {@code murmur_dht_lookups_total{mode}},
 * {@code murmur_sntp_answers_total} and {@code murmur_refusals_total{protocol,reason}}; gauges of the DHT node's
 * contacts, records and bytes; the relay's {@code murmur_relay_reservations} and {@code murmur_relay_circuits} and
 * its counters {@code murmur_relay_events_total{event}} (circuits_opened, bytes_relayed, slowed, refused_<reason>,
 * cut_<reason>, ...); and the JVM's memory, threads, CPU and uptime.
 */
public final class NodeMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, FunctionCounter> relayEvents = new ConcurrentHashMap<>();
    private volatile RelayCounters relay;

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

    /** Gauges and counters of the node's relay; call once it has started. */
    public void watch(RelayServer server) {
        Gauge.builder("murmur.relay.reservations", server, RelayServer::reservations).register(registry);
        Gauge.builder("murmur.relay.circuits", server, RelayServer::circuits).register(registry);
        relay = server.counters();
    }

    /** Everything, in the Prometheus text exposition format. */
    public String scrape() {
        RelayCounters r = relay;
        if (r != null) {
            // Relay events have open-ended reasons: each gets its meter the first time it counts.
            r.snapshot().keySet().stream().filter(k -> !k.equals("reservations") && !k.equals("circuits"))
                    .forEach(k -> relayEvents.computeIfAbsent(k, name -> FunctionCounter
                            .builder("murmur.relay.events", r, c -> c.get(name)).tag("event", name)
                            .register(registry)));
        }
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
