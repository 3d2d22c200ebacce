package murmur.timeline.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class RecoveryPhraseTest {

    @Test
    void aSeedRoundTripsThroughItsTwentyFourWords() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            byte[] seed = new byte[32];
            random.nextBytes(seed);
            List<String> words = RecoveryPhrase.encode(seed);
            assertThat(words).hasSize(24).allMatch(RecoveryPhrase::isWord);
            assertThat(RecoveryPhrase.decode(words)).isEqualTo(seed);
        }
    }

    @Test
    void matchesTheBip39TestVectorsFor256BitEntropy() {
        List<String> zero = new ArrayList<>(Collections.nCopies(23, "abandon"));
        zero.add("art");
        assertThat(RecoveryPhrase.encode(new byte[32])).isEqualTo(zero);

        byte[] sevenF = new byte[32];
        Arrays.fill(sevenF, (byte) 0x7f);
        assertThat(String.join(" ", RecoveryPhrase.encode(sevenF))).isEqualTo("legal winner thank year wave sausage"
                + " worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage"
                + " worth title");

        byte[] ff = new byte[32];
        Arrays.fill(ff, (byte) 0xff);
        List<String> zoo = new ArrayList<>(Collections.nCopies(23, "zoo"));
        zoo.add("vote");
        assertThat(RecoveryPhrase.encode(ff)).isEqualTo(zoo);
        assertThat(RecoveryPhrase.decode(zoo)).isEqualTo(ff);
    }

    @Test
    void typedTextIsSplitOnSpacesNewLinesAndCommasWhateverTheCase() {
        List<String> words = RecoveryPhrase.encode(new byte[32]);
        String typed = "  " + String.join("\n", words.subList(0, 12)).toUpperCase() + ", "
                + String.join("  ", words.subList(12, 24)) + "\n";
        assertThat(RecoveryPhrase.decode(RecoveryPhrase.words(typed))).isEqualTo(new byte[32]);
    }

    @Test
    void aMistypedWordIsNamedWithItsPosition() {
        List<String> words = new ArrayList<>(RecoveryPhrase.encode(new byte[32]));
        words.set(4, "abandun");
        assertThatThrownBy(() -> RecoveryPhrase.decode(words)).isInstanceOf(TimelineException.class)
                .hasMessageContaining("'abandun' (word 5)").hasMessageContaining("not on the recovery word list")
                .asInstanceOf(InstanceOfAssertFactories.type(TimelineException.class))
                .extracting(TimelineException::reason).isEqualTo(Reason.INVALID_PHRASE);
    }

    @Test
    void aWordReplacedByAnotherListWordFailsTheChecksum() {
        List<String> words = new ArrayList<>(RecoveryPhrase.encode(new byte[32]));
        words.set(23, "zoo");
        assertThatThrownBy(() -> RecoveryPhrase.decode(words)).isInstanceOf(TimelineException.class)
                .hasMessageContaining("checksum")
                .asInstanceOf(InstanceOfAssertFactories.type(TimelineException.class))
                .extracting(TimelineException::reason).isEqualTo(Reason.INVALID_PHRASE);
    }

    @Test
    void aPhraseWithTheWrongNumberOfWordsIsRefused() {
        List<String> words = RecoveryPhrase.encode(new byte[32]);
        assertThatThrownBy(() -> RecoveryPhrase.decode(words.subList(0, 12))).isInstanceOf(TimelineException.class)
                .hasMessageContaining("24 words; this one has 12");
        assertThatThrownBy(() -> RecoveryPhrase.decode(List.of())).isInstanceOf(TimelineException.class)
                .hasMessageContaining("this one has 0");
    }
}
