package murmur.timeline.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveValueTest {

    @Test
    void listenersHearTheCurrentValueThenEveryChangeUntilTheyUnsubscribe() {
        LiveValue<Integer> v = new LiveValue<>(1);
        List<Integer> heard = new ArrayList<>();
        Subscription s = v.subscribe(heard::add);
        v.set(2);
        v.set(2);
        v.update(x -> x + 1);
        s.close();
        v.set(9);
        assertThat(heard).containsExactly(1, 2, 3);
        assertThat(v.get()).isEqualTo(9);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        LiveValue<String> v = new LiveValue<>("a");
        List<String> heard = new ArrayList<>();
        v.subscribe(x -> {
            throw new IllegalStateException("boom");
        });
        v.subscribe(heard::add);
        v.set("b");
        assertThat(heard).containsExactly("a", "b");
    }
}
