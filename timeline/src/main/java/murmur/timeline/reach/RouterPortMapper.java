package murmur.timeline.reach;

import com.offbynull.portmapper.gateway.Bus;
import com.offbynull.portmapper.gateways.network.NetworkGateway;
import com.offbynull.portmapper.gateways.network.internalmessages.KillNetworkRequest;
import com.offbynull.portmapper.mapper.MappedPort;
import com.offbynull.portmapper.mapper.PortType;
import com.offbynull.portmapper.mappers.natpmp.NatPmpPortMapper;
import com.offbynull.portmapper.mappers.pcp.PcpPortMapper;
import com.offbynull.portmapper.mappers.upnpigd.FirewallUpnpIgdPortMapper;
import com.offbynull.portmapper.mappers.upnpigd.UpnpIgdPortMapper;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the home router through the portmapper library (UPnP IGD, NAT-PMP, PCP). Its own discovery is not used:
 * it runs system commands and sends NAT-PMP/PCP probes to some 170 "typical router" addresses. Instead the router
 * is the default gateway from the kernel's routing table, asked directly by PCP, then NAT-PMP; UPnP IGD is found by
 * SSDP on the local network, started at once in the background because it takes seconds. The first that maps a
 * port is used from then on. The library blocks, so every call runs on one thread of this mapper's own and is cut
 * off after {@link #CALL_LIMIT}; a router that answers garbage, slowly or not at all yields empty, never a hang.
 */
public final class RouterPortMapper implements PortMapper {
    private static final Logger LOG = LoggerFactory.getLogger(RouterPortMapper.class);
    static final Duration CALL_LIMIT = Duration.ofSeconds(20);

    private final Supplier<Optional<DefaultGateway.Route>> route;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "port-mapper");
        t.setDaemon(true);
        return t;
    });
    private final Map<PortMapping, MappedPort> made = new ConcurrentHashMap<>();
    private volatile NetworkGateway network;
    private volatile CompletableFuture<List<UpnpIgdPortMapper>> upnp;
    private volatile Chosen chosen;

    private RouterPortMapper(Supplier<Optional<DefaultGateway.Route>> route, boolean searchUpnp) {
        this.route = route;
        if (!searchUpnp) {
            upnp = CompletableFuture.completedFuture(List.of());
        }
    }

    /** Asks the default gateway of this machine by PCP and NAT-PMP, and any UPnP IGD on its networks. */
    public static RouterPortMapper forDefaultGateway() {
        return new RouterPortMapper(DefaultGateway::find, true);
    }

    /**
     * Asks the router at {@code gateway} by PCP and NAT-PMP only: no SSDP search, so nothing leaves for any other
     * address (tests point it at a router of their own on loopback).
     */
    static RouterPortMapper forGateway(DefaultGateway.Route gateway) {
        return new RouterPortMapper(() -> Optional.of(gateway), false);
    }

    @Override
    public CompletableFuture<Optional<PortMapping>> map(PortMapping.Protocol protocol, int internalPort,
            Duration lifetime) {
        return call(() -> mapNow(protocol, internalPort, lifetime), Optional.empty(), "map " + protocol + " "
                + internalPort);
    }

    @Override
    public CompletableFuture<Void> unmap(PortMapping mapping) {
        return call(() -> {
            MappedPort port = made.remove(mapping);
            Chosen c = chosen;
            if (port != null && c != null) {
                c.mapper().unmapPort(port);
                LOG.info("router: closed {} {}", mapping.protocol(), mapping.external());
            }
            return null;
        }, null, "unmap " + mapping);
    }

    /** Removes every mapping this mapper made, then stops its threads. */
    @Override
    public CompletableFuture<Void> close() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        made.keySet().forEach(m -> all.add(unmap(m)));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            NetworkGateway n = network;
            if (n != null) {
                n.getBus().send(new KillNetworkRequest());
            }
            thread.shutdownNow();
        });
    }

    private Optional<PortMapping> mapNow(PortMapping.Protocol protocol, int port, Duration lifetime)
            throws InterruptedException {
        PortType type = protocol == PortMapping.Protocol.TCP ? PortType.TCP : PortType.UDP;
        long seconds = Math.max(60, lifetime.toSeconds());
        Chosen c = chosen;
        if (c != null) {
            Optional<PortMapping> again = tryMap(c, type, protocol, port, seconds);
            if (again.isPresent()) {
                return again;
            }
            chosen = null;
        }
        upnp();
        List<Chosen> tried = new ArrayList<>(atGateway());
        for (int i = 0; i < 2; i++) {
            for (Chosen candidate : tried) {
                Optional<PortMapping> m = tryMap(candidate, type, protocol, port, seconds);
                if (m.isPresent()) {
                    chosen = candidate;
                    return m;
                }
            }
            tried = foundByUpnp();
        }
        return Optional.empty();
    }

    private Optional<PortMapping> tryMap(Chosen c, PortType type, PortMapping.Protocol protocol, int port,
            long seconds) throws InterruptedException {
        try {
            MappedPort p = c.mapper().mapPort(type, port, port, seconds);
            PortMapping m = new PortMapping(c.method(), protocol, port,
                    new InetSocketAddress(p.getExternalAddress(), p.getExternalPort()),
                    Duration.ofSeconds(p.getLifetime()));
            made.put(m, p);
            LOG.info("router: {} opened {} {} -> port {} for {} s", c.method(), protocol, m.external(), port,
                    p.getLifetime());
            return Optional.of(m);
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
            LOG.info("router: {} did not map {} {}: {}", c.method(), protocol, port, e.getMessage());
            return Optional.empty();
        }
    }

    /** PCP and NAT-PMP at the default gateway, if the machine has one. */
    private List<Chosen> atGateway() {
        Optional<DefaultGateway.Route> r = route.get();
        if (r.isEmpty()) {
            return List.of();
        }
        Bus bus = bus();
        return List.of(new Chosen("PCP", new PcpPortMapper(bus, r.get().local(), r.get().gateway())),
                new Chosen("NAT-PMP", new NatPmpPortMapper(bus, r.get().local(), r.get().gateway())));
    }

    /** The IGDs the SSDP search found (waiting for it to end), without IPv6 firewall services. */
    private List<Chosen> foundByUpnp() throws InterruptedException {
        List<Chosen> out = new ArrayList<>();
        try {
            for (UpnpIgdPortMapper m : upnp().get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!(m instanceof FirewallUpnpIgdPortMapper)) {
                    out.add(new Chosen("UPnP", m));
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.info("router: no UPnP gateway found: {}", e.toString());
        }
        return out;
    }

    private synchronized Bus bus() {
        if (network == null) {
            network = NetworkGateway.create();
        }
        return network.getBus();
    }

    /** Starts the SSDP search once, on a thread of its own: it takes seconds, and PCP and NAT-PMP go meanwhile. */
    private synchronized CompletableFuture<List<UpnpIgdPortMapper>> upnp() {
        if (upnp == null) {
            Bus bus = bus();
            upnp = new CompletableFuture<>();
            Thread search = new Thread(() -> {
                try {
                    upnp.complete(UpnpIgdPortMapper.identify(bus));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    upnp.complete(List.of());
                } catch (RuntimeException | LinkageError e) {
                    LOG.info("router: UPnP search failed: {}", e.toString());
                    upnp.complete(List.of());
                }
            }, "upnp-search");
            search.setDaemon(true);
            search.start();
        }
        return upnp;
    }

    private <T> CompletableFuture<T> call(Blocking<T> work, T onFailure, String what) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    result.complete(work.run());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.complete(onFailure);
                } catch (RuntimeException | LinkageError e) {
                    // LinkageError: the library failing to initialise must not leave the caller waiting.
                    LOG.info("router: {} failed: {}", what, e.toString());
                    result.complete(onFailure);
                }
            });
        } catch (RejectedExecutionException closed) {
            result.complete(onFailure);
        }
        return result.completeOnTimeout(onFailure, CALL_LIMIT.toMillis() * 3, TimeUnit.MILLISECONDS);
    }

    @FunctionalInterface
    private interface Blocking<T> {
        T run() throws InterruptedException;
    }

    private record Chosen(String method, com.offbynull.portmapper.mapper.PortMapper mapper) {}
}
