package murmur.app.firstrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import murmur.app.firstrun.SeedCheck.Answer;
import murmur.config.DhtSettings;
import murmur.config.HostPort;
import murmur.config.SettingsLoader;
import murmur.config.UserSettingsFile;
import murmur.dht.node.DhtNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-run screen's logic against a real {@link DhtSeedCheck}: a DHT node listening on loopback answers, a port
 * nothing listens on does not. The view model's "UI thread" is a single thread here; the test reads it there too.
 */
class FirstRunViewModelTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private final DhtSettings dht = SettingsLoader.load(List.of(), List.of("dht.requestTimeout=3s")).dht();
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final List<HostPort> joined = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDir;

    private DhtNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop().join();
        }
        ui.shutdownNow();
    }

    private FirstRunViewModel model(SeedCheck check) {
        return onUi(() -> new FirstRunViewModel(check, UserSettingsFile.in(dataDir), ui, joined::add));
    }

    private static DhtSeedCheck realCheck(DhtSettings settings) {
        return new DhtSeedCheck(settings, new InetSocketAddress(0).getAddress());
    }

    @Test
    void aNodeThatAnswersIsSavedAndTheAppMovesOn() {
        node = DhtNode.builder().settings(dht).bindAddress(new InetSocketAddress("127.0.0.1", 0)).build();
        node.start().join();
        String address = "127.0.0.1:" + node.address().getPort();
        FirstRunViewModel model = model(realCheck(dht));

        onUi(() -> {
            model.address().set("  " + address + " ");
            model.connect();
            return null;
        });

        await().atMost(LIMIT).until(() -> !joined.isEmpty());
        assertThat(joined).containsExactly(HostPort.parse(address));
        assertThat(onUi(() -> model.error().get())).isEmpty();
        assertThat(onUi(() -> model.busy().get())).isFalse();
        assertThat(UserSettingsFile.in(dataDir).read().app().bootstrapSeeds()).containsExactly(address);
    }

    @Test
    void aPortNothingListensOnSaysNoNodeAnsweredAndSavesNothing() throws IOException {
        int silent;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            silent = socket.getLocalPort();
        }
        FirstRunViewModel model = model(realCheck(dht));

        onUi(() -> {
            model.address().set("127.0.0.1:" + silent);
            model.connect();
            return null;
        });

        assertThat(onUi(() -> model.busy().get())).as("busy while it asks").isTrue();
        assertThat(onUi(() -> model.progress().get())).contains("127.0.0.1:" + silent);
        assertThat(onUi(() -> model.canConnect().get())).isFalse();
        await().atMost(LIMIT).until(() -> !onUi(() -> model.error().get()).isEmpty());
        assertThat(onUi(() -> model.error().get())).isEqualTo("No Murmur node answered at 127.0.0.1:" + silent
                + " within 3 s. Check the address, and that the node is running and its UDP port " + silent
                + " is open.");
        assertThat(onUi(() -> model.busy().get())).isFalse();
        assertThat(joined).isEmpty();
        assertThat(Files.exists(dataDir.resolve("settings.yaml"))).isFalse();

        onUi(() -> {
            model.address().set("127.0.0.1:" + (silent == 65_535 ? 1 : silent + 1));
            return null;
        });
        assertThat(onUi(() -> model.error().get())).as("typing clears the error").isEmpty();
    }

    @Test
    void malformedAddressesAreRefusedInWordsWithoutAsking() {
        List<HostPort> asked = new CopyOnWriteArrayList<>();
        FirstRunViewModel model = model((seed, timeout) -> {
            asked.add(seed);
            return CompletableFuture.completedFuture(Answer.ANSWERED);
        });

        assertThat(errorFor(model, "bootstrap.example.org")).isEqualTo(
                "Add the port after a colon, like bootstrap.example.org:4100.");
        assertThat(errorFor(model, "bootstrap.example.org:")).startsWith("Add the port after the colon");
        assertThat(errorFor(model, "bootstrap.example.org:http")).startsWith("The port must be a number from 1 to "
                + "65535").endsWith("got 'http'.");
        assertThat(errorFor(model, "bootstrap.example.org:70000")).startsWith("The port must be a number");
        assertThat(errorFor(model, "bootstrap.example.org:0")).startsWith("The port must be a number");
        assertThat(errorFor(model, ":4100")).startsWith("Type the host name or IP address before the colon");
        assertThat(errorFor(model, "boot strap.example:4100")).isEqualTo("'boot strap.example' is not a host name: "
                + "use letters, digits, dots and hyphens, or an IP address.");
        assertThat(errorFor(model, "300.1.2.3:4100")).startsWith("'300.1.2.3' is not an IP address");
        assertThat(errorFor(model, "2001:db8::1:4100")).startsWith("Put an IPv6 address in brackets");
        assertThat(errorFor(model, "[2001:db8::zz]:4100")).isEqualTo("'[2001:db8::zz]' is not an IPv6 address.");
        assertThat(errorFor(model, "http://boot.example:4100")).startsWith("Type just host:port, without 'http://'");
        assertThat(asked).as("nothing was asked").isEmpty();
        assertThat(joined).isEmpty();

        assertThat(errorFor(model, "[::1]:4100")).isEmpty();
        assertThat(errorFor(model, "boot-1.example.org.:4100")).isEmpty();
        assertThat(asked).containsExactly(new HostPort("::1", 4100), new HostPort("boot-1.example.org.", 4100));
    }

    @Test
    void anEmptyFieldCannotConnect() {
        FirstRunViewModel model = model((seed, timeout) -> CompletableFuture.completedFuture(Answer.ANSWERED));

        assertThat(onUi(() -> model.canConnect().get())).isFalse();
        onUi(() -> {
            model.address().set("   ");
            model.connect();
            return null;
        });
        assertThat(onUi(() -> model.canConnect().get())).isFalse();
        assertThat(joined).isEmpty();
        assertThat(model.explanation()).contains("Murmur has no server", "bootstrap node", "murmur-bootstrap");
        assertThat(model.savedWhere()).contains(dataDir.resolve("settings.yaml").toString());
    }

    @Test
    void anUnknownHostIsNamed() {
        FirstRunViewModel model = model((seed, timeout) -> CompletableFuture.completedFuture(Answer.UNKNOWN_HOST));

        assertThat(errorFor(model, "foo.example:4100")).isEqualTo(
                "Cannot find the host 'foo.example': check the spelling.");
        assertThat(joined).isEmpty();
    }

    @Test
    void aHostNameThatDoesNotResolveIsUnknownToTheRealCheck() {
        // .invalid never resolves (RFC 2606); without DNS at all the lookup fails as quickly.
        Answer answer = realCheck(dht).check(new HostPort("no-such-node.invalid", 4100), Duration.ofSeconds(3))
                .orTimeout(LIMIT.toSeconds(), TimeUnit.SECONDS).join();

        assertThat(answer).isEqualTo(Answer.UNKNOWN_HOST);
    }

    @Test
    void aSettingsFileThatCannotBeSavedIsSaidAndTheAppStays() throws IOException {
        Files.writeString(dataDir.resolve("settings.yaml"), "app: [broken\n");
        FirstRunViewModel model = model((seed, timeout) -> CompletableFuture.completedFuture(Answer.ANSWERED));

        String error = errorFor(model, "boot.example:4100");

        assertThat(error).startsWith("A Murmur node answered at boot.example:4100, but its address could not be "
                + "saved: ").contains(dataDir.resolve("settings.yaml").toString());
        assertThat(joined).isEmpty();
    }

    @Test
    void aCheckThatCannotRunSaysWhy() {
        FirstRunViewModel model = model((seed, timeout) -> CompletableFuture.failedFuture(
                new IllegalStateException("no free UDP port")));

        assertThat(errorFor(model, "boot.example:4100")).isEqualTo("Could not ask boot.example:4100: no free UDP "
                + "port.");
    }

    /** Types {@code typed}, connects, and returns the error once the view model is idle again. */
    private String errorFor(FirstRunViewModel model, String typed) {
        onUi(() -> {
            model.address().set(typed);
            model.connect();
            return null;
        });
        await().atMost(LIMIT).until(() -> !onUi(() -> model.busy().get()));
        return onUi(() -> model.error().get());
    }

    private <T> T onUi(Supplier<T> read) {
        try {
            return ui.submit(read::get).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
