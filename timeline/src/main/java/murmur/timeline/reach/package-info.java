/**
 * Reaching this peer from other computers: the ports kept from run to run ({@link
 * murmur.timeline.reach.KeptPorts}), the router opened by PCP, NAT-PMP or UPnP IGD ({@link
 * murmur.timeline.reach.RouterPortMapper}), dial-back checks, and every address to publish in presence, best first
 * ({@link murmur.timeline.reach.ReachService}, the package's root service).
 */
package murmur.timeline.reach;
