package murmur.transport.relay;

/** The relay's control messages; after {@link Connected} a circuit carries the ends' own frames instead. */
public sealed interface RelayMessage {
    /** Relay to every new connection: a fresh nonce a reservation must sign. */
    record Challenge(byte[] nonce) implements RelayMessage {}

    /** Peer to relay: keep circuits for {@code key}; {@code signature} is over the reservation label and nonce. */
    record Reserve(byte[] key, byte[] signature) implements RelayMessage {}

    /** Relay to peer: the reservation holds, with these limits for it. */
    record Reserved(int maxCircuits, long bytesPerSecond, long maxBytes) implements RelayMessage {}

    /** Relay to either: no, and why, in words; the relay closes the connection. */
    record Refused(String reason) implements RelayMessage {}

    /** Relay to a reserved peer: someone wants a circuit; open a connection and accept {@code circuit}. */
    record Incoming(long circuit) implements RelayMessage {}

    /** Dialer to relay: a circuit to the peer holding a reservation for {@code target}. */
    record Connect(byte[] target) implements RelayMessage {}

    /** Reserved peer to relay, on a fresh connection: this connection is the far end of {@code circuit}. */
    record Accept(long circuit) implements RelayMessage {}

    /** Relay to both ends: the circuit is open; from now on frames pass through unread. */
    record Connected() implements RelayMessage {}

    /** Keep-alive on a reservation, either way. */
    record Ping() implements RelayMessage {}

    /** The answer to {@link Ping}. */
    record Pong() implements RelayMessage {}
}
