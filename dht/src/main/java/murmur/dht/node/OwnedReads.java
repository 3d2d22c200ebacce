package murmur.dht.node;

import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.WriteStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import murmur.dht.lookup.LookupMode;
import murmur.dht.lookup.LookupResult;
import murmur.dht.routing.Contact;
import murmur.dht.wire.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an owned record from several replicas and keeps the newest valid copy. When replicas disagree on the owner,
 * the owner most replicas vouch for wins. Replicas that returned an older copy get the winner (read repair), and so
 * does the closest node that had none when fewer than {@code readReplicas} replicas agreed on it.
 */
final class OwnedReads {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedReads.class);

    private final NodeContext ctx;

    OwnedReads(NodeContext ctx) {
        this.ctx = ctx;
    }

    CompletableFuture<TracedRead> get(NodeId key) {
        return ctx.lookup(key, LookupMode.VALUE).thenApply(lookup -> {
            Map<Contact, OwnedRecord> copies = validCopies(key, lookup);
            Optional<OwnedRecord> winner = pick(copies.values(), ctx.store().get(key));
            winner.ifPresent(w -> repair(w, copies, lookup.closest()));
            return new TracedRead(winner, lookup.rpcs(), lookup.hops());
        });
    }

    private Map<Contact, OwnedRecord> validCopies(NodeId key, LookupResult lookup) {
        Map<Contact, OwnedRecord> copies = new HashMap<>();
        for (LookupResult.Found f : lookup.found()) {
            OwnedRecord r = ((Message.ValueFound) f.answer()).record();
            // Identical copies from several replicas are verified once: the validator remembers verified records.
            if (r.key().equals(key) && ctx.validator().check(r) == WriteStatus.OK) {
                copies.put(f.from(), r);
            } else {
                LOG.debug("{} returned an invalid record for {}", f.from(), key);
            }
        }
        return copies;
    }

    static Optional<OwnedRecord> pick(Iterable<OwnedRecord> copies, Optional<OwnedRecord> local) {
        List<OwnedRecord> all = new ArrayList<>();
        copies.forEach(all::add);
        local.ifPresent(all::add);
        Map<NodeId, List<OwnedRecord>> byOwner = new HashMap<>();
        for (OwnedRecord r : all) {
            byOwner.computeIfAbsent(NodeId.ofPublicKey(r.owner()), o -> new ArrayList<>()).add(r);
        }
        OwnedRecord best = null;
        int bestVotes = 0;
        for (List<OwnedRecord> group : byOwner.values()) {
            OwnedRecord newest = group.get(0);
            for (OwnedRecord r : group) {
                newest = r.supersedes(newest) ? r : newest;
            }
            boolean wins = group.size() > bestVotes
                    || group.size() == bestVotes && newest.issuedAtMillis() < best.issuedAtMillis();
            if (wins) {
                best = newest;
                bestVotes = group.size();
            }
        }
        return Optional.ofNullable(best);
    }

    private void repair(OwnedRecord winner, Map<Contact, OwnedRecord> copies, List<Contact> closest) {
        Set<Contact> targets = new HashSet<>();
        copies.forEach((contact, copy) -> {
            if (copy.sameOwner(winner) && winner.supersedes(copy)) {
                targets.add(contact);
            }
        });
        long agreeing = copies.values().stream().filter(winner::equals).count();
        if (agreeing < ctx.settings().readReplicas()) {
            for (Contact c : closest) {
                if (!copies.containsKey(c)) {
                    targets.add(c);
                    break;
                }
            }
        }
        for (Contact c : targets) {
            ctx.rpc().call(c, new Message.Store(winner)).exceptionally(failure -> null);
        }
    }
}
