package murmur.timeline.testing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import murmur.timeline.testing.TestNet.Tier;

/**
 * One network per {@link Tier} for a test class whose tests run on both: each is started when a test first asks
 * for it and closed with this (in {@code @AfterAll}).
 */
public final class TierNets implements AutoCloseable {
    private final int seedCount;
    private final List<String> extraSettings;
    private final Map<Tier, TestNet> started = new EnumMap<>(Tier.class);

    public TierNets(int seedCount, List<String> extraSettings) {
        this.seedCount = seedCount;
        this.extraSettings = List.copyOf(extraSettings);
    }

    /** The network of {@code tier}, started on first use. */
    public synchronized TestNet on(Tier tier) {
        return started.computeIfAbsent(tier, t -> t.start(seedCount, extraSettings));
    }

    @Override
    public synchronized void close() {
        started.values().forEach(TestNet::close);
        started.clear();
    }
}
