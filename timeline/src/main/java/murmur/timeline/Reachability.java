package murmur.timeline;

import java.util.List;

/**
 * Whether other computers can reach this peer, as other nodes found when they dialled it back, and how.
 *
 * @param state     what the last check found
 * @param addresses every way to reach the peer that it publishes in presence, best first ({@code host:port})
 * @param mappedBy  the protocol that opened the router ({@code "UPnP"}, {@code "NAT-PMP"}, {@code "PCP"}), or empty
 * @param words     the state in words, for the status bar
 */
public record Reachability(State state, List<String> addresses, String mappedBy, String words) {

    public Reachability {
        addresses = List.copyOf(addresses);
    }

    /** Before the first check has finished. */
    public static final Reachability CHECKING = new Reachability(State.CHECKING, List.of(), "",
            "Checking whether other computers can reach this one");

    /** What a reachability check can find. */
    public enum State {
        /** The first check is still running. */
        CHECKING,
        /** Nodes elsewhere reached the peer's ports, directly or through a router it opened. */
        REACHABLE,
        /** Nodes elsewhere could not reach it directly, but they reach it through relays it holds open. */
        RELAYED,
        /** Nodes elsewhere could not reach it: a router or firewall is in the way. */
        UNREACHABLE,
        /** No node answered the check, so nobody knows. */
        UNKNOWN,
        /** The peer listens on loopback only: reachable from this computer alone. */
        THIS_COMPUTER_ONLY
    }
}
