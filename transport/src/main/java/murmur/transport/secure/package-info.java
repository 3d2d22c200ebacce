/**
 * An authenticated, encrypted channel over any framed connection, for traffic that passes through a relay: the ends
 * prove their Ed25519 keys to each other, and every frame after the handshake is sealed (ChaCha20-Poly1305 with a
 * per-direction counter), so a relay can drop traffic but never read, alter, reorder, replay or forge it.
 * {@link murmur.transport.secure.SecureChannel} is the Netty handler; {@link murmur.transport.secure.Handshake} the
 * logic, testable without sockets.
 */
package murmur.transport.secure;
