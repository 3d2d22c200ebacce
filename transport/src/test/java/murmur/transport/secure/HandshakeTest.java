package murmur.transport.secure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import murmur.transport.MalformedInputException;
import murmur.transport.TestSigner;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private final TestSigner alice = new TestSigner(1);
    private final TestSigner bob = new TestSigner(2);
    private final TestSigner mallory = new TestSigner(3);
    private final SecureRandom random = new SecureRandom();

    @Test
    void bothSidesDeriveTheSameKeysAndLearnEachOthersKey() throws Exception {
        Handshake dialer = Handshake.initiator(alice, bob.publicKey(), random);
        Handshake.Result answer = Handshake.responder(bob, random).respond(dialer.initiatorHello());
        Handshake.Keys dialerKeys = dialer.finish(answer.hello());

        assertThat(dialerKeys.send()).isEqualTo(answer.keys().receive());
        assertThat(dialerKeys.receive()).isEqualTo(answer.keys().send());
        assertThat(dialerKeys.send()).isNotEqualTo(dialerKeys.receive());
        assertThat(dialerKeys.peer()).isEqualTo(bob.publicKey());
        assertThat(answer.keys().peer()).isEqualTo(alice.publicKey());
    }

    @Test
    void anotherKeyAnsweringIsRefused() throws Exception {
        Handshake dialer = Handshake.initiator(alice, bob.publicKey(), random);
        Handshake.Result impostor = Handshake.responder(mallory, random).respond(dialer.initiatorHello());

        assertThatThrownBy(() -> dialer.finish(impostor.hello())).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("another key");
    }

    @Test
    void aResponderHelloFromAnotherSessionIsRefused() throws Exception {
        Handshake earlier = Handshake.initiator(alice, bob.publicKey(), random);
        byte[] recorded = Handshake.responder(bob, random).respond(earlier.initiatorHello()).hello();
        Handshake now = Handshake.initiator(alice, bob.publicKey(), random);
        now.initiatorHello();

        assertThatThrownBy(() -> now.finish(recorded)).isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aHelloClaimingAKeyItCannotSignForIsRefused() {
        byte[] hello = Handshake.initiator(mallory, bob.publicKey(), random).initiatorHello();
        System.arraycopy(alice.publicKey(), 0, hello, 1 + Handshake.KEY_BYTES, 32);

        assertThatThrownBy(() -> Handshake.responder(bob, random).respond(hello))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("signature");
    }

    @Test
    void malformedHellosAreRefused() {
        byte[] hello = Handshake.initiator(alice, bob.publicKey(), random).initiatorHello();
        byte[] otherVersion = hello.clone();
        otherVersion[0] = 9;

        assertThatThrownBy(() -> Handshake.responder(bob, random).respond(new byte[10]))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("hello of 10 B");
        assertThatThrownBy(() -> Handshake.responder(bob, random).respond(otherVersion))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("version 9");
    }

    @Test
    void framesOpenOnlyOnceAndInOrder() throws Exception {
        byte[] key = new byte[32];
        random.nextBytes(key);
        FrameCipher sender = new FrameCipher(key);
        FrameCipher receiver = new FrameCipher(key);
        byte[] first = sender.seal(new byte[] {1, 2, 3});
        byte[] second = sender.seal(new byte[] {4});

        assertThat(receiver.open(first)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> receiver.open(first)).as("a replay").isInstanceOf(MalformedInputException.class);
        FrameCipher fresh = new FrameCipher(key);
        assertThatThrownBy(() -> fresh.open(second)).as("out of order").isInstanceOf(MalformedInputException.class);
        byte[] altered = first.clone();
        altered[0] ^= 1;
        assertThatThrownBy(() -> new FrameCipher(key).open(altered)).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> new FrameCipher(key).open(new byte[3])).isInstanceOf(MalformedInputException.class);
    }
}
