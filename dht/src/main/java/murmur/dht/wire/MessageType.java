package murmur.dht.wire;

import java.util.HashMap;
import java.util.Map;

/** Type codes on the wire. Codes are forever: add new ones, never renumber. */
enum MessageType {
    PING(1, Message.Ping.class),
    PONG(2, Message.Pong.class),
    FIND_NODE(3, Message.FindNode.class),
    NODES(4, Message.Nodes.class),
    FIND_VALUE(5, Message.FindValue.class),
    VALUE_FOUND(6, Message.ValueFound.class),
    FIND_SET(7, Message.FindSet.class),
    SET_PAGE(8, Message.SetPage.class),
    STORE(9, Message.Store.class),
    STORE_ENTRIES(10, Message.StoreEntries.class),
    STORE_RESULT(11, Message.StoreResult.class),
    USE_TCP(12, Message.UseTcp.class),
    ERROR(13, Message.ErrorReply.class);

    private static final MessageType[] BY_CODE = new MessageType[14];
    private static final Map<Class<?>, MessageType> BY_CLASS = new HashMap<>();

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
            BY_CLASS.put(t.type, t);
        }
    }

    private final int code;
    private final Class<? extends Message> type;

    MessageType(int code, Class<? extends Message> type) {
        this.code = code;
        this.type = type;
    }

    int code() {
        return code;
    }

    static MessageType fromCode(int code) throws MalformedMessageException {
        MessageType t = code < BY_CODE.length ? BY_CODE[code] : null;
        if (t == null) {
            throw new MalformedMessageException("unknown message type " + code);
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
