package murmur.dht.wire;

import java.util.HashMap;
import java.util.Map;
import murmur.transport.MalformedInputException;

/** Type codes on the wire. Codes are forever: add new ones, never renumber. */
enum MessageType {
    PING(1, Message.Ping.class, true),
    PONG(2, Message.Pong.class, false),
    FIND_NODE(3, Message.FindNode.class, true),
    NODES(4, Message.Nodes.class, false),
    FIND_VALUE(5, Message.FindValue.class, true),
    VALUE_FOUND(6, Message.ValueFound.class, false),
    FIND_SET(7, Message.FindSet.class, true),
    SET_PAGE(8, Message.SetPage.class, false),
    STORE(9, Message.Store.class, true),
    STORE_ENTRIES(10, Message.StoreEntries.class, true),
    STORE_RESULT(11, Message.StoreResult.class, false),
    USE_TCP(12, Message.UseTcp.class, false),
    ERROR(13, Message.ErrorReply.class, false),
    DIAL_BACK(14, Message.DialBack.class, true),
    DIAL_BACK_RESULT(15, Message.DialBackResult.class, false),
    PROVE(16, Message.Prove.class, true),
    PROOF(17, Message.Proof.class, false);

    private static final MessageType[] BY_CODE = new MessageType[32];
    private static final Map<Class<?>, MessageType> BY_CLASS = new HashMap<>();

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
            BY_CLASS.put(t.type, t);
        }
    }

    private final int code;
    private final Class<? extends Message> type;
    private final boolean request;

    MessageType(int code, Class<? extends Message> type, boolean request) {
        this.code = code;
        this.type = type;
        this.request = request;
    }

    /** Whether messages of this type start an exchange (as {@link Message#isRequest()}). */
    boolean isRequest() {
        return request;
    }

    int code() {
        return code;
    }

    static MessageType fromCode(int code) throws MalformedInputException {
        MessageType t = code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new MalformedInputException("unknown message type " + code);
        }
        return t;
    }

    static MessageType of(Message m) {
        MessageType t = BY_CLASS.get(m.getClass());
        if (t == null) {
            throw new IllegalArgumentException("no wire type for " + m.getClass());
        }
        return t;
    }
}
