package murmur.dht;

/**
 * How a write went: {@code accepted} replicas stored it (this node included if it is one of the k closest),
 * {@code refused} replicas refused it, the first with {@code firstRefusal}; {@code unreachable} did not answer.
 */
public record PutResult(int accepted, int refused, int unreachable, WriteStatus firstRefusal) {}
