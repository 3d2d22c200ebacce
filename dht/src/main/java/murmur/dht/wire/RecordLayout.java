package murmur.dht.wire;

import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.transport.Ed25519;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** The one layout of a record and of a set entry, shared by messages and by storage on disk. */
final class RecordLayout {
    private RecordLayout() {}

    static void write(WireWriter w, OwnedRecord r) {
        Ids.write(w, r.key()).raw(r.owner()).i64(r.seq()).i64(r.issuedAtMillis()).i32(r.ttlSeconds()).blob(r.value())
                .raw(r.signature());
    }

    static OwnedRecord readRecord(WireReader r, int maxValue) throws MalformedInputException {
        NodeId key = Ids.read(r);
        byte[] owner = r.raw(Ed25519.PUBLIC_KEY_BYTES, "owner key");
        long seq = r.i64();
        long issuedAt = r.i64();
        int ttl = r.i32();
        byte[] value = r.blob(maxValue, "value");
        byte[] signature = r.raw(Ed25519.SIGNATURE_BYTES, "signature");
        return new OwnedRecord(key, value, seq, issuedAt, ttl, owner, signature);
    }

    /** An entry without its set key, which the enclosing message or row carries; the work nonce follows the flag. */
    static void write(WireWriter w, SetEntry e) {
        w.raw(e.writer()).i64(e.seq()).i64(e.issuedAtMillis()).i32(e.ttlSeconds()).u8(e.tombstone() ? 1 : 0)
                .i64(e.nonce()).blob(e.value()).raw(e.signature());
    }

    static SetEntry readEntry(WireReader r, NodeId setKey, int maxValue) throws MalformedInputException {
        byte[] writer = r.raw(Ed25519.PUBLIC_KEY_BYTES, "writer key");
        long seq = r.i64();
        long issuedAt = r.i64();
        int ttl = r.i32();
        int flag = r.u8();
        if (flag > 1) {
            throw new MalformedInputException("tombstone flag " + flag);
        }
        long nonce = r.i64();
        byte[] value = r.blob(maxValue, "entry value");
        byte[] signature = r.raw(Ed25519.SIGNATURE_BYTES, "signature");
        return new SetEntry(setKey, writer, value, seq, issuedAt, ttl, flag == 1, nonce, signature);
    }
}
