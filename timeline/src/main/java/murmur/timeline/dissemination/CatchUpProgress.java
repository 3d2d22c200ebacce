package murmur.timeline.dissemination;

/** How far one author's catch-up has come: the last sequence number held and the highest one known to exist. */
final class CatchUpProgress {
    private final String author;
    private long held;
    private long target;
    private boolean targetKnown;
    private int stored;

    CatchUpProgress(String author, long held, long target, boolean targetKnown) {
        this.author = author;
        this.held = held;
        this.target = target;
        this.targetKnown = targetKnown;
    }

    String author() {
        return author;
    }

    synchronized long held() {
        return held;
    }

    synchronized int stored() {
        return stored;
    }

    /** Whether posts are known to be missing. */
    synchronized boolean behind() {
        return targetKnown && held < target;
    }

    /** Whether a source should be asked for another page: posts are missing, or nobody has said how many exist. */
    synchronized boolean wantsMore() {
        return !targetKnown || held < target;
    }

    synchronized boolean targetKnown() {
        return targetKnown;
    }

    /** A source holds posts up to {@code seq}. */
    synchronized void sourceHas(long seq) {
        target = Math.max(target, seq);
        targetKnown = true;
    }

    /** For an author this peer holds nothing of, starts {@code recent} posts before the end instead of at 1. */
    synchronized void startNearTheEnd(int recent) {
        if (held == 0 && targetKnown) {
            held = Math.max(0, target - recent);
        }
    }

    synchronized void took(long seq, boolean isNew) {
        held = Math.max(held, seq);
        if (isNew) {
            stored++;
        }
    }
}
