package murmur.dht;

/**
 * Counts what a node does, for metrics. Every method has a no-op default; implementations must be cheap, thread-safe
 * and must not throw, because they run on the node's I/O threads. Set one with
 * {@link murmur.dht.node.DhtNodeBuilder#observer}.
 */
public interface DhtObserver {

    /** The observer that ignores everything; the default. */
    DhtObserver NONE = new DhtObserver() { };

    /**
     * A request from another node reached this node's handlers.
     *
     * @param type {@code ping}, {@code find_node}, {@code find_value}, {@code find_set}, {@code store},
     *             {@code store_entries} or {@code dial_back}
     */
    default void requestReceived(String type) {
    }

    /**
     * This node refused input from the network.
     *
     * @param reason {@code malformed_udp}, {@code malformed_tcp}, {@code tcp_oversized}, {@code tcp_idle},
     *               {@code tcp_error}, {@code tcp_no_request}, {@code unsolicited_answer}, {@code handler_failed},
     *               {@code dial_back_limited}, {@code unvalidated_udp_answer} (a large answer to an address not
     *               validated, sent as "use TCP" instead), {@code rate_limited} (a source over its rate),
     *               {@code tcp_over_cap} (a connection over the caps), {@code set_read_cut} (a holder kept answering
     *               "more" past the bound of a set read), or {@code store_} followed by a lower-case
     *               {@link WriteStatus} name ({@code store_stale}, ...)
     */
    default void refused(String reason) {
    }

    /**
     * This node started an iterative lookup of its own (a read, a write, a join or a bucket refresh).
     *
     * @param mode {@code nodes}, {@code value} or {@code set}
     */
    default void lookupStarted(String mode) {
    }

    /** A request came from a node in client mode (sender port 0): answered, but the sender was not added. */
    default void clientRequestReceived() {
    }
}
