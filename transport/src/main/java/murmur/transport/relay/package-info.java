/**
 * Relays for peers that nobody can dial: a reachable node runs a {@link murmur.transport.relay.RelayServer}; an
 * unreachable peer holds a {@link murmur.transport.relay.RelayReservation} (an outbound connection proving its key);
 * a dialer opens a circuit through the relay to that key ({@link murmur.transport.relay.RelayHandshake}). Once the
 * circuit is open the relay passes frames between the two connections as they are: the two ends run a
 * {@link murmur.transport.secure.SecureChannel} over it, so the relay can drop traffic but not read, alter or
 * forge it. Wire format: {@link murmur.transport.relay.RelayCodec}.
 */
package murmur.transport.relay;
