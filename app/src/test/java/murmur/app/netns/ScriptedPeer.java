package murmur.app.netns;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import murmur.config.HostPort;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.timeline.Reachability;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;

/**
 * One user's peer in a process of its own, started the way {@code murmur app} starts it (default bind settings:
 * every interface, ports kept in the data directory, the router asked to open them), answering one line per
 * command on stdin: {@code register NAME}, {@code login NAME}, {@code follow NAME}, {@code post TEXT},
 * {@code timeline}, {@code notifications}, {@code following}, {@code reach} (state, addresses, words, and ms from
 * start to first reachable), {@code latency PREFIX} (for each post whose text starts with PREFIX, ms from its
 * timestamp to its arrival here), {@code quit}. Arguments: data directory, then the bootstrap nodes as
 * {@code host:port} and settings as {@code --set=key=value}.
 */
public final class ScriptedPeer {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScriptedPeer.class);
    /** Cheap key derivation and fast presence, so the test runs in seconds; nothing about networking. */
    static final List<String> SETTINGS = List.of("timeline.kdfMemoryKib=1024", "timeline.kdfIterations=1",
            "timeline.timeSources=", "timeline.presenceRefresh=1s", "timeline.presenceTtl=5s");

    /** Every scripted user's password: strong enough for registration's check, the same for all. */
    static final String PASSWORD = "olive kayak thunder 1";

    /** An argument {@code --set=key=value} overrides one more setting. */
    static final String SET = "--set=";

    private ScriptedPeer() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> overrides = new ArrayList<>(SETTINGS);
        List<InetSocketAddress> seeds = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith(SET)) {
                overrides.add(args[i].substring(SET.length()));
                continue;
            }
            HostPort hp = HostPort.parse(args[i]);
            seeds.add(new InetSocketAddress(HostPort.ipLiteral(hp.host()).orElseThrow(), hp.port()));
        }
        MurmurSettings settings = SettingsLoader.load(Optional.empty(), overrides);
        long started = System.nanoTime();
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(Path.of(args[0])).seeds(seeds).build();
        long[] reachableAt = {-1};
        peer.reachability().subscribe(r -> {
            if (r.state() == Reachability.State.REACHABLE && reachableAt[0] < 0) {
                reachableAt[0] = (System.nanoTime() - started) / 1_000_000;
            }
        });
        peer.start().get(60, TimeUnit.SECONDS);
        out.println("ready " + peer.dhtAddress().getPort() + " " + peer.peerAddress().getPort() + " "
                + (System.nanoTime() - started) / 1_000_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        TimelineService me = null;
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] cmd = line.split(" ", 2);
            try {
                switch (cmd[0]) {
                    case "register", "login" -> {
                        me = "register".equals(cmd[0]) ? peer.register(cmd[1], PASSWORD).get(60, TimeUnit.SECONDS)
                                : peer.login(cmd[1], PASSWORD).get(60, TimeUnit.SECONDS);
                        me.timeline().subscribe(entries -> entries.forEach(e -> {
                            if (arrivals.putIfAbsent(e.post().text(),
                                    System.currentTimeMillis() - e.post().timestampMillis()) == null) {
                                LOG.debug("{} shown", e.post());
                            }
                        }));
                        out.println("ok");
                    }
                    case "latency" -> out.println("latency " + arrivals.entrySet().stream()
                            .filter(a -> a.getKey().startsWith(cmd[1])).map(a -> String.valueOf(a.getValue()))
                            .collect(Collectors.joining(",")));
                    case "follow" -> {
                        me.follow(cmd[1]).get(60, TimeUnit.SECONDS);
                        out.println("ok");
                    }
                    case "post" -> out.println("ok " + me.post(cmd[1]).get(60, TimeUnit.SECONDS).seq());
                    case "timeline" -> out.println("timeline " + me.timeline().get().stream()
                            .map(e -> e.post().author() + ":" + e.post().text() + ":" + e.deliveredTo())
                            .collect(Collectors.joining("|")));
                    case "notifications" -> out.println("notifications " + me.notifications().get().stream()
                            .map(n -> n.kind() + ":" + n.from()).collect(Collectors.joining("|")));
                    case "following" -> out.println("following " + me.followedPresence().get().values().stream()
                            .map(u -> u.name() + ":" + (u.online() ? "online" : "offline"))
                            .sorted().collect(Collectors.joining("|")));
                    case "reach" -> {
                        Reachability r = peer.reachability().get();
                        out.println("reach " + r.state() + " " + String.join(",", r.addresses()) + " | "
                                + r.words() + " | " + reachableAt[0]);
                    }
                    case "quit" -> {
                        peer.stop().get(60, TimeUnit.SECONDS);
                        out.println("bye");
                        return;
                    }
                    default -> out.println("error unknown command " + cmd[0]);
                }
            } catch (Exception e) {
                out.println("error " + e);
            }
        }
    }
}
