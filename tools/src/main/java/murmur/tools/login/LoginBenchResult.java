package murmur.tools.login;

import java.util.Locale;

/**
 * The figures of one {@link LoginBenchmark} run; {@link #toJson()} is the one-line summary. {@code loginS} runs
 * from the sign-in call to the signed-in session, {@code completeS} from the same call to the moment the second
 * device's timeline holds every expected post (or the timeout, then {@code held < expected}).
 */
public record LoginBenchResult(int authors, int expected, int held, int followingHeld, int followingExpected,
        double loginS, double completeS) {

    public boolean complete() {
        return held == expected && followingHeld == followingExpected;
    }

    public String toJson() {
        return String.format(Locale.ROOT, "{\"bench\":\"login\",\"authors\":%d,\"expected_posts\":%d,"
                + "\"held_posts\":%d,\"following\":%d,\"following_expected\":%d,\"login_s\":%.2f,"
                + "\"complete_timeline_s\":%.2f,\"complete\":%b}",
                authors, expected, held, followingHeld, followingExpected, loginS, completeS, complete());
    }
}
