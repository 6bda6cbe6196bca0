package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Error pages through a real servlet container: in the user's language, never a stack trace. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=false", "samsyn.reference-data=target/no-reference-data"})
class ErrorPagesIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "errors");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String accept, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", language).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMissingPageIsExplainedInSwedishWithoutInternals() throws Exception {
        HttpResponse<String> response = get("/municipalities/9999", "text/html", "sv");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Sidan eller uppgiften finns inte.", "Något gick fel (404)")
                .doesNotContain("Exception", "at se.samsyn", "Whitelabel");
    }

    @Test
    void aMissingPageIsExplainedInEnglishWhenChosen() throws Exception {
        HttpResponse<String> response = get("/municipalities/9999?lang=en", "text/html", "sv");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("The page or item does not exist.");
    }

    @Test
    void apiErrorsAreProblemDetailsEvenForBrowsers() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing", "text/html", "sv");
        assertThat(response.statusCode()).isEqualTo(401);
        HttpResponse<String> missing = get("/api/v1/municipalities/9999", "application/json", "sv");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("\"status\":404").doesNotContain("Exception");
    }

    @Test
    void healthIsPublic() throws Exception {
        HttpResponse<String> response = get("/actuator/health", "application/json", "sv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
