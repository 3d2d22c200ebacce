package murmur.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import murmur.app.signin.SignInViewModel;
import murmur.config.MurmurSettings;
import murmur.config.SettingsLoader;
import murmur.timeline.TimelineService;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8, as the user sees it: a second Murmur on a data directory in use says so in words on the sign-in
 * screen at once, and a sign-in there fails with the same words, not with "no bootstrap node is reachable".
 */
class DataDirInUseAttackTest {
    private static final MurmurSettings SETTINGS = SettingsLoader.load(Optional.empty(), LocalNet.FAST);

    @Test
    void theSignInScreenSaysTheDirectoryIsInUseAndByWhichProcess(@TempDir Path dir) throws Exception {
        TimelinePeer first = TimelinePeer.builder().settings(SETTINGS).dataDir(dir).build();
        first.start().get(30, TimeUnit.SECONDS);
        TimelinePeer second = TimelinePeer.builder().settings(SETTINGS).dataDir(dir).build();
        try {
            CompletableFuture<Void> started = second.start();
            AfterStart accounts = new AfterStart(second, started);
            List<TimelineService> signedIn = new ArrayList<>();
            SignInViewModel model = new SignInViewModel(accounts, Runnable::run, signedIn::add, accounts.started());
            String expected = "The data directory " + dir + " is in use by another Murmur (process "
                    + ProcessHandle.current().pid() + ")";
            assertThat(model.error().get()).startsWith(expected);

            model.name().set("dir_user");
            model.password().set("ember violin quarry 9");
            model.signIn();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !model.busy().get());
            assertThat(model.error().get()).startsWith(expected);
            assertThat(signedIn).isEmpty();
        } finally {
            second.stop().get(30, TimeUnit.SECONDS);
            first.stop().get(30, TimeUnit.SECONDS);
        }
    }
}
