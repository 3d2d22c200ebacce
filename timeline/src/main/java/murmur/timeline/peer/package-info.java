/**
 * A user's peer: {@link murmur.timeline.peer.TimelinePeer}, the module's root service, and the wiring behind it
 * (start and stop order, joining the network, port choice). Part of the module's API.
 */
package murmur.timeline.peer;
