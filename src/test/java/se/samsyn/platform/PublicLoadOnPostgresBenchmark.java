package se.samsyn.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * Not a test: {@link PublicLoadBenchmark} against a Samsyn it starts itself, with its demo data and
 * the Kolada sample, on an embedded PostgreSQL, for a machine where no instance runs. Client and
 * server share the machine (and this JVM), as they would in a run on one host. Waits until the
 * Kolada sample is loaded. Run with {@code ./mvnw test -Dtest=PublicLoadOnPostgresBenchmark
 * -DsurefireArgLine=-Xmx2g [-Dload.seconds=30]}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/load-data", "logging.level.se.samsyn=WARN"})
class PublicLoadOnPostgresBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "public_load");
    }

    @LocalServerPort
    int port;

    @Test
    void underLoadOnPostgres() throws Exception {
        String base = "http://localhost:" + port;
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            HttpResponse<String> kolada = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/kolada/v2/data/kpi/N31807/year/2022")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (kolada.statusCode() == 200 && kolada.body().contains("\"municipality\"")) {
                break;
            }
            Thread.sleep(1_000);
        }
        PublicLoadBenchmark.measure(base);
    }
}
