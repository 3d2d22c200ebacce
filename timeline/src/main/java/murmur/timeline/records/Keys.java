package murmur.timeline.records;

import murmur.dht.NodeId;

/** The DHT keys of a user's records, as listed in DESIGN.md. */
public final class Keys {
    private Keys() {}

    public static NodeId user(String name) {
        return NodeId.ofKey("user/" + name);
    }

    public static NodeId profile(String name) {
        return NodeId.ofKey("profile/" + name);
    }

    public static NodeId presence(String name) {
        return NodeId.ofKey("presence/" + name);
    }

    /** The presence of one device of an account ({@code presence/<name>/<device>}), signed by the account key. */
    public static NodeId devicePresence(String name, String device) {
        return NodeId.ofKey("presence/" + name + "/" + device);
    }

    public static NodeId following(String name) {
        return NodeId.ofKey("following/" + name);
    }

    public static NodeId followers(String name) {
        return NodeId.ofKey("followers/" + name);
    }

    public static NodeId notifications(String name) {
        return NodeId.ofKey("notifications/" + name);
    }

    public static NodeId feed(String name) {
        return NodeId.ofKey("feed/" + name);
    }

    /** Owned by the user: how far the user has read {@code notifications/<name>}, so any machine knows. */
    public static NodeId inbox(String name) {
        return NodeId.ofKey("inbox/" + name);
    }

    /** Owned by the user: the account's devices, each device key certified by the account key. */
    public static NodeId devices(String name) {
        return NodeId.ofKey("devices/" + name);
    }
}
