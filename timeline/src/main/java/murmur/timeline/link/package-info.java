/**
 * Direct peer-to-peer requests over TCP: {@link murmur.timeline.link.PeerLink} answers requests by message type and
 * sends requests over pooled connections, many at once on one connection. Frames are
 * {@code [u32 length][u8 version][u8 kind][u16 type][u64 id][body]}; a peer that sends a malformed or oversized
 * frame loses its connection, and everyone else is served as before.
 */
package murmur.timeline.link;
