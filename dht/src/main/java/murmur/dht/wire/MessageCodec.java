package murmur.dht.wire;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.WriteStatus;
import murmur.dht.routing.Contact;
import murmur.transport.Ed25519;
import murmur.transport.MalformedInputException;
import murmur.transport.WireReader;
import murmur.transport.WireWriter;

/**
 * The binary wire format, version 3: {@code 'M' version type requestId(8) senderKey(32) senderPort(2) body}, and
 * in answers, after the envelope, the requester's address as the answering node saw it: {@code len(1)} (0 for
 * unknown, 4 or 16) {@code ip port(2)}. A request may end in zero bytes of padding (see {@link #encode(Packet,
 * int)}). Version 1 had no observed address; version 2 set entries had no work nonce. Decoding never trusts a
 * length: every count and size is checked against this codec's limits.
 */
public final class MessageCodec {
    public static final int MAGIC = 0x4D;
    public static final int VERSION = 3;
    static final int MAX_CONTACTS = 64;
    static final int MAX_TEXT = 1024;

    private final int maxMessageBytes;
    private final int maxListEntries;

    public MessageCodec(int maxMessageBytes, int maxListEntries) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxListEntries = maxListEntries;
    }

    public byte[] encode(Packet packet) {
        return encode(packet, 0);
    }

    /**
     * Encodes a request padded with zero bytes to at least {@code padTo} bytes, as QUIC pads its first packet: a
     * node that does not know the requester's address yet may answer a padded request with up to {@code
     * Transport.AMPLIFICATION} times its size at once, instead of checking the address first.
     */
    public byte[] encode(Packet packet, int padTo) {
        WireWriter w = new WireWriter().u8(MAGIC).u8(VERSION).u8(MessageType.of(packet.body()).code())
                .i64(packet.requestId()).raw(packet.senderKey()).u16(packet.senderPort());
        if (!packet.body().isRequest()) {
            w.optionalAddress(packet.observed());
        }
        BodyWriter.write(w, packet.body());
        byte[] bytes = w.toBytes();
        return packet.body().isRequest() && bytes.length < padTo ? Arrays.copyOf(bytes, padTo) : bytes;
    }

    public Packet decode(byte[] bytes) throws MalformedInputException {
        if (bytes.length > maxMessageBytes) {
            throw new MalformedInputException("message of " + bytes.length + " bytes exceeds " + maxMessageBytes);
        }
        WireReader r = new WireReader(bytes);
        if (r.u8() != MAGIC) {
            throw new MalformedInputException("not a Murmur DHT message (bad magic byte)");
        }
        int version = r.u8();
        if (version != VERSION) {
            throw new MalformedInputException("unsupported protocol version " + version);
        }
        MessageType type = MessageType.fromCode(r.u8());
        long requestId = r.i64();
        byte[] senderKey = r.raw(Ed25519.PUBLIC_KEY_BYTES, "sender key");
        int senderPort = r.u16();
        if (senderPort == 0 && !type.isRequest()) {
            throw new MalformedInputException("sender port 0 in an answer");
        }
        InetSocketAddress observed = type.isRequest() ? null : r.optionalAddress();
        Message body = readBody(type, r);
        if (type.isRequest()) {
            r.endAfterPadding();
        } else {
            r.end();
        }
        return new Packet(requestId, senderKey, senderPort, body, observed);
    }

    private Message readBody(MessageType type, WireReader r) throws MalformedInputException {
        return switch (type) {
            case PING -> new Message.Ping();
            case PONG -> new Message.Pong();
            case FIND_NODE -> new Message.FindNode(Ids.read(r));
            case NODES -> new Message.Nodes(readContacts(r));
            case FIND_VALUE -> new Message.FindValue(Ids.read(r));
            case VALUE_FOUND -> new Message.ValueFound(readRecord(r));
            case FIND_SET -> new Message.FindSet(Ids.read(r), readBoolean(r) ? Ids.read(r) : null, r.u16());
            case SET_PAGE -> readSetPage(r);
            case STORE -> new Message.Store(readRecord(r));
            case STORE_ENTRIES -> readStoreEntries(r);
            case STORE_RESULT -> new Message.StoreResult(readStatus(r), r.i32());
            case USE_TCP -> new Message.UseTcp();
            case ERROR -> new Message.ErrorReply(r.text(MAX_TEXT, "error text"));
            case DIAL_BACK -> new Message.DialBack(r.u16(), r.u16());
            case DIAL_BACK_RESULT -> new Message.DialBackResult(readBoolean(r), readBoolean(r));
            case PROVE -> new Message.Prove(r.raw(Message.Prove.PROOF_NONCE_BYTES, "proof nonce"));
            case PROOF -> new Message.Proof(r.raw(Ed25519.SIGNATURE_BYTES, "proof signature"));
        };
    }

    private List<Contact> readContacts(WireReader r) throws MalformedInputException {
        int n = r.count(MAX_CONTACTS, "contacts");
        List<Contact> contacts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            contacts.add(new Contact(Ids.read(r), r.address()));
        }
        return contacts;
    }

    private OwnedRecord readRecord(WireReader r) throws MalformedInputException {
        return RecordLayout.readRecord(r, maxMessageBytes);
    }

    private Message readSetPage(WireReader r) throws MalformedInputException {
        NodeId key = Ids.read(r);
        boolean more = readBoolean(r);
        return new Message.SetPage(key, readEntries(key, r), more);
    }

    private Message readStoreEntries(WireReader r) throws MalformedInputException {
        NodeId key = Ids.read(r);
        return new Message.StoreEntries(key, readEntries(key, r));
    }

    private List<SetEntry> readEntries(NodeId key, WireReader r) throws MalformedInputException {
        int n = r.count(maxListEntries, "set entries");
        List<SetEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(RecordLayout.readEntry(r, key, maxMessageBytes));
        }
        return entries;
    }

    private static WriteStatus readStatus(WireReader r) throws MalformedInputException {
        int code = r.u8();
        WriteStatus[] all = WriteStatus.values();
        if (code >= all.length) {
            throw new MalformedInputException("unknown write status " + code);
        }
        return all[code];
    }

    private static boolean readBoolean(WireReader r) throws MalformedInputException {
        int b = r.u8();
        if (b > 1) {
            throw new MalformedInputException("boolean byte " + b);
        }
        return b == 1;
    }
}
