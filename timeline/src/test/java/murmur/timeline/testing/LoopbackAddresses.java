package murmur.timeline.testing;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Made-up loopback addresses for in-memory endpoints: each simulated machine gets a host of its own (127.0.0.2,
 * 127.0.0.3, ...), and each endpoint a made-up port on it. Being loopback, none of them could carry traffic off this
 * machine even if some code path dialled one for real. The DHT network and the peer links of one test network
 * claim from one table, as a machine's DHT and link share its ports.
 */
public final class LoopbackAddresses {
    static final int FIRST_PORT = 20_000;

    private final Set<InetSocketAddress> claimed = new HashSet<>();
    private final Map<InetAddress, Integer> nextPort = new HashMap<>();
    private int nextHost = 2;

    /** A loopback host no endpoint uses yet. */
    public synchronized InetAddress newHost() {
        int n = nextHost++;
        while ((n & 0xff) == 0 || (n & 0xff) == 0xff) {
            n = nextHost++;
        }
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Claims {@code requested} for an endpoint; port 0 gets a free made-up port on that host.
     *
     * @throws BindException when the address is taken, or not a loopback one
     */
    synchronized InetSocketAddress claim(InetSocketAddress requested) throws BindException {
        InetAddress ip = requested.getAddress();
        if (ip == null || !ip.isLoopbackAddress()) {
            throw new BindException("in-memory endpoints listen on loopback addresses only, not " + requested);
        }
        InetSocketAddress at = requested;
        if (requested.getPort() == 0) {
            int port = nextPort.getOrDefault(ip, FIRST_PORT);
            while (claimed.contains(new InetSocketAddress(ip, port))) {
                port++;
            }
            nextPort.put(ip, port + 1);
            at = new InetSocketAddress(ip, port);
        }
        if (!claimed.add(at)) {
            throw new BindException("address already in use: " + at);
        }
        return at;
    }

    /** Frees an address an endpoint claimed; it may be claimed again. */
    synchronized void release(InetSocketAddress address) {
        claimed.remove(address);
    }
}
