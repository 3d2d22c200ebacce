package murmur.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The desktop program's logging: everything in a file under the data directory, only warnings on stderr. */
class FileLoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(FileLoggingTest.class);

    @Test
    void theFileGetsEverythingAndStderrOnlyWarningsUntilClosed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs").resolve("murmur.log");
        List<ConsoleAppender<ILoggingEvent>> consoles = consoles();
        assertThat(consoles).as("the test configuration logs to stderr").isNotEmpty();

        FileLogging logging = FileLogging.attach(file).stderrOnlyFrom("WARN");
        LOG.info("working note 7c1");
        LOG.warn("needs attention 7c2");
        for (ConsoleAppender<ILoggingEvent> console : consoles) {
            assertThat(console.getFilterChainDecision(event(Level.INFO))).isEqualTo(FilterReply.DENY);
            assertThat(console.getFilterChainDecision(event(Level.WARN))).isNotEqualTo(FilterReply.DENY);
        }
        logging.close();

        String written = Files.readString(file);
        assertThat(written).contains("working note 7c1", "needs attention 7c2");
        LOG.info("after close 7c3");
        assertThat(Files.readString(file)).doesNotContain("after close 7c3");
        for (ConsoleAppender<ILoggingEvent> console : consoles) {
            assertThat(console.getFilterChainDecision(event(Level.INFO))).isNotEqualTo(FilterReply.DENY);
        }
    }

    private static LoggingEvent event(Level level) {
        LoggingEvent e = new LoggingEvent();
        e.setLevel(level);
        e.setMessage("m");
        e.setLoggerName("x");
        return e;
    }

    private static List<ConsoleAppender<ILoggingEvent>> consoles() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<ConsoleAppender<ILoggingEvent>> found = new ArrayList<>();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof ConsoleAppender<ILoggingEvent> c) {
                found.add(c);
            }
        });
        return found;
    }
}
