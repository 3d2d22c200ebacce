package murmur.dht;

/** What the nodes asked to dial a node back found, by majority ({@link murmur.dht.node.DhtNode#checkReachable}). */
public enum DialBackVerdict {
    /** More nodes reached both ports than did not. */
    REACHABLE,
    /** As many nodes or more could not reach them. */
    UNREACHABLE,
    /** No node answered. */
    UNKNOWN
}
