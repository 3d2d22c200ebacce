/**
 * The DHT benchmark with real sockets on loopback.
 */
package murmur.dht.bench;
