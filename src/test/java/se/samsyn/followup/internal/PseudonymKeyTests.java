package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.platform.internal.StartRefusedAnalyzer;
import se.samsyn.shared.StartRefused;

/**
 * The pseudonym key as a production secret: required when configured so, refused when malformed,
 * and checked against the fingerprint stored in the database, on both databases. Each test starts
 * the key configuration with the datasource and Flyway only, on a database of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PseudonymKeyTests {

    static final byte[] KEY_A = bytes(1);
    static final byte[] KEY_B = bytes(2);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path dataDir;

    /** Datasource properties (url, username, password) of a new, empty database. */
    abstract String[] newDatabase(String name);

    @Test
    void refusesToStartWithoutAKeyWhenOneIsRequired() {
        runner(newDatabase("required")).withPropertyValues("samsyn.pseudonym-key-required=true").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).startsWith("SAMSYN_PSEUDONYM_KEY is not set, and this installation "
                    + "requires it (samsyn.pseudonym-key-required=true, set by the postgres profile).");
            assertThat(analysis.getAction()).startsWith("Set SAMSYN_PSEUDONYM_KEY to the installation's key");
        });
        assertThat(dataDir.resolve("pseudonym.key")).doesNotExist();
    }

    @Test
    void refusesAKeyThatIsNotBase64() {
        runner(newDatabase("not_base64")).withPropertyValues("samsyn.pseudonym-key=not*base64!").run(context ->
                assertThat(analysis(context).getDescription())
                        .isEqualTo("The pseudonym key in SAMSYN_PSEUDONYM_KEY is not valid base64."));
    }

    @Test
    void refusesAKeyShorterThan32Bytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        runner(newDatabase("short")).withPropertyValues("samsyn.pseudonym-key=" + shortKey).run(context ->
                assertThat(analysis(context).getDescription()).startsWith(
                        "The pseudonym key in SAMSYN_PSEUDONYM_KEY is 16 bytes; at least 32 are needed"));
    }

    @Test
    void storesTheKeysFingerprintAndNeverTheKey() throws Exception {
        runner(newDatabase("fingerprint")).withPropertyValues("samsyn.pseudonym-key=" + base64(KEY_A)).run(context -> {
            assertThat(context).hasNotFailed();
            String stored = context.getBean(JdbcClient.class).sql("SELECT fingerprint FROM fup_pseudonym_key")
                    .query(String.class).single();
            assertThat(stored).isEqualTo(hmacHex(KEY_A, "samsyn pseudonym key fingerprint"))
                    .isNotEqualTo(base64(KEY_A)).isNotEqualTo(HexFormat.of().formatHex(KEY_A))
                    .doesNotContain(HexFormat.of().formatHex(KEY_A));
        });
    }

    @Test
    void refusesAChangedKeyAndStartsAgainWithTheOriginal() {
        String[] database = newDatabase("changed");
        runner(database).withPropertyValues("samsyn.pseudonym-key=" + base64(KEY_A))
                .run(context -> assertThat(context).hasNotFailed());
        runner(database).withPropertyValues("samsyn.pseudonym-key=" + base64(KEY_B)).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).startsWith("The pseudonym key differs from the key this database's "
                    + "data was pseudonymised with").contains("one person would become two clients");
            assertThat(analysis.getAction()).startsWith("Start Samsyn with the installation's original SAMSYN_PSEUDONYM_KEY");
        });
        runner(database).withPropertyValues("samsyn.pseudonym-key=" + base64(KEY_A)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM fup_pseudonym_key")
                    .query(Integer.class).single()).isEqualTo(1);
        });
    }

    @Test
    void withoutAKeyTheGeneratedKeyFileIsUsedAndNamedInTheLogButNeverShown(CapturedOutput output) throws Exception {
        // the context runner does not set up logging: a context started earlier in this JVM may have left
        // se.samsyn at WARN (the import benchmark's test does), which would hide the lines read here
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(PseudonymKey.class.getName(), LogLevel.INFO);
        try {
            keyFileNamedInTheLog(output);
        } finally {
            logging.setLogLevel(PseudonymKey.class.getName(), null);
        }
    }

    private void keyFileNamedInTheLog(CapturedOutput output) throws Exception {
        String[] database = newDatabase("key_file");
        runner(database).run(context -> assertThat(context).hasNotFailed());
        Path file = dataDir.resolve("pseudonym.key");
        String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(output.getOut()).contains("Pseudonym key: generated a new key file pseudonym.key in the data folder")
                .doesNotContain(key);
        runner(database).run(context -> assertThat(context).hasNotFailed());
        assertThat(output.getOut()).contains("Pseudonym key: the key file pseudonym.key in the data folder");
        // the same database with another key file is refused
        Files.writeString(file, base64(KEY_B), StandardCharsets.US_ASCII);
        runner(database).run(context -> assertThat(analysis(context).getDescription())
                .startsWith("The pseudonym key differs"));
    }

    @Test
    void aRealStartPrintsTheReasonUnderApplicationFailedToStart(CapturedOutput output) {
        String[] database = newDatabase("spring_application");
        SpringApplication application = new SpringApplication(KeyOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        String[] args = {"--" + database[0], "--" + database[1], "--" + database[2],
                "--samsyn.data-dir=" + dataDir, "--samsyn.pseudonym-key-required=true", "--spring.main.banner-mode=off"};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> application.run(args))
                .hasRootCauseInstanceOf(StartRefused.class);
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("SAMSYN_PSEUDONYM_KEY is not set, and this installation requires it")
                .contains("Action:");
    }

    /** The key configuration with a datasource and Flyway, as a real start has them. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
    @Import(PseudonymKey.class)
    static class KeyOnly {
    }

    ApplicationContextRunner runner(String[] database) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
                .withUserConfiguration(PseudonymKey.class)
                .withPropertyValues(database)
                .withPropertyValues("samsyn.data-dir=" + dataDir);
    }

    static String uniqueName(String name) {
        return "pseudonym_key_" + name + "_" + DATABASES.incrementAndGet();
    }

    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = new StartRefusedAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("a StartRefused among the causes").isNotNull();
        return analysis;
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }

    private static String hmacHex(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }
}
