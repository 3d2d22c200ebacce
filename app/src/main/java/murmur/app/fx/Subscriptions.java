package murmur.app.fx;

import java.util.ArrayList;
import java.util.List;
import murmur.timeline.observe.Subscription;

/** The subscriptions a view model holds while active, closed together. Used on the UI thread only. */
public final class Subscriptions {
    private final List<Subscription> open = new ArrayList<>();

    public void add(Subscription subscription) {
        open.add(subscription);
    }

    public void closeAll() {
        open.forEach(Subscription::close);
        open.clear();
    }
}
