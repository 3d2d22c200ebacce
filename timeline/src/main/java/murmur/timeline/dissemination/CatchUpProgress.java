package murmur.timeline.dissemination;

/** How far one author's catch-up has come: the last sequence number held and the highest one known to exist. */
final class CatchUpProgress {
    private final String author;
    private long held;
    private long target;
    private boolean targetKnown;
    private int stored;
    private int pages;
    private int taken;
    private boolean cut;

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

    /**
     * Whether another page may be asked for within {@code limits}, counting it if so; the first refusal marks the
     * catch-up as cut.
     */
    synchronized boolean askPage(CatchUp.Limits limits) {
        if (pages >= limits.maxPages() || taken >= limits.maxPosts()) {
            cut = cut || wantsMore();
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

    synchronized void took(long seq, boolean isNew) {
        taken++;
        held = Math.max(held, seq);
        if (isNew) {
            stored++;
        }
    }
}
