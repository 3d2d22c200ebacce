package murmur.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The programs' stderr logging, set up in code; a test configuration on the class path still wins. */
class ConsoleLoggingTest {

    @Test
    void withoutATestConfigurationItLogsInfoAndUpToStderrInThePatternAndNettyFromWarn() throws Exception {
        LoggerContext context = new LoggerContext();
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        assertThat(logging.configure(context, null, name -> null)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("io.netty.channel").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("murmur.dht").getEffectiveLevel()).isEqualTo(Level.INFO);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        assertThat(appenders).singleElement().isInstanceOfSatisfying(ConsoleAppender.class, console -> {
            assertThat(console.getTarget()).isEqualTo("System.err");
            assertThat(console.isStarted()).isTrue();
            assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(ConsoleLogging.PATTERN);
        });
        ILoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent(getClass().getName(),
                context.getLogger("murmur.bootstrap.cli.Example"), Level.INFO, "listening on {}", null,
                new Object[] {"127.0.0.1:4000"});
        String line = new String(((PatternLayoutEncoder) ((ConsoleAppender<ILoggingEvent>) appenders.get(0))
                .getEncoder()).encode(event), StandardCharsets.UTF_8);
        assertThat(line).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  m\\.bootstrap\\.cli\\.Example - listening on "
                + "127\\.0\\.0\\.1:4000\\R");
        context.stop();
    }

    @Test
    void aTestConfigurationOrAConfigurationFilePropertyLeavesTheContextToLogbacksOwnConfigurators()
            throws Exception {
        URL testXml = URI.create("file:/somewhere/logback-test.xml").toURL();
        LoggerContext context = new LoggerContext();
        ConsoleLogging logging = new ConsoleLogging();
        logging.setContext(context);

        assertThat(logging.configure(context, null, name -> name.equals("logback-test.xml") ? testXml : null))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(logging.configure(context, "/etc/murmur/logback.xml", name -> null))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        context.stop();
    }

    @Test
    void logbackFindsItThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(ServiceLoader.Provider::type)).contains(ConsoleLogging.class);
    }
}
