package murmur.timeline.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;

/**
 * BIP-39 recovery phrases for an account's 32-byte Ed25519 private key seed: 256 bits of entropy and the first
 * 8 bits of its SHA-256 as checksum, split into 24 indices of 11 bits into the standard English word list. The list
 * is the one bitcoinj ships as a resource; the encoding is written here.
 */
public final class RecoveryPhrase {
    /** Words in a phrase. */
    public static final int WORDS = 24;
    static final int ENTROPY_BYTES = 32;
    static final String WORD_LIST = "org/bitcoinj/crypto/mnemonic/wordlist/english.txt";
    private static final int LIST_SIZE = 2048;
    private static final int BITS_PER_WORD = 11;

    private static final List<String> LIST = load();
    private static final Map<String, Integer> INDEX = index(LIST);

    private RecoveryPhrase() {}

    /** The 24 words for a 32-byte seed. */
    public static List<String> encode(byte[] entropy) {
        if (entropy.length != ENTROPY_BYTES) {
            throw new IllegalArgumentException("a recovery phrase encodes " + ENTROPY_BYTES + " bytes");
        }
        byte[] bits = Arrays.copyOf(entropy, ENTROPY_BYTES + 1);
        bits[ENTROPY_BYTES] = sha256(entropy)[0];
        List<String> words = new ArrayList<>(WORDS);
        for (int w = 0; w < WORDS; w++) {
            int index = 0;
            for (int b = 0; b < BITS_PER_WORD; b++) {
                int bit = w * BITS_PER_WORD + b;
                index = (index << 1) | ((bits[bit / 8] >> (7 - bit % 8)) & 1);
            }
            words.add(LIST.get(index));
        }
        return List.copyOf(words);
    }

    /** Splits what a user typed (spaces, new lines, commas) into lower-case words. */
    public static List<String> words(String typed) {
        String trimmed = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[\\s,]+"));
    }

    /**
     * The seed a phrase encodes. Fails with {@code INVALID_PHRASE} naming the words not on the list, a wrong count or
     * a checksum that does not match (a word mistyped into another word of the list, or two words swapped).
     */
    public static byte[] decode(List<String> phrase) {
        List<String> words = phrase.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty())
                .toList();
        if (words.size() != WORDS) {
            throw invalid("a recovery phrase has " + WORDS + " words; this one has " + words.size());
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < WORDS; i++) {
            if (!INDEX.containsKey(words.get(i))) {
                unknown.add("'" + words.get(i) + "' (word " + (i + 1) + ")");
            }
        }
        if (!unknown.isEmpty()) {
            throw invalid("not on the recovery word list: " + String.join(", ", unknown) + "; check the spelling");
        }
        byte[] bits = new byte[ENTROPY_BYTES + 1];
        for (int w = 0; w < WORDS; w++) {
            int index = INDEX.get(words.get(w));
            for (int b = 0; b < BITS_PER_WORD; b++) {
                if ((index >> (BITS_PER_WORD - 1 - b) & 1) == 1) {
                    int bit = w * BITS_PER_WORD + b;
                    bits[bit / 8] |= (byte) (1 << (7 - bit % 8));
                }
            }
        }
        byte[] entropy = Arrays.copyOf(bits, ENTROPY_BYTES);
        if (sha256(entropy)[0] != bits[ENTROPY_BYTES]) {
            Arrays.fill(entropy, (byte) 0);
            throw invalid("the words do not fit together (checksum): a word is mistyped or two are swapped");
        }
        return entropy;
    }

    /** Whether {@code word} is on the English list. */
    public static boolean isWord(String word) {
        return word != null && INDEX.containsKey(word.strip().toLowerCase(Locale.ROOT));
    }

    private static TimelineException invalid(String why) {
        return new TimelineException(Reason.INVALID_PHRASE, why);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static List<String> load() {
        InputStream in = RecoveryPhrase.class.getClassLoader().getResourceAsStream(WORD_LIST);
        if (in == null) {
            throw new IllegalStateException("the BIP-39 word list " + WORD_LIST + " is not on the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> words = r.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (words.size() != LIST_SIZE) {
                throw new IllegalStateException(WORD_LIST + " has " + words.size() + " words, not " + LIST_SIZE);
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> index(List<String> list) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i), i);
        }
        return Map.copyOf(index);
    }
}
