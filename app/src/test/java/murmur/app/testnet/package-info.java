/** A real Murmur network on loopback for the window tests: bootstrap DHT nodes and timeline peers in this JVM. */
package murmur.app.testnet;
