/**
 * Murmur across real networks: hosts made of network namespaces, a home router doing NAT with nftables and running
 * miniupnpd, and peers in processes of their own driven line by line.
 */
package murmur.app.netns;
