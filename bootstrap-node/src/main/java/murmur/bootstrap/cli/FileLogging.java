package murmur.bootstrap.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Adds a log file under the data directory to the stderr logging of logback.xml, for as long as the node runs. */
final class FileLogging implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileLogging.class);

    private final LoggerContext context;
    private final FileAppender<ILoggingEvent> appender;

    private FileLogging(LoggerContext context, FileAppender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
    }

    static FileLogging attach(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return new FileLogging(null, null);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            LOG.warn("logging to stderr only; cannot create {}: {}", file.getParent(), e.toString());
            return new FileLogging(null, null);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{24} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("murmur-file");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return new FileLogging(context, appender);
    }

    @Override
    public void close() {
        if (appender != null) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
