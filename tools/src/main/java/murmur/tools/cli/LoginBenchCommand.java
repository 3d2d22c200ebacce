package murmur.tools.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import murmur.tools.login.LoginBenchOptions;
import murmur.tools.login.LoginBenchResult;
import murmur.tools.login.LoginBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code murmur bench login}: seconds from signing in on a second device to a complete timeline there. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Start followed authors and one user on loopback; the user signs in on a second, empty device "
                + "and the time until its timeline holds every post is measured.")
final class LoginBenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--authors", defaultValue = "5", description = "followed users (default: ${DEFAULT-VALUE})")
    private int authors;

    @Option(names = "--posts", defaultValue = "20",
            description = "posts per followed user (default: ${DEFAULT-VALUE})")
    private int posts;

    @Option(names = "--own-posts", defaultValue = "10",
            description = "the user's own posts, written on the first device (default: ${DEFAULT-VALUE})")
    private int ownPosts;

    @Option(names = "--timeout", defaultValue = "60",
            description = "seconds the second device may take (default: ${DEFAULT-VALUE})")
    private int timeout;

    @Override
    public Integer call() {
        LoginBenchOptions options;
        try {
            options = new LoginBenchOptions(authors, posts, ownPosts, timeout);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("murmur bench login: " + e.getMessage());
            return 2;
        }
        LoginBenchResult result = new LoginBenchmark(options).run();
        PrintWriter out = spec.commandLine().getOut();
        out.println(result.toJson());
        out.flush();
        return result.complete() ? 0 : 1;
    }
}
