package murmur.bootstrap.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a structured log under the data directory to the stderr logging of {@link ConsoleLogging}, for as long as
 * the program runs: one JSON object per line, rolled daily and at 20 MB, gzipped, 14 days and 500 MB kept at most. The
 * bootstrap node logs there and on stderr; the desktop app there, with only warnings on stderr
 * ({@link #stderrOnlyFrom}).
 */
public final class FileLogging implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileLogging.class);

    private final LoggerContext context;
    private final RollingFileAppender<ILoggingEvent> appender;
    private final List<ConsoleAppender<ILoggingEvent>> quietened = new ArrayList<>();

    private FileLogging(LoggerContext context, RollingFileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
    }

    /** Logs to {@code file} too (its directory is made); where that cannot be, says so and logs to stderr only. */
    public static FileLogging attach(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new FileLogging(null, null);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LOG.warn("logging to stderr only; cannot create {}: {}", file.getParent(), e.toString());
            return new FileLogging(null, null);
        }
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.start();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("murmur-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(appender);
        String stem = file.getFileName().toString().replaceFirst("\\.log$", "");
        rolling.setFileNamePattern(file.resolveSibling(stem + ".%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("500MB"));
        rolling.start();
        appender.setRollingPolicy(rolling);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new FileLogging(context, appender);
    }

    /**
     * Lets only events at {@code level} or above through to stderr from now on (the file keeps everything): a
     * desktop program's terminal shows what needs attention, not its working notes.
     */
    public FileLogging stderrOnlyFrom(String level) {
        if (context == null) {
            return this;
        }
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(level);
        threshold.setContext(context);
        threshold.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().forEachRemaining(a -> {
            if (a instanceof ConsoleAppender<ILoggingEvent> console) {
                console.addFilter(threshold);
                quietened.add(console);
            }
        });
        return this;
    }

    /** Stops logging to the file, and stderr shows everything again. */
    @Override
    public void close() {
        quietened.forEach(ConsoleAppender::clearAllFilters);
        if (appender != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
