package murmur.timeline.dissemination;

import java.util.List;

/** Told, at the author's peer, which followers now hold one of the author's posts. */
@FunctionalInterface
public interface DeliverySink {
    void delivered(String author, String device, long seq, List<String> followers);
}
