/** {@code murmur bench dht}: real UDP/TCP DHT nodes on loopback, timed; one JSON summary line. */
package murmur.tools.dht;
