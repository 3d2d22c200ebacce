package murmur.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import murmur.timeline.TimelineException;
import murmur.timeline.TimelineException.Reason;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void domainClausesBecomeSentencesAndWrappersAreSeenThrough() {
        TimelineException taken = new TimelineException(Reason.NAME_TAKEN, "the name 'bob' is taken; choose another");
        assertThat(Problems.describe(new CompletionException(taken)))
                .isEqualTo("The name 'bob' is taken; choose another.");
        assertThat(Problems.reasonOf(new CompletionException(taken))).isEqualTo(Reason.NAME_TAKEN);
    }

    @Test
    void noNetworkNamesTheBootstrapNodes() {
        assertThat(Problems.describe(new TimelineException(Reason.NO_NETWORK, "x")))
                .startsWith("No bootstrap node is reachable").contains("--bootstrap");
    }

    @Test
    void repeatedWrongPasswordsSayHowManyInARow() {
        assertThat(Problems.describe(new TimelineException(Reason.WRONG_PASSWORD,
                "wrong password. Check it and try again"))).isEqualTo("Wrong password. Check it and try again.");
        assertThat(Problems.describe(new TimelineException(Reason.WRONG_PASSWORD,
                "wrong password (3 wrong tries in a row; each waits longer). Check it and try again")))
                .isEqualTo("Wrong password (3 wrong tries in a row; each waits longer). Check it and try again.");
    }

    @Test
    void unexpectedFailuresStillSaySomething() {
        assertThat(Problems.describe(new IllegalStateException())).isEqualTo(
                "Something went wrong: IllegalStateException.");
        assertThat(Problems.reasonOf(new IllegalStateException())).isNull();
    }
}
