/**
 * Requests and answers between nodes, independent of sockets: transports, scheduling, the RPC client.
 */
package murmur.dht.rpc;
