package murmur.dht.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import murmur.dht.NodeId;
import murmur.dht.OwnedRecord;
import murmur.dht.SetEntry;
import murmur.dht.SigningKey;
import murmur.dht.TestEntries;
import murmur.dht.TestKeys;
import murmur.dht.WriteStatus;
import murmur.dht.routing.Contact;
import murmur.transport.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageCodecTest {
    private static final int MAX_MESSAGE = 1024 * 1024;
    private static final int MAX_LIST = 1000;
    /** magic, version, type, request id, sender key, sender port. */
    private static final int HEADER = 1 + 1 + 1 + 8 + 32 + 2;
    /** Where an answer's body starts: after the header and an unknown observed address (one 0 byte). */
    private static final int ANSWER_BODY = HEADER + 1;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static final SecureRandom KEYS = TestKeys.seeded(1);
    private static final SigningKey OWNER = SigningKey.generate(KEYS);
    private static final SigningKey WRITER = SigningKey.generate(KEYS);
    private static final byte[] SENDER = SigningKey.generate(KEYS).publicKey();
    private static final NodeId KEY = NodeId.ofKey("user/alice");
    private static final NodeId SET_KEY = NodeId.ofKey("followers/alice");

    private final MessageCodec codec = new MessageCodec(MAX_MESSAGE, MAX_LIST);

    static OwnedRecord record(String value) {
        return OwnedRecord.sign(OWNER, KEY, value.getBytes(StandardCharsets.UTF_8), 7, Duration.ofHours(1), NOW);
    }

    static SetEntry entry(SigningKey writer, String value) {
        return SetEntry.sign(writer, SET_KEY, value.getBytes(StandardCharsets.UTF_8), 3, Duration.ofDays(1), NOW);
    }

    static Contact contact(String ip, int port, long seed) {
        try {
            return new Contact(NodeId.random(new Random(seed)), new InetSocketAddress(InetAddress.getByName(ip), port));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One message of every type and shape the protocol knows. */
    static List<Message> allMessages() {
        List<Message> all = new ArrayList<>();
        all.add(new Message.Ping());
        all.add(new Message.Pong());
        all.add(new Message.FindNode(NodeId.ofKey("target")));
        all.add(new Message.Nodes(List.of()));
        all.add(new Message.Nodes(List.of(contact("10.1.2.3", 4000, 1), contact("2001:db8::1", 65535, 2),
                contact("192.168.0.255", 1, 3), contact("fe80::abcd:1234", 4001, 4))));
        all.add(new Message.FindValue(KEY));
        all.add(new Message.ValueFound(record("hello")));
        all.add(new Message.ValueFound(record("")));
        all.add(new Message.FindSet(SET_KEY, null, 200));
        all.add(new Message.FindSet(SET_KEY, NodeId.ofKey("after"), 65535));
        all.add(new Message.SetPage(SET_KEY, List.of(), false));
        all.add(new Message.SetPage(SET_KEY, List.of(entry(OWNER, "a"), entry(WRITER, "b"),
                SetEntry.tombstone(SigningKey.generate(KEYS), SET_KEY, 9, Duration.ofDays(1), NOW)), true));
        all.add(new Message.Store(record("héllo wörld")));
        all.add(new Message.StoreEntries(SET_KEY, List.of(entry(WRITER, "x"))));
        all.add(new Message.StoreEntries(SET_KEY, List.of()));
        for (WriteStatus s : WriteStatus.values()) {
            all.add(new Message.StoreResult(s, s.ordinal() * 1000));
        }
        all.add(new Message.StoreResult(WriteStatus.OK, Integer.MAX_VALUE));
        all.add(new Message.UseTcp());
        all.add(new Message.ErrorReply("not a request: Pong ✓"));
        all.add(new Message.ErrorReply(""));
        all.add(new Message.DialBack(4100, 41000));
        all.add(new Message.DialBack(65535, 0));
        all.add(new Message.DialBackResult(true, false));
        all.add(new Message.DialBackResult(false, true));
        all.add(new Message.Prove(new byte[Message.Prove.PROOF_NONCE_BYTES]));
        all.add(new Message.Proof(new byte[64]));
        return all;
    }

    static Stream<Message> messages() {
        return allMessages().stream();
    }

    private byte[] encode(Message body) {
        return codec.encode(new Packet(0x0123456789abcdefL, SENDER, 4000, body));
    }

    private static void assertSamePacket(Packet actual, Packet expected) {
        assertThat(actual.requestId()).isEqualTo(expected.requestId());
        assertThat(actual.senderKey()).isEqualTo(expected.senderKey());
        assertThat(actual.senderPort()).isEqualTo(expected.senderPort());
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    // ---- round trips ----

    @ParameterizedTest
    @MethodSource("messages")
    void everyMessageSurvivesARoundTrip(Message body) throws MalformedInputException {
        Packet packet = new Packet(-42L, SENDER, 51234, body);

        Packet decoded = codec.decode(codec.encode(packet));

        assertSamePacket(decoded, packet);
        assertThat(decoded.senderId()).isEqualTo(NodeId.ofPublicKey(SENDER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.7", "2001:db8::7", "::ffff:198.51.100.1"})
    void answersTellTheRequesterWhereItsRequestCameFrom(String ip) throws Exception {
        InetSocketAddress seen = new InetSocketAddress(InetAddress.getByName(ip), 41000);
        Packet answer = new Packet(7L, SENDER, 4100, new Message.Pong(), seen);

        Packet decoded = codec.decode(codec.encode(answer));

        assertThat(decoded.observed()).isEqualTo(seen);
    }

    @Test
    void anAnswerMayNotKnowTheObservedAddressButARequestNeverCarriesOne() throws Exception {
        assertThat(codec.decode(codec.encode(new Packet(7L, SENDER, 4100, new Message.Pong()))).observed()).isNull();
        assertThat(codec.decode(encode(new Message.Ping())).observed()).isNull();
        assertThatThrownBy(() -> new Packet(7L, SENDER, 4100, new Message.Ping(), new InetSocketAddress(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadObservedAddressIsMalformed() {
        byte[] bytes = codec.encode(new Packet(7L, SENDER, 4100, new Message.Pong(), null));
        bytes[HEADER] = 5;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("neither IPv4 nor IPv6");
    }

    @Test
    void everyMessageTypeIsCoveredByTheRoundTrips() {
        assertThat(allMessages().stream().map(MessageType::of).distinct())
                .containsExactlyInAnyOrder(MessageType.values());
    }

    @Test
    void decodedRecordsAndEntriesStillVerify() throws MalformedInputException {
        Message.ValueFound found = (Message.ValueFound) codec.decode(encode(new Message.ValueFound(record("v"))))
                .body();
        Message.SetPage page = (Message.SetPage) codec.decode(encode(new Message.SetPage(SET_KEY,
                List.of(entry(WRITER, "w")), false))).body();

        assertThat(found.record().signatureValid()).isTrue();
        assertThat(page.entries()).singleElement().satisfies(e -> {
            assertThat(e.signatureValid()).isTrue();
            assertThat(e.setKey()).isEqualTo(SET_KEY);
        });
    }

    @Test
    void ipv4AndIpv6ContactsKeepTheirAddressFamilyAndPort() throws MalformedInputException {
        Contact v4 = contact("10.0.0.7", 4000, 5);
        Contact v6 = contact("2001:db8::42", 443, 6);

        Message.Nodes nodes = (Message.Nodes) codec.decode(encode(new Message.Nodes(List.of(v4, v6)))).body();

        assertThat(nodes.contacts()).containsExactly(v4, v6);
        assertThat(nodes.contacts().get(0).address().getAddress().getAddress()).hasSize(4);
        assertThat(nodes.contacts().get(1).address().getAddress().getAddress()).hasSize(16);
        assertThat(nodes.contacts().get(1).address().getPort()).isEqualTo(443);
    }

    @Test
    void maximalAllowedListsRoundTrip() throws MalformedInputException {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < MessageCodec.MAX_CONTACTS; i++) {
            contacts.add(contact("10.0.0." + (i + 1), 4000 + i, i));
        }
        String text = "x".repeat(MessageCodec.MAX_TEXT);

        assertThat(codec.decode(encode(new Message.Nodes(contacts))).body())
                .isEqualTo(new Message.Nodes(contacts));
        assertThat(codec.decode(encode(new Message.ErrorReply(text))).body())
                .isEqualTo(new Message.ErrorReply(text));
    }

    @Test
    void requestsAndAnswersAreToldApart() {
        assertThat(allMessages()).filteredOn(Message::isRequest).extracting(MessageType::of)
                .containsOnly(MessageType.PING, MessageType.FIND_NODE, MessageType.FIND_VALUE, MessageType.FIND_SET,
                        MessageType.STORE, MessageType.STORE_ENTRIES, MessageType.DIAL_BACK, MessageType.PROVE);
        assertThat(allMessages()).allSatisfy(m -> assertThat(MessageType.of(m).isRequest()).isEqualTo(m.isRequest()));
    }

    // ---- hostile input ----

    @ParameterizedTest
    @MethodSource("messages")
    void everyTruncationIsMalformed(Message body) {
        byte[] whole = encode(body);
        for (int len = 0; len < whole.length; len++) {
            byte[] prefix = Arrays.copyOf(whole, len);
            assertThatThrownBy(() -> codec.decode(prefix))
                    .as("prefix of %d of %d bytes of %s", len, whole.length, body)
                    .isInstanceOf(MalformedInputException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("messages")
    void trailingBytesAreMalformed(Message body) {
        byte[] whole = encode(body);
        byte[] longer = Arrays.copyOf(whole, whole.length + 1);
        longer[whole.length] = 1;

        assertThatThrownBy(() -> codec.decode(longer))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("trailing");
    }

    @ParameterizedTest
    @MethodSource("messages")
    void requestsMayBePaddedWithZerosAndAnswersMayNot(Message body) throws MalformedInputException {
        Packet packet = new Packet(0x0123456789abcdefL, SENDER, 4000, body);
        byte[] padded = codec.encode(packet, 400);

        if (body.isRequest()) {
            assertThat(padded.length).isEqualTo(Math.max(400, encode(body).length));
            assertSamePacket(codec.decode(padded), packet);
            padded[padded.length - 1] = 7;
            assertThatThrownBy(() -> codec.decode(padded)).as("a padding byte that is not zero")
                    .isInstanceOf(MalformedInputException.class).hasMessageContaining("not padding");
        } else {
            assertThat(padded).as("answers are never padded").isEqualTo(encode(body));
            byte[] zeros = Arrays.copyOf(padded, padded.length + 3);
            assertThatThrownBy(() -> codec.decode(zeros))
                    .isInstanceOf(MalformedInputException.class).hasMessageContaining("trailing");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x4C, 0x4E, 0xFF})
    void badMagicIsMalformed(int magic) {
        byte[] bytes = encode(new Message.Ping());
        bytes[0] = (byte) magic;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("magic");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 255})
    void unsupportedVersionIsMalformed(int version) {
        byte[] bytes = encode(new Message.Ping());
        bytes[1] = (byte) version;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("version " + version);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 18, 31, 127, 255})
    void unknownTypeCodeIsMalformed(int type) {
        byte[] bytes = encode(new Message.Ping());
        bytes[2] = (byte) type;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("unknown message type");
    }

    @Test
    void senderPortZeroMarksARequestFromAClient() throws MalformedInputException {
        byte[] bytes = encode(new Message.Ping());
        bytes[HEADER - 2] = 0;
        bytes[HEADER - 1] = 0;

        Packet decoded = codec.decode(bytes);
        assertThat(decoded.fromClient()).isTrue();
        assertThat(decoded.senderPort()).isZero();
    }

    @Test
    void senderPortZeroInAnAnswerIsMalformed() {
        byte[] bytes = codec.encode(new Packet(1, SENDER, 4000, new Message.Pong()));
        int port = HEADER - 2;
        bytes[port] = 0;
        bytes[port + 1] = 0;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("sender port 0 in an answer");
    }

    @Test
    void messageLargerThanTheLimitIsRefusedBeforeParsing() {
        MessageCodec small = new MessageCodec(2000, MAX_LIST);
        byte[] big = small.encode(new Packet(1, SENDER, 4000, new Message.ValueFound(
                OwnedRecord.sign(OWNER, KEY, new byte[3000], 1, Duration.ofHours(1), NOW))));
        byte[] junk = new byte[2001];

        assertThatThrownBy(() -> small.decode(big))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("exceeds 2000");
        assertThatThrownBy(() -> small.decode(junk))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("exceeds 2000");
    }

    @Test
    void messageOfExactlyTheLimitIsAccepted() throws MalformedInputException {
        byte[] probe = encode(new Message.ValueFound(
                OwnedRecord.sign(OWNER, KEY, new byte[100], 1, Duration.ofHours(1), NOW)));
        MessageCodec exact = new MessageCodec(probe.length, MAX_LIST);

        assertThat(exact.decode(probe).body()).isInstanceOf(Message.ValueFound.class);
    }

    @Test
    void moreContactsThanTheLimitAreMalformed() {
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i <= MessageCodec.MAX_CONTACTS; i++) {
            contacts.add(contact("10.0.1." + (i + 1), 4000, i));
        }
        byte[] bytes = encode(new Message.Nodes(contacts));

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("contacts");
    }

    @Test
    void moreSetEntriesThanTheLimitAreMalformed() {
        MessageCodec strict = new MessageCodec(MAX_MESSAGE, 2);
        List<SetEntry> three = List.of(entry(OWNER, "1"), entry(WRITER, "2"), entry(SigningKey.generate(KEYS), "3"));
        byte[] page = strict.encode(new Packet(1, SENDER, 4000, new Message.SetPage(SET_KEY, three, false)));
        byte[] store = strict.encode(new Packet(1, SENDER, 4000, new Message.StoreEntries(SET_KEY, three)));

        assertThatThrownBy(() -> strict.decode(page))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("set entries");
        assertThatThrownBy(() -> strict.decode(store))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("set entries");
    }

    @Test
    void aCountFarAboveTheLimitIsRefusedWithoutAllocating() {
        byte[] bytes = encode(new Message.Nodes(List.of()));
        bytes[ANSWER_BODY] = (byte) 0xff;
        bytes[ANSWER_BODY + 1] = (byte) 0xff;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("65535 contacts");
    }

    @Test
    void errorTextLongerThanTheLimitIsMalformed() {
        byte[] bytes = encode(new Message.ErrorReply("x".repeat(MessageCodec.MAX_TEXT + 1)));

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0x7fffffff, 0x80000000, 0xffffffff, MAX_MESSAGE + 1})
    void hugeOrNegativeBlobLengthIsMalformed(int length) {
        byte[] bytes = encode(new Message.ValueFound(record("abc")));
        int valueLength = ANSWER_BODY + 32 + 32 + 8 + 8 + 4;
        assertThat(bytes[valueLength + 3]).as("the value length sits where expected").isEqualTo((byte) 3);
        bytes[valueLength] = (byte) (length >>> 24);
        bytes[valueLength + 1] = (byte) (length >>> 16);
        bytes[valueLength + 2] = (byte) (length >>> 8);
        bytes[valueLength + 3] = (byte) length;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void blobLengthBeyondTheRemainingBytesIsMalformed() {
        byte[] bytes = encode(new Message.ErrorReply("abc"));
        bytes[ANSWER_BODY + 3] = 100;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("truncated");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 5, 15, 17, 255})
    void contactAddressThatIsNeitherIpv4NorIpv6IsMalformed(int length) {
        byte[] bytes = encode(new Message.Nodes(List.of(contact("10.0.0.1", 4000, 1))));
        bytes[ANSWER_BODY + 2 + 32] = (byte) length;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void contactWithPortZeroIsMalformed() {
        byte[] bytes = encode(new Message.Nodes(List.of(contact("10.0.0.1", 4000, 1))));
        bytes[bytes.length - 2] = 0;
        bytes[bytes.length - 1] = 0;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("port 0");
    }

    @Test
    void unknownWriteStatusIsMalformed() {
        byte[] bytes = encode(new Message.StoreResult(WriteStatus.OK, 1));
        bytes[ANSWER_BODY] = (byte) WriteStatus.values().length;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("write status");
    }

    @Test
    void tombstoneFlagOtherThanZeroOrOneIsMalformed() {
        byte[] bytes = encode(new Message.StoreEntries(SET_KEY, List.of(entry(WRITER, "x"))));
        int flag = HEADER + 32 + 2 + 32 + 8 + 8 + 4;
        assertThat(bytes[flag]).isZero();
        bytes[flag] = 2;

        assertThatThrownBy(() -> codec.decode(bytes))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("tombstone flag");
    }

    @Test
    void setPageMoreFlagOtherThanZeroOrOneIsMalformed() {
        byte[] bytes = encode(new Message.SetPage(SET_KEY, List.of(), true));
        bytes[ANSWER_BODY + 32] = 2;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void findSetAfterFlagOtherThanZeroOrOneIsMalformed() {
        byte[] bytes = encode(new Message.FindSet(SET_KEY, null, 200));
        bytes[HEADER + 32] = 2;

        assertThatThrownBy(() -> codec.decode(bytes)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void tenThousandRandomByteArraysNeverThrowAnythingButMalformed() {
        Random random = new Random(20260101);
        int decoded = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length >= 3) {
                // half of them get a plausible header so the body parsers are exercised too
                bytes[0] = (byte) MessageCodec.MAGIC;
                bytes[1] = (byte) MessageCodec.VERSION;
                bytes[2] = (byte) (1 + random.nextInt(13));
            }
            decoded += decodesOrMalformed(bytes) ? 1 : 0;
        }
        assertThat(decoded).as("random bytes that happened to decode").isLessThan(10_000);
    }

    @Test
    void randomSingleByteMutationsDecodeOrAreMalformed() {
        Random random = new Random(7);
        List<byte[]> valid = allMessages().stream().map(this::encode).toList();
        for (int i = 0; i < 20_000; i++) {
            byte[] original = valid.get(random.nextInt(valid.size()));
            byte[] mutated = original.clone();
            int at = random.nextInt(mutated.length);
            mutated[at] = (byte) (mutated[at] ^ (1 + random.nextInt(255)));
            decodesOrMalformed(mutated);
        }
    }

    @Test
    void everySingleByteMutationOfEveryMessageDecodesOrIsMalformed() {
        for (Message m : allMessages()) {
            byte[] original = encode(m);
            for (int at = 0; at < original.length; at++) {
                for (int flip : new int[] {0x01, 0x80, 0xff}) {
                    byte[] mutated = original.clone();
                    mutated[at] = (byte) (mutated[at] ^ flip);
                    decodesOrMalformed(mutated);
                }
            }
        }
    }

    /**
     * Decodes {@code bytes}; only MalformedInputException may escape. What decodes must encode back to the very
     * same bytes: the format has one encoding per message (a request's only freedom is how many zeros pad it), so
     * nothing can smuggle a second meaning. (Error text is exempt: invalid UTF-8 in it decodes to replacement
     * characters, which is harmless for a human-readable reason.)
     */
    private boolean decodesOrMalformed(byte[] bytes) {
        Packet packet;
        try {
            packet = codec.decode(bytes);
        } catch (MalformedInputException expected) {
            return false;
        } catch (RuntimeException e) {
            throw new AssertionError("decode threw " + e + " for " + Arrays.toString(bytes), e);
        }
        if (!(packet.body() instanceof Message.ErrorReply)
                && !Arrays.equals(codec.encode(packet, packet.body().isRequest() ? bytes.length : 0), bytes)) {
            fail("decoded %s but it encodes differently: %s", packet.body(), Arrays.toString(bytes));
        }
        return true;
    }

    // ---- RecordBytes ----

    @Test
    void recordBytesRoundTripAnOwnedRecord() throws MalformedInputException {
        OwnedRecord r = record("profile");

        OwnedRecord back = RecordBytes.decodeRecord(RecordBytes.encode(r));

        assertThat(back).isEqualTo(r);
        assertThat(back.signatureValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void recordBytesRoundTripASetEntryAndTombstone(boolean tombstone) throws MalformedInputException {
        SetEntry e = tombstone ? SetEntry.tombstone(WRITER, SET_KEY, 4, Duration.ofDays(1), NOW)
                : entry(WRITER, "follows");

        SetEntry back = RecordBytes.decodeEntry(RecordBytes.encode(e));

        assertThat(back).isEqualTo(e);
        assertThat(back.setKey()).isEqualTo(SET_KEY);
        assertThat(back.tombstone()).isEqualTo(tombstone);
        assertThat(back.signatureValid()).isTrue();
    }

    @Test
    void theWorkNonceTravelsInMessagesAndOnDiskUnderTheSignature() throws MalformedInputException {
        SetEntry worked = TestEntries.worked(WRITER, entry(WRITER, "follows"), 8);

        SetEntry stored = RecordBytes.decodeEntry(RecordBytes.encode(worked));
        Message sent = codec.decode(codec.encode(new Packet(1, SENDER, 4000,
                new Message.StoreEntries(SET_KEY, List.of(worked))))).body();

        assertThat(worked.nonce()).isNotZero();
        assertThat(stored.nonce()).isEqualTo(worked.nonce());
        assertThat(stored.work()).isGreaterThanOrEqualTo(8);
        assertThat(stored.signatureValid()).isTrue();
        assertThat(((Message.StoreEntries) sent).entries()).containsExactly(worked);
        byte[] bytes = RecordBytes.encode(worked);
        // The nonce's last byte: after set key, writer, seq, issue time, ttl and the tombstone flag.
        bytes[32 + 32 + 8 + 8 + 4 + 1 + 7] ^= 1;
        assertThat(RecordBytes.decodeEntry(bytes).signatureValid()).as("a changed nonce").isFalse();
    }

    @Test
    void recordBytesRoundTripALargeValue() throws MalformedInputException {
        byte[] value = new byte[2 * 1024 * 1024];
        new Random(3).nextBytes(value);
        OwnedRecord r = OwnedRecord.sign(OWNER, KEY, value, 1, Duration.ofHours(1), NOW);

        assertThat(RecordBytes.decodeRecord(RecordBytes.encode(r))).isEqualTo(r);
    }

    @Test
    void truncatedOrExtendedRecordBytesAreMalformed() {
        byte[] record = RecordBytes.encode(record("x"));
        byte[] entry = RecordBytes.encode(entry(WRITER, "y"));
        for (int len = 0; len < record.length; len++) {
            byte[] prefix = Arrays.copyOf(record, len);
            assertThatThrownBy(() -> RecordBytes.decodeRecord(prefix)).isInstanceOf(MalformedInputException.class);
        }
        for (int len = 0; len < entry.length; len++) {
            byte[] prefix = Arrays.copyOf(entry, len);
            assertThatThrownBy(() -> RecordBytes.decodeEntry(prefix)).isInstanceOf(MalformedInputException.class);
        }
        assertThatThrownBy(() -> RecordBytes.decodeRecord(Arrays.copyOf(record, record.length + 1)))
                .isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> RecordBytes.decodeEntry(Arrays.copyOf(entry, entry.length + 1)))
                .isInstanceOf(MalformedInputException.class);
    }

    @ParameterizedTest
    @EnumSource(WriteStatus.class)
    void storeResultCarriesEachStatus(WriteStatus status) throws MalformedInputException {
        Message.StoreResult m = (Message.StoreResult) codec.decode(encode(new Message.StoreResult(status, 5))).body();

        assertThat(m.status()).isEqualTo(status);
        assertThat(m.accepted()).isEqualTo(5);
    }
}
