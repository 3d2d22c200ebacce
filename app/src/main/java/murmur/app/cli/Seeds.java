package murmur.app.cli;

import java.net.InetSocketAddress;
import java.util.List;
import murmur.config.HostPort;

/** Bootstrap addresses from {@code host:port} text. */
final class Seeds {

    private Seeds() {}

    /** Parses each entry; throws {@link IllegalArgumentException} naming a bad one. */
    static List<InetSocketAddress> parse(List<String> entries) {
        return entries.stream().map(HostPort::parse).map(h -> new InetSocketAddress(h.host(), h.port())).toList();
    }
}
