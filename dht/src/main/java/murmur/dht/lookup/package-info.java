/**
 * Iterative, parallel Kademlia lookups of nodes, values and set pages.
 */
package murmur.dht.lookup;
