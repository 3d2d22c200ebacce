package murmur.dht.lookup;

import murmur.config.DhtSettings;
import murmur.dht.NodeId;
import murmur.dht.wire.Message;

/** What a lookup asks each node, and which answers carry what it is looking for. */
public enum LookupMode {
    NODES, VALUE, SET;

    Message request(NodeId target, DhtSettings settings) {
        return switch (this) {
            case NODES -> new Message.FindNode(target);
            case VALUE -> new Message.FindValue(target);
            case SET -> new Message.FindSet(target, null, settings.setPageSize());
        };
    }

    boolean isValue(Message answer) {
        return switch (this) {
            case NODES -> false;
            case VALUE -> answer instanceof Message.ValueFound;
            case SET -> answer instanceof Message.SetPage;
        };
    }
}
