package murmur.timeline.follow;

import murmur.dht.SetEntry;

/** Tells a followed or unfollowed user directly, when they are online, with the same signed entry the DHT holds. */
@FunctionalInterface
public interface FollowNotifier {
    void tell(String target, SetEntry notice);
}
