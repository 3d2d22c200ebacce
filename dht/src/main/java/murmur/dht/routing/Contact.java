package murmur.dht.routing;

import java.net.InetSocketAddress;
import murmur.dht.NodeId;

/** A node we can reach: its id and the address its UDP and TCP endpoints listen on (same port for both). */
public record Contact(NodeId id, InetSocketAddress address) {
    @Override
    public String toString() {
        return id + "@" + address.getHostString() + ":" + address.getPort();
    }
}
