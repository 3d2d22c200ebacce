package murmur.bootstrap.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.net.URL;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * The programs' logging, set up in code as logback starts (found through {@code META-INF/services}): concise lines
 * on stderr ({@value #PATTERN}), INFO and up, Netty only from WARN. {@link FileLogging} adds the log file.
 *
 * <p>Code instead of a {@code logback.xml}: reading XML loads logback's configuration language, about 580 classes,
 * on every start of the app and the daemon. A class path with a {@code logback-test.xml} (the tests'), or a
 * {@code logback.configurationFile} property, still wins: then this class configures nothing and logback reads that
 * file as usual.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";
    static final String APPENDER = "STDERR";

    /** Logback makes it through {@link java.util.ServiceLoader}. */
    public ConsoleLogging() {
        // nothing to set up before configure
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        return configure(context, System.getProperty("logback.configurationFile"),
                name -> ConsoleLogging.class.getClassLoader().getResource(name));
    }

    /**
     * Sets up {@code context} unless {@code configurationFile} is set or {@code resources} finds a
     * {@code logback-test.xml}; says whether logback's own configurators run after it.
     */
    ExecutionStatus configure(LoggerContext context, String configurationFile, Function<String, URL> resources) {
        if (configurationFile != null || resources.apply("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName(APPENDER);
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        context.getLogger("io.netty").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
