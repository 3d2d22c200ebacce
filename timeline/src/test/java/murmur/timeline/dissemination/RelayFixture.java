package murmur.timeline.dissemination;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import murmur.dht.SigningKey;
import murmur.timeline.link.Retry;
import murmur.timeline.session.Direct;

/** One relay over a fake {@link Direct}, for attack tests. */
final class RelayFixture {
    static final FanoutSettings SETTINGS = new FanoutSettings(new Retry(3, Duration.ZERO, Duration.ZERO),
            Duration.ofMillis(5), 10, 100, 5);

    private RelayFixture() {}

    static Relay relay(Direct direct, Intake intake, String name, String self, ScheduledExecutorService scheduler,
            Function<String, CompletableFuture<Optional<String>>> presence) {
        Holder holder = Holder.of(name, SigningKey.generate(SigningKey.deterministicRandom(name.hashCode())));
        return new Relay(direct, intake, () -> Optional.of(holder), () -> self, SETTINGS, (a, d, s, h) -> { },
                scheduler,
                presence, n -> CompletableFuture.completedFuture(Optional.empty()));
    }
}
