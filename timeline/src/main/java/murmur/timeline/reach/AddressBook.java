package murmur.timeline.reach;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import murmur.timeline.link.PeerAddress;
import murmur.timeline.presence.PeerAddresses;

/**
 * Every way to reach this peer's link, best first, as presence publishes it: the address the router mapped, the
 * public address other nodes observed (unless the last check found the peer unreachable there), the machine's own
 * IPv4 addresses, then its IPv6 addresses. A peer that nobody can dial also lists its relays right after its first
 * LAN address (kept first for neighbours on the same network). A peer that listens on loopback publishes loopback
 * only.
 */
final class AddressBook {
    private final InetSocketAddress link;
    private final Function<InetAddress, List<InetAddress>> localAddresses;
    private volatile Optional<InetSocketAddress> mapped = Optional.empty();
    private volatile Optional<InetAddress> observed = Optional.empty();
    private volatile boolean observedWorks = true;
    private volatile List<PeerAddress> relayed = List.of();

    /**
     * @param link           where the peer link listens (its bind address and real port)
     * @param localAddresses the machine's reachable addresses for a bind address ({@link LocalAddresses})
     */
    AddressBook(InetSocketAddress link, Function<InetAddress, List<InetAddress>> localAddresses) {
        this.link = link;
        this.localAddresses = localAddresses;
    }

    void mapped(Optional<InetSocketAddress> external) {
        this.mapped = external;
    }

    Optional<InetSocketAddress> mapped() {
        return mapped;
    }

    void observed(Optional<InetAddress> address) {
        this.observed = address;
    }

    Optional<InetAddress> observed() {
        return observed;
    }

    /** Whether the last dial-back reached the observed address; an address that did not is left out. */
    void observedWorks(boolean works) {
        this.observedWorks = works;
    }

    /** The relays that reach this peer now ({@code via:} addresses); empty while it can be dialled. */
    void relayed(List<PeerAddress> via) {
        this.relayed = List.copyOf(via);
    }

    boolean onLoopbackOnly() {
        return link.getAddress().isLoopbackAddress();
    }

    /** The addresses, best first, without repeats, at most {@link PeerAddresses#MAX_ADDRESSES}. */
    List<String> addresses() {
        if (onLoopbackOnly()) {
            return List.of(PeerAddresses.format(link));
        }
        Set<InetSocketAddress> all = new LinkedHashSet<>();
        mapped.ifPresent(all::add);
        boolean isOwn = observed.isPresent() && localAddresses.apply(link.getAddress()).contains(observed.get());
        if (observed.isPresent() && (observedWorks || isOwn) && !observed.get().isLoopbackAddress()) {
            all.add(new InetSocketAddress(observed.get(), link.getPort()));
        }
        for (InetAddress a : localAddresses.apply(link.getAddress())) {
            all.add(new InetSocketAddress(a, link.getPort()));
        }
        if (all.isEmpty()) {
            all.add(new InetSocketAddress(InetAddress.getLoopbackAddress(), link.getPort()));
        }
        List<String> direct = all.stream().map(PeerAddresses::format).toList();
        List<String> out = new ArrayList<>();
        List<PeerAddress> via = relayed;
        int firstRelay = via.isEmpty() ? direct.size() : Math.min(1, direct.size());
        out.addAll(direct.subList(0, firstRelay));
        via.forEach(v -> out.add(v.toString()));
        out.addAll(direct.subList(firstRelay, direct.size()));
        return out.size() <= PeerAddresses.MAX_ADDRESSES ? out : List.copyOf(out.subList(0,
                PeerAddresses.MAX_ADDRESSES));
    }
}
