package murmur.config;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Settings of a user's peer: accounts, posts, presence, time and clean-up.
 *
 * @param maxPostChars        longest post, in Unicode code points
 * @param ownPostLifespan     the collector drops the user's own posts older than this
 * @param othersPostLifespan  the collector drops other users' posts older than this
 * @param collectInterval     how often the collector runs while logged in (it also runs at login)
 * @param presenceRefresh     how often an online peer re-publishes {@code presence/<name>}
 * @param presenceTtl         a presence record not refreshed for this long counts as offline
 * @param kdfMemoryKib        Argon2id memory for new accounts, in KiB (default 256 MiB: about one second per guess
 *                            with {@code kdfIterations} 3 on a laptop, which is what an offline guesser pays too)
 * @param kdfIterations       Argon2id passes for new accounts
 * @param kdfParallelism      Argon2id lanes for new accounts
 * @param loginBackoff        wait added after each wrong password, doubling, per account
 * @param host                address to listen on; empty for every interface, IPv4 and IPv6
 * @param dhtPort             UDP/TCP port of the peer's DHT node; 0 keeps the one chosen on first run
 * @param peerPort            TCP port for direct messages from other peers; 0 keeps the one chosen on first run
 * @param portMapping         ask the router to open both ports (UPnP IGD, NAT-PMP, PCP)
 * @param holePunch           replace relayed connections by punched direct ones where the routers allow it (on by
 *                            default; the relay stays where they do not)
 * @param relayForOthers      relay for peers that nobody can dial, while this peer itself is reachable directly
 *                            (off by default: it spends the owner's upload)
 * @param relayPort           TCP port of that relay; 0 means the peer port + 1, or any free port when that one is
 *                            taken (the relay is found through the DHT, not by its port)
 * @param relayMaxPeers       peers it relays for at once (a bootstrap node takes 512)
 * @param relayBytesPerSecond relayed bytes per second for one peer, both ways (beyond it, that peer is slowed)
 * @param relayMaxBytesPerDay relayed bytes in all per 24 hours; beyond it the relay stops and withdraws until the
 *                            day is over (one peer's reservation may use a quarter of it)
 * @param reachabilityCheck   how often the peer asks other nodes to dial it back (also on any address change)
 * @param directTimeout       a direct message not answered by then has failed
 * @param directRetries       attempts for a direct message before giving up
 * @param maxFutureSkew       a post dated further than this in the receiver's future is refused
 * @param sntpPort            the UDP port bootstrap nodes answer SNTP on (asked first, at each seed's host)
 * @param timeSources         further NTP servers as {@code host:port}, asked when no bootstrap node answers
 * @param clockRefresh        how often the clock asks its time sources again
 * @param ntpTimeout          how long one time source may take to answer
 * @param fanoutDegree        the degree of the tree the user's posts go down: {@code 2} (binary, the default) to
 *                            {@code 16}, or {@code auto}, which picks it from {@code uplink}, or when that
 *                            is empty from the upload rate the peer measures after the user's posts (see
 *                            {@link #FANOUT_AUTO})
 * @param uplink              this peer's upload rate (e.g. {@code 2Mbit}), empty to let {@code fanoutDegree:
 *                            auto} measure it
 */
public record TimelineSettings(
        int maxPostChars,
        Duration ownPostLifespan,
        Duration othersPostLifespan,
        Duration collectInterval,
        Duration presenceRefresh,
        Duration presenceTtl,
        int kdfMemoryKib,
        int kdfIterations,
        int kdfParallelism,
        Duration loginBackoff,
        String host,
        int dhtPort,
        int peerPort,
        boolean portMapping,
        boolean holePunch,
        boolean relayForOthers,
        int relayPort,
        int relayMaxPeers,
        long relayBytesPerSecond,
        long relayMaxBytesPerDay,
        Duration reachabilityCheck,
        Duration directTimeout,
        int directRetries,
        Duration maxFutureSkew,
        int sntpPort,
        List<String> timeSources,
        Duration clockRefresh,
        Duration ntpTimeout,
        String fanoutDegree,
        String uplink) {

    /**
     * The most Argon2id memory, in KiB, an account may ask for: new accounts here, and records read from the network,
     * which a login refuses beyond it rather than spend the memory. 1 GiB.
     */
    public static final int MAX_KDF_MEMORY_KIB = 1_048_576;
    /** The most Argon2id passes an account may ask for. */
    public static final int MAX_KDF_ITERATIONS = 16;
    /** The most Argon2id lanes an account may ask for. */
    public static final int MAX_KDF_PARALLELISM = 16;


    /** Longest post anyone may configure; keeps a post well inside one DHT value and one message. */
    public static final int MAX_POST_CHARS = 5_000;
    /** Most peers a user's machine may relay for at once; more is a bootstrap node's job. */
    public static final int MAX_RELAYED_PEERS = 256;

    /** The value of {@code timeline.fanoutDegree} that picks the degree from the uplink. */
    public static final String FANOUT_AUTO = "auto";
    /** The widest tree an author may send (a push carrying a wider one is refused as malformed). */
    public static final int MAX_FANOUT_DEGREE = 16;

    public TimelineSettings {
        timeSources = List.copyOf(timeSources);
    }

    /** {@code timeline.uplink} in bits per second, empty when it is not set. */
    public OptionalLong uplinkBitsPerSecond() {
        return uplink.isBlank() ? OptionalLong.empty() : OptionalLong.of(Rates.parse(uplink));
    }

    /** {@code timeline.fanoutDegree} as a number, empty for {@code auto}. */
    public OptionalInt fixedFanoutDegree() {
        return fanoutDegree.strip().equalsIgnoreCase(FANOUT_AUTO) ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(fanoutDegree.strip()));
    }

    /** The time sources as parsed endpoints. */
    public List<HostPort> timeSourceEndpoints() {
        return timeSources.stream().map(HostPort::parse).toList();
    }

    void validate(Checks c) {
        c.between("timeline.maxPostChars", maxPostChars, 1, MAX_POST_CHARS);
        lifespan(c, "timeline.ownPostLifespan", ownPostLifespan);
        lifespan(c, "timeline.othersPostLifespan", othersPostLifespan);
        c.positive("timeline.collectInterval", collectInterval);
        c.positive("timeline.presenceRefresh", presenceRefresh);
        c.require("timeline.presenceTtl", presenceTtl.compareTo(presenceRefresh) > 0,
                "must be longer than timeline.presenceRefresh (" + Durations.format(presenceRefresh) + "), got "
                        + Durations.format(presenceTtl));
        c.between("timeline.kdfMemoryKib", kdfMemoryKib, 1_024, MAX_KDF_MEMORY_KIB);
        c.between("timeline.kdfIterations", kdfIterations, 1, MAX_KDF_ITERATIONS);
        c.between("timeline.kdfParallelism", kdfParallelism, 1, MAX_KDF_PARALLELISM);
        c.positive("timeline.loginBackoff", loginBackoff);
        c.require("timeline.host", host.isEmpty() || HostPort.isIpLiteral(host),
                "must be empty (every interface) or an IP address such as 0.0.0.0, :: or 192.168.1.20, got '" + host
                        + "'");
        c.between("timeline.dhtPort", dhtPort, 0, 65_535);
        c.between("timeline.peerPort", peerPort, 0, 65_535);
        c.between("timeline.relayPort", relayPort, 0, 65_535);
        c.between("timeline.relayMaxPeers", relayMaxPeers, 1, MAX_RELAYED_PEERS);
        c.between("timeline.relayBytesPerSecond", relayBytesPerSecond, 1_024, 1L << 30);
        c.between("timeline.relayMaxBytesPerDay", relayMaxBytesPerDay, 1L << 20, 1L << 50);
        c.positive("timeline.reachabilityCheck", reachabilityCheck);
        c.positive("timeline.directTimeout", directTimeout);
        c.between("timeline.directRetries", directRetries, 1, 20);
        c.notNegative("timeline.maxFutureSkew", maxFutureSkew);
        c.between("timeline.sntpPort", sntpPort, 1, 65_535);
        c.hostPorts("timeline.timeSources", timeSources);
        c.positive("timeline.clockRefresh", clockRefresh);
        c.positive("timeline.ntpTimeout", ntpTimeout);
        c.require("timeline.fanoutDegree", validDegree(fanoutDegree), "must be " + FANOUT_AUTO
                + " or a number from 2 to " + MAX_FANOUT_DEGREE + ", got '" + fanoutDegree + "'");
        c.require("timeline.uplink", uplink.isBlank() || validRate(uplink), "must be empty (unknown) or "
                + Rates.SYNTAX + ", got '" + uplink + "'");
    }

    private static boolean validDegree(String text) {
        String t = text.strip();
        return t.equalsIgnoreCase(FANOUT_AUTO) || t.matches("\\d{1,2}") && Integer.parseInt(t) >= 2
                && Integer.parseInt(t) <= MAX_FANOUT_DEGREE;
    }

    private static boolean validRate(String text) {
        try {
            Rates.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void lifespan(Checks c, String key, Duration value) {
        c.require(key, value.compareTo(Duration.ofMinutes(1)) >= 0 && value.compareTo(Duration.ofDays(3650)) <= 0,
                "must be between 1m and 3650d, got " + Durations.format(value));
    }
}
