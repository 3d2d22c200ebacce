package murmur.timeline.crash;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;

/**
 * A peer in a child JVM for {@link KillNineIT}: registers, follows, then posts as fast as it can, printing a line for
 * every acknowledged action until it is killed.
 */
public final class PostingChild {
    private PostingChild() {}

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        InetSocketAddress seed = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1]));
        MurmurSettings settings = SettingsLoader.load(Optional.empty(), LocalNet.FAST);
        TimelinePeer peer = TimelinePeer.builder().settings(settings).dataDir(dataDir).seeds(List.of(seed)).build();
        peer.start().join();
        TimelineService me = peer.register(args[2], "olive kayak thunder 1").join();
        me.follow(args[3]).join();
        System.out.println("ACK follow " + args[3]);
        for (int i = 1; ; i++) {
            long seq = me.post("post number " + i).join().seq();
            System.out.println("ACK post " + seq);
        }
    }
}
