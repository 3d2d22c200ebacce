/**
 * A deterministic in-memory network in virtual time, for tests and simulations of large networks.
 */
package murmur.dht.sim;
