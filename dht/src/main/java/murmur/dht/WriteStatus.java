package murmur.dht;

/**
 * What a storing node said about a write. Everything but {@link #OK} is a refusal the writer receives. The wire
 * carries the ordinal: add new statuses at the end.
 */
public enum WriteStatus {
    OK("stored"),
    STALE("a record with an equal or higher sequence number is already stored"),
    FORBIDDEN("the key belongs to another owner"),
    BAD_SIGNATURE("the signature does not verify"),
    TOO_LARGE("the value exceeds the size limit"),
    BAD_TTL("the time-to-live is zero or above the cap"),
    EXPIRED("the record has already expired"),
    FROM_FUTURE("the issue time lies too far in the future"),
    FULL("the store or set is full"),
    UNREACHABLE("no replica answered"),
    LOW_WORK("the entry's proof of work is below the minimum this node asks for");

    private final String meaning;

    WriteStatus(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
