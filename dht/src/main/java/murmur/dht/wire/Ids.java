package murmur.dht.wire;

import murmur.dht.NodeId;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** Node ids and keys on the wire: their 32 raw bytes. */
final class Ids {
    private Ids() {}

    static NodeId read(WireReader r) throws MalformedInputException {
        return NodeId.of(r.raw(NodeId.BYTES, "id"));
    }

    static WireWriter write(WireWriter w, NodeId id) {
        return w.raw(id.toBytes());
    }
}
