package murmur.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import murmur.timeline.observe.LiveValue;
import murmur.timeline.observe.Subscription;
import org.junit.jupiter.api.Test;

class OnUiTest {
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final List<Integer> seen = new ArrayList<>();
    private final LiveValue<Integer> live = new LiveValue<>(0);

    private void runUi() {
        while (!uiQueue.isEmpty()) {
            uiQueue.poll().run();
        }
    }

    @Test
    void deliversOnTheUiExecutorAndOnlyTheNewestOfABurst() {
        OnUi.observe(live, uiQueue::add, seen::add);
        live.set(1);
        live.set(2);
        assertThat(seen).isEmpty();
        runUi();
        assertThat(seen).containsExactly(2);
        live.set(3);
        runUi();
        assertThat(seen).containsExactly(2, 3);
    }

    @Test
    void nothingArrivesAfterClosingEvenIfAlreadyQueued() {
        Subscription s = OnUi.observe(live, uiQueue::add, seen::add);
        live.set(5);
        s.close();
        runUi();
        assertThat(seen).isEmpty();
    }
}
