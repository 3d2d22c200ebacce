package murmur.dht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdTest {
    private final Random random = new Random(11);

    private static BigInteger distance(NodeId a, NodeId b) {
        return new BigInteger(1, a.xor(b).toBytes());
    }

    @Test
    void xorWithItselfIsZeroAndIsSymmetric() {
        NodeId a = NodeId.random(random);
        NodeId b = NodeId.random(random);

        assertThat(a.xor(a)).isEqualTo(NodeId.of(new byte[NodeId.BYTES]));
        assertThat(a.xor(b)).isEqualTo(b.xor(a));
        assertThat(a.xor(b).xor(b)).isEqualTo(a);
    }

    @Test
    void xorCombinesEveryByte() {
        byte[] x = new byte[NodeId.BYTES];
        byte[] y = new byte[NodeId.BYTES];
        x[0] = (byte) 0xf0;
        y[0] = (byte) 0x3c;
        x[31] = 1;

        byte[] d = NodeId.of(x).xor(NodeId.of(y)).toBytes();

        assertThat(d[0]).isEqualTo((byte) 0xcc);
        assertThat(d[31]).isEqualTo((byte) 1);
    }

    @Test
    void commonPrefixLengthCountsLeadingEqualBits() {
        byte[] zero = new byte[NodeId.BYTES];
        for (int bit = 0; bit < NodeId.BITS; bit++) {
            byte[] other = new byte[NodeId.BYTES];
            other[bit / 8] = (byte) (0x80 >>> (bit % 8));
            assertThat(NodeId.of(zero).commonPrefixLength(NodeId.of(other))).as("bit %d", bit).isEqualTo(bit);
        }
        assertThat(NodeId.of(zero).commonPrefixLength(NodeId.of(zero))).isEqualTo(NodeId.BITS);
    }

    @Test
    void commonPrefixLengthMatchesTheBitLengthOfTheDistance() {
        for (int i = 0; i < 1000; i++) {
            NodeId a = NodeId.random(random);
            NodeId b = i % 2 == 0 ? NodeId.random(random) : a.randomWithPrefix(random.nextInt(NodeId.BITS), random);
            assertThat(a.commonPrefixLength(b)).isEqualTo(NodeId.BITS - distance(a, b).bitLength());
            assertThat(a.commonPrefixLength(b)).isEqualTo(b.commonPrefixLength(a));
        }
    }

    @Test
    void compareDistanceAgreesWithNumericXorDistance() {
        for (int i = 0; i < 2000; i++) {
            NodeId target = NodeId.random(random);
            NodeId a = NodeId.random(random);
            NodeId b = i % 3 == 0 ? a : target.randomWithPrefix(random.nextInt(16), random);
            int expected = distance(target, a).compareTo(distance(target, b));
            assertThat(Integer.signum(target.compareDistance(a, b))).isEqualTo(expected);
            assertThat(Integer.signum(target.compareDistance(b, a))).isEqualTo(-expected);
        }
    }

    @Test
    void anIdIsClosestToItself() {
        NodeId target = NodeId.random(random);
        NodeId other = NodeId.random(random);

        assertThat(target.compareDistance(target, other)).isNegative();
        assertThat(target.compareDistance(other, other)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 63, 64, 128, 200, 254, 255})
    void randomWithPrefixSharesExactlyThatManyLeadingBits(int prefix) {
        for (int i = 0; i < 200; i++) {
            NodeId self = NodeId.random(random);
            NodeId id = self.randomWithPrefix(prefix, random);
            assertThat(self.commonPrefixLength(id)).isEqualTo(prefix);
        }
    }

    @Test
    void randomWithPrefixVariesTheBitsAfterThePrefix() {
        NodeId self = NodeId.random(random);

        NodeId a = self.randomWithPrefix(10, random);
        NodeId b = self.randomWithPrefix(10, random);

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void ofKeyIsStableAndIsTheSha256OfTheName() {
        NodeId a = NodeId.ofKey("user/alice");

        assertThat(NodeId.ofKey("user/alice")).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(NodeId.ofKey("user/bob")).isNotEqualTo(a);
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(NodeId.ofKey("abc").toHex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hexRoundTripsAndToStringIsShort() {
        NodeId id = NodeId.random(random);

        assertThat(NodeId.fromHex(id.toHex())).isEqualTo(id);
        assertThat(id.toString()).hasSize(8).isEqualTo(id.toHex().substring(0, 8));
    }

    @Test
    void ofCopiesItsInputAndToBytesReturnsACopy() {
        byte[] bytes = new byte[NodeId.BYTES];
        NodeId id = NodeId.of(bytes);
        bytes[0] = 1;
        id.toBytes()[1] = 1;

        assertThat(id).isEqualTo(NodeId.of(new byte[NodeId.BYTES]));
    }

    @Test
    void ofRejectsWrongLengths() {
        assertThatThrownBy(() -> NodeId.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void naturalOrderIsUnsignedBigEndian() {
        byte[] low = new byte[NodeId.BYTES];
        byte[] high = new byte[NodeId.BYTES];
        low[0] = 0x7f;
        high[0] = (byte) 0x80;

        assertThat(NodeId.of(low)).isLessThan(NodeId.of(high));
    }
}
