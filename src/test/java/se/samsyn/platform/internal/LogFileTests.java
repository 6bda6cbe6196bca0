package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logging configuration ({@code logback-spring.xml}) on a Logback context of the test's own:
 * with {@code LOG_FILE} (what Spring Boot sets from {@code logging.file.name}) lines also go to that
 * file, with a personnummer masked as on the console; without it there is no file appender.
 */
class LogFileTests {

    @TempDir
    Path folder;

    @Test
    void aLoggedLineReachesTheFileMasked() throws Exception {
        Path file = folder.resolve("samsyn.log");
        LoggerContext context = configured(file.toString());
        Logger logger = context.getLogger("se.samsyn.test");
        logger.info("Klient 19800101-1234 ringde om beslutet");
        logger.warn("Sökväg /api/v1/followup/clients/198001011234", new IllegalStateException("nummer 800101-1234"));
        context.stop();

        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).contains("Klient [personnummer] ringde om beslutet")
                .contains("Sökväg /api/v1/followup/clients/[personnummer]")
                .contains("java.lang.IllegalStateException: nummer [personnummer]")
                .doesNotContain("19800101-1234").doesNotContain("198001011234").doesNotContain("800101-1234");
        assertThat(written.lines().filter(l -> l.contains(" INFO ") || l.contains(" WARN "))).hasSize(2);
    }

    @Test
    void withoutALogFileThereIsNoFileAppender() throws Exception {
        LoggerContext context = configured(null);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("CONSOLE")).isNotNull();
        assertThat(root.getAppender("FILE")).isNull();
        context.stop();
    }

    private static LoggerContext configured(String logFile) throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        if (logFile != null) {
            context.putProperty("LOG_FILE", logFile);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFileTests.class.getResource("/logback-spring.xml"));
        return context;
    }
}
