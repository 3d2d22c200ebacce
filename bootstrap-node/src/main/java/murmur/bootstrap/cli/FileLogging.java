package murmur.bootstrap.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds a structured log under the data directory to the stderr logging of logback.xml, for as long as the node runs:
 * one JSON object per line, rolled daily and at 20 MB, gzipped, 14 days and 500 MB kept at most.
 */
final class FileLogging implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileLogging.class);

    private final LoggerContext context;
    private final RollingFileAppender<ILoggingEvent> appender;

    private FileLogging(LoggerContext context, RollingFileAppender<ILoggingEvent> appender) {
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
        rolling.setFileNamePattern(file.resolveSibling("bootstrap.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("500MB"));
        rolling.start();
        appender.setRollingPolicy(rolling);
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
