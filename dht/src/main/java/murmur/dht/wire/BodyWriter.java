package murmur.dht.wire;

import murmur.transport.WireWriter;
import java.util.List;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.routing.Contact;

/** Writes message bodies in the layout {@link MessageCodec} reads. */
final class BodyWriter {
    private BodyWriter() {}

    static void write(WireWriter w, Message body) {
        if (body instanceof Message.FindNode m) {
            Ids.write(w, m.target());
        } else if (body instanceof Message.FindValue m) {
            Ids.write(w, m.key());
        } else if (body instanceof Message.Nodes m) {
            w.u16(m.contacts().size());
            for (Contact c : m.contacts()) {
                Ids.write(w, c.id()).address(c.address());
            }
        } else if (body instanceof Message.ValueFound m) {
            record(w, m.record());
        } else if (body instanceof Message.Store m) {
            record(w, m.record());
        } else if (body instanceof Message.FindSet m) {
            Ids.write(w, m.key()).u8(m.after() == null ? 0 : 1);
            if (m.after() != null) {
                Ids.write(w, m.after());
            }
            w.u16(m.limit());
        } else if (body instanceof Message.SetPage m) {
            entries(Ids.write(w, m.key()).u8(m.more() ? 1 : 0), m.entries());
        } else if (body instanceof Message.StoreEntries m) {
            entries(Ids.write(w, m.key()), m.entries());
        } else if (body instanceof Message.StoreResult m) {
            w.u8(m.status().ordinal()).i32(m.accepted());
        } else if (body instanceof Message.DialBack m) {
            w.u16(m.udpPort()).u16(m.tcpPort());
        } else if (body instanceof Message.DialBackResult m) {
            w.u8(m.udpReached() ? 1 : 0).u8(m.tcpReached() ? 1 : 0);
        } else if (body instanceof Message.ErrorReply m) {
            w.text(m.reason());
        } else if (body instanceof Message.Prove m) {
            w.raw(m.nonce());
        } else if (body instanceof Message.Proof m) {
            w.raw(m.signature());
        }
        // Ping, Pong and UseTcp have no body.
    }

    private static void record(WireWriter w, OwnedRecord r) {
        RecordLayout.write(w, r);
    }

    private static void entries(WireWriter w, List<SetEntry> entries) {
        w.u16(entries.size());
        for (SetEntry e : entries) {
            RecordLayout.write(w, e);
        }
    }
}
