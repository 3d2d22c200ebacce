package murmur.dht.wire;

import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/** Records and set entries as standalone bytes, for storage on disk; the same layout as on the wire. */
public final class RecordBytes {
    private static final int MAX_VALUE = 16 * 1024 * 1024;

    private RecordBytes() {}

    public static byte[] encode(OwnedRecord record) {
        WireWriter w = new WireWriter();
        RecordLayout.write(w, record);
        return w.toBytes();
    }

    public static OwnedRecord decodeRecord(byte[] bytes) throws MalformedInputException {
        WireReader r = new WireReader(bytes);
        OwnedRecord record = RecordLayout.readRecord(r, MAX_VALUE);
        r.end();
        return record;
    }

    public static byte[] encode(SetEntry entry) {
        WireWriter w = Ids.write(new WireWriter(), entry.setKey());
        RecordLayout.write(w, entry);
        return w.toBytes();
    }

    public static SetEntry decodeEntry(byte[] bytes) throws MalformedInputException {
        WireReader r = new WireReader(bytes);
        SetEntry entry = RecordLayout.readEntry(r, Ids.read(r), MAX_VALUE);
        r.end();
        return entry;
    }
}
