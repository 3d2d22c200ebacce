package murmur.timeline;

import static murmur.timeline.testing.LocalNet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import murmur.timeline.TimelineException.Reason;
import murmur.timeline.peer.TimelinePeer;
import murmur.timeline.testing.LocalNet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 7: anyone can fetch {@code user/<name>} and guess its password offline, so registration refuses
 * passwords that a guesser finds early, and says in words why.
 */
class WeakPasswordAttackTest {
    private static LocalNet net;

    @BeforeAll
    static void network() {
        net = LocalNet.start(2, List.of());
    }

    @AfterAll
    static void shutdown() {
        net.close();
    }

    @Test
    void commonPasswordsOfEightCharactersOrMoreAreRefusedWithTheReason(@TempDir Path dir) {
        TimelinePeer peer = net.peer(dir);
        assertThat(refusal(peer.register("weak_pw", "password1"))).contains("too easy to guess")
                .contains("very common password");
        assertThat(refusal(peer.register("weak_pw", "qwertyuiop"))).contains("too easy to guess");
        assertThat(refusal(peer.register("weak_pw", "iloveyou2"))).contains("too easy to guess");
        assertThat(refusal(peer.register("weak_pw", "weak_pw2024"))).as("the name itself is no secret")
                .contains("too easy to guess");
        assertThat(refusal(peer.register("weak_pw", "long enough"))).as("no warning, so the time it lasts")
                .contains("too easy to guess");
    }

    @Test
    void aRefusedPasswordClaimsNothingSoTheNameStaysFree(@TempDir Path a, @TempDir Path b) {
        assertThat(refusal(net.peer(a).register("weak_first", "password1"))).isNotBlank();
        TimelineService user = await(net.peer(b).register("weak_first", "ember violin quarry 9"));
        assertThat(user.user()).isEqualTo("weak_first");
    }

    @Test
    void aStrongPasswordRegistersAndSignsInAgain(@TempDir Path dir) {
        TimelinePeer peer = net.peer(dir);
        TimelineService user = await(peer.register("strong_pw", "correct horse battery staple"));
        await(user.logout());
        assertThat(await(peer.login("strong_pw", "correct horse battery staple")).user()).isEqualTo("strong_pw");
    }

    private static String refusal(CompletableFuture<?> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && !(cause instanceof TimelineException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(TimelineException.class);
            assertThat(((TimelineException) cause).reason()).isEqualTo(Reason.INVALID_PASSWORD);
            return cause.getMessage();
        } catch (Exception e) {
            throw new AssertionError("did not answer in time", e);
        }
        throw new AssertionError("the password was accepted");
    }
}
