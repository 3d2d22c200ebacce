/** Hosts of their own: bootstrap nodes and peers in Linux network namespaces joined by veth pairs. */
package murmur.bootstrap.netns;
