/**
 * Real sockets on Netty: UDP for routing messages, TCP for what does not fit a datagram.
 */
package murmur.dht.net;
