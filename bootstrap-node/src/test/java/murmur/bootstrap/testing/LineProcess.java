package murmur.bootstrap.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** A child process that answers each line on its stdin with one line on its stdout. */
public class LineProcess {
    private final BufferedReader in;
    private final PrintWriter out;

    public LineProcess(Process p) {
        in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        out = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** The first line starting with {@code prefix}; what came before (the JVM, logging) is skipped. Null at EOF. */
    public String awaitLine(String prefix) throws IOException {
        String line = in.readLine();
        while (line != null && !line.startsWith(prefix)) {
            line = in.readLine();
        }
        return line;
    }

    /** Sends {@code line} and returns the answer (null when the process has ended). */
    public synchronized String ask(String line) throws IOException {
        out.println(line);
        return in.readLine();
    }
}
