package murmur.app.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import murmur.config.SettingsLoader;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.TimelineService;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real peer whose only bootstrap node does not answer: signing up says so in words. */
class UnreachableNetworkIT {
    @TempDir
    Path dir;
    private TimelinePeer peer;

    @AfterEach
    void stop() {
        LocalNet.await(peer.stop());
    }

    @Test
    void registeringWithoutAReachableBootstrapNodeSaysSo() {
        peer = TimelinePeer.builder().settings(SettingsLoader.load(Optional.empty(), LocalNet.FAST)).dataDir(dir)
                .seeds(List.of(new InetSocketAddress("127.0.0.1", 9))).build();
        LocalNet.await(peer.start());
        List<TimelineService> signedIn = new ArrayList<>();
        SignInViewModel model = new SignInViewModel(peer, Runnable::run, signedIn::add);
        model.name().set("alone");
        model.password().set("alone-password");

        model.register();

        await().atMost(Duration.ofSeconds(20)).until(() -> !model.busy().get());
        assertThat(model.error().get()).startsWith("No bootstrap node is reachable");
        assertThat(signedIn).isEmpty();
    }
}
