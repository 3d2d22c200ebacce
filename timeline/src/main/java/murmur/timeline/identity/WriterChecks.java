package murmur.timeline.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import murmur.dht.NodeId;
import murmur.dht.SetEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that entries of a multi-writer set ({@code followers/<name>}, {@code notifications/<name>}) were signed by
 * the users they name, at a bounded cost per read. Anyone may fill such a set with fresh keys naming users who do
 * not exist, or exist with another key, and checking a name not pinned here is a DHT lookup of its account. So a
 * name whose key is pinned is checked on this machine; of the others at most {@link #LOOKUPS_PER_READ} per read are
 * looked up, those whose entries prove the most work first (an honest writer a full set refused worked harder); and a
 * refused entry is remembered for {@link #REMEMBER}, checked again only after that. What the budget left out waits
 * for a later read. Refusals are remembered per set, writer and sequence number, so an update is checked anew.
 */
public final class WriterChecks {
    /** Most account lookups one read of a set may cause. */
    public static final int LOOKUPS_PER_READ = 200;
    /** How long a refused entry is not checked again. */
    public static final Duration REMEMBER = Duration.ofMinutes(30);
    /** Most refusals remembered: the oldest go first beyond it. */
    static final int CAPACITY = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(WriterChecks.class);

    /** An entry and the user name it claims to be written by. */
    public record Claim(String name, SetEntry entry) {}

    private record Refused(NodeId set, NodeId writer, long seq) {
        static Refused of(SetEntry e) {
            return new Refused(e.setKey(), e.writerId(), e.seq());
        }
    }

    private final UserDirectory users;
    private final Clock clock;
    private final Map<Refused, Instant> refused = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Refused, Instant> eldest) {
            return size() > CAPACITY;
        }
    };

    WriterChecks(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Whether {@code entry} was refused lately: callers skip it before decoding it. */
    public synchronized boolean refusedLately(SetEntry entry) {
        Instant until = refused.get(Refused.of(entry));
        if (until != null && !clock.instant().isBefore(until)) {
            refused.remove(Refused.of(entry));
            return false;
        }
        return until != null;
    }

    /** Remembers an entry that does not even decode, so that it costs nothing on the next reads either. */
    public synchronized void refuse(SetEntry entry) {
        refused.put(Refused.of(entry), clock.instant().plus(REMEMBER));
    }

    /** The claims whose entry is signed by the named user's key; {@code what} names the set in the log. */
    public CompletableFuture<List<Claim>> genuine(List<Claim> claims, String what) {
        List<Claim> open = claims.stream().filter(c -> !refusedLately(c.entry())).toList();
        List<CompletableFuture<Optional<byte[]>>> pins = open.stream().map(c -> users.pinned(c.name())).toList();
        return CompletableFuture.allOf(pins.toArray(CompletableFuture[]::new)).thenCompose(v -> {
            List<Claim> genuine = new ArrayList<>();
            List<Claim> unknown = new ArrayList<>();
            int refusedHere = 0;
            for (int i = 0; i < open.size(); i++) {
                Optional<byte[]> pin = pins.get(i).join();
                if (pin.isEmpty()) {
                    unknown.add(open.get(i));
                } else if (Arrays.equals(pin.get(), open.get(i).entry().writer())) {
                    genuine.add(open.get(i));
                } else {
                    refuse(open.get(i).entry());
                    refusedHere++;
                }
            }
            unknown.sort(Comparator.comparingInt((Claim c) -> -c.entry().work())
                    .thenComparing(c -> c.entry().writerId()));
            List<Claim> asked = unknown.subList(0, Math.min(LOOKUPS_PER_READ, unknown.size()));
            int pinnedRefusals = refusedHere;
            int deferred = unknown.size() - asked.size();
            List<CompletableFuture<Boolean>> lookups = asked.stream().map(this::lookUp).toList();
            return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).thenApply(w -> {
                int refusedNow = pinnedRefusals;
                for (int i = 0; i < asked.size(); i++) {
                    if (lookups.get(i).join()) {
                        genuine.add(asked.get(i));
                    } else {
                        refusedNow++;
                    }
                }
                if (refusedNow > 0 || deferred > 0) {
                    LOG.info("{}: {} entries not signed by the user they name (not checked again for {}), {} left"
                            + " for a later read ({} account lookups a read at most)", what, refusedNow, REMEMBER,
                            deferred, LOOKUPS_PER_READ);
                }
                return genuine;
            });
        });
    }

    /** True when the claimed user's account carries the entry's key; refusals are remembered, failures are not. */
    private CompletableFuture<Boolean> lookUp(Claim claim) {
        return users.account(claim.name()).handle((account, failure) -> {
            if (failure != null) {
                return false;
            }
            boolean ok = account.isPresent()
                    && Arrays.equals(account.get().value().publicKey(), claim.entry().writer());
            if (!ok) {
                refuse(claim.entry());
            }
            return ok;
        });
    }
}
