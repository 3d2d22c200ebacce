package murmur.config;

/**
 * All of Murmur's settings, one section per component; each section maps to a top-level key of the YAML files.
 *
 * @param dht       the Kademlia node
 * @param bootstrap the bootstrap-node daemon
 * @param app       the desktop client
 * @param timeline  a user's peer: accounts, posts, presence, time and clean-up
 */
public record MurmurSettings(
        DhtSettings dht, BootstrapSettings bootstrap, AppSettings app, TimelineSettings timeline) {}
