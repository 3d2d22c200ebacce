package murmur.timeline.dissemination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How far one author's catch-up has come, per log of the author (one per device, {@link murmur.timeline.Post#device}):
 * the last sequence number held and the highest one known to exist. The bound ({@link CatchUp.Limits}) is on the
 * author, all logs and sources together.
 */
final class CatchUpProgress {
    private final String author;
    private final Map<String, Log> logs = new TreeMap<>();
    private final boolean allLogsKnown;
    private final boolean wholeLogs;
    private int stored;
    private int pages;
    private int taken;
    private boolean cut;

    /**
     * @param held      per log held here, the end of its unbroken run
     * @param published per log, the head the author published ({@code feed/<author>}); empty when it could not be
     *                  read, and then sources are asked which logs exist
     * @param wholeLogs whether every log is wanted from #1 (the user's own logs), not only its recent posts
     */
    CatchUpProgress(String author, Map<String, Long> held, Optional<Map<String, Long>> published,
            boolean wholeLogs) {
        this.author = author;
        this.wholeLogs = wholeLogs;
        this.allLogsKnown = published.isPresent();
        held.forEach((device, seq) -> log(device).held = seq);
        published.ifPresent(heads -> heads.forEach(this::sourceHas));
    }

    /** One log's progress. */
    private static final class Log {
        long held;
        long target;
        boolean targetKnown;

        boolean behind() {
            return targetKnown && held < target;
        }

        boolean wantsMore() {
            return !targetKnown || held < target;
        }
    }

    private Log log(String device) {
        return logs.computeIfAbsent(device, d -> new Log());
    }

    String author() {
        return author;
    }

    /** The logs known so far, device ids in a stable order. */
    synchronized List<String> devices() {
        return new ArrayList<>(logs.keySet());
    }

    synchronized long held(String device) {
        Log log = logs.get(device);
        return log == null ? 0 : log.held;
    }

    synchronized int stored() {
        return stored;
    }

    /** Whether every log is known and none misses posts: nothing to fetch. */
    synchronized boolean upToDate() {
        return allLogsKnown && logs.values().stream().noneMatch(Log::wantsMore);
    }

    /** Whether posts are known to be missing in some log. */
    synchronized boolean behind() {
        return logs.values().stream().anyMatch(Log::behind);
    }

    /** The logs known to miss posts, device ids in a stable order. */
    synchronized List<String> behindDevices() {
        return logs.entrySet().stream().filter(e -> e.getValue().behind()).map(Map.Entry::getKey).toList();
    }

    /** Whether a source should be asked which logs it holds before pages are asked for. */
    synchronized boolean needsProbe() {
        return !allLogsKnown || logs.values().stream().anyMatch(l -> l.held == 0 && !l.targetKnown);
    }

    /** Whether a source should be asked for another page of {@code device}'s log. */
    synchronized boolean wantsMore(String device) {
        Log log = logs.get(device);
        return log != null && log.wantsMore();
    }

    /** A source holds {@code device}'s log up to {@code seq}. */
    synchronized void sourceHas(String device, long seq) {
        Log log = log(device);
        log.target = Math.max(log.target, seq);
        log.targetKnown = true;
    }

    /**
     * For a log this peer holds nothing of, starts {@code recent} posts before its end instead of at 1; not when
     * whole logs are wanted.
     */
    synchronized void startNearTheEnd(int recent) {
        if (wholeLogs) {
            return;
        }
        for (Log log : logs.values()) {
            if (log.held == 0 && log.targetKnown) {
                log.held = Math.max(0, log.target - recent);
            }
        }
    }

    /**
     * Whether another page may be asked for within {@code limits}, counting it if so; the first refusal marks the
     * catch-up as cut.
     */
    synchronized boolean askPage(CatchUp.Limits limits) {
        if (pages >= limits.maxPages() || taken >= limits.maxPosts()) {
            cut = cut || logs.values().stream().anyMatch(Log::wantsMore);
            return false;
        }
        pages++;
        return true;
    }

    /** How many more posts this run may take. */
    synchronized int postsLeft(CatchUp.Limits limits) {
        return Math.max(0, limits.maxPosts() - taken);
    }

    synchronized int pages() {
        return pages;
    }

    /** Whether the run stopped at its bound with posts still missing. */
    synchronized boolean cut() {
        return cut;
    }

    synchronized void took(String device, long seq, boolean isNew) {
        taken++;
        Log log = log(device);
        log.held = Math.max(log.held, seq);
        if (isNew) {
            stored++;
        }
    }

    /** Per log, the last sequence number held; for the log. */
    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder(author);
        logs.forEach((device, log) -> s.append(' ').append(device).append('#').append(log.held));
        return s.toString();
    }
}
