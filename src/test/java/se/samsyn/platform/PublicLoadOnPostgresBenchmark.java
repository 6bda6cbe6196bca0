package se.samsyn.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.kolada.KoladaSampleLoad;
import se.samsyn.comparison.kolada.KoladaSampleProgress;

/**
 * Not a test: {@link PublicLoadBenchmark} against a Samsyn it starts itself, with its demo data and
 * the Kolada sample, on an embedded PostgreSQL, for a machine where no instance runs. Client and
 * server share the machine (and this JVM), as they would in a run on one host. Waits until the
 * Kolada sample is loaded and the indicator page shows results (the first results refresh). Run with {@code ./mvnw test -Dtest=PublicLoadOnPostgresBenchmark
 * -DsurefireArgLine=-Xmx2g [-Dload.seconds=30]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/load-data", "logging.level.se.samsyn=WARN",
                "samsyn.kolada.load-sample=true"})
class PublicLoadOnPostgresBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "public_load");
    }

    @LocalServerPort
    int port;

    @Autowired
    KoladaSampleLoad sampleLoad;

    @Test
    void underLoadOnPostgres() throws Exception {
        String base = "http://localhost:" + port;
        // the Kolada sample loads in the background after the start (the test properties switch it off)
        KoladaSampleProgress sample = sampleLoad.awaitBackground(Duration.ofMinutes(10));
        if (sample.state() != KoladaSampleProgress.State.DONE) {
            throw new IllegalStateException("The Kolada sample did not load: " + sample);
        }
        // the indicator page's results come with the first results refresh after the demo clients
        HttpClient client = HttpClient.newHttpClient();
        String indicator = System.getProperty("load.indicator", "S00001");
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/comparisons/indicators/" + indicator)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && page.body().contains("class=\"num colour-")) {
                break;
            }
            Thread.sleep(1_000);
        }
        PublicLoadBenchmark.measure(base);
    }
}
