/** Test fixtures: a small real network of DHT nodes and timeline peers on loopback. */
package murmur.timeline.testing;
