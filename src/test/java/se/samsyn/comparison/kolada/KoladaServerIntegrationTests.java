package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kolada-compatible API through the real server (Tomcat) rather than a mock: a path with
 * {@code //} as a Kolada client builds it, a URL over the API's limit answered with problem
 * details (not the container's page), a CORS preflight from another site, and page links behind a
 * proxy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data", "samsyn.kolada.load-sample=false"})
class KoladaServerIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "kolada-server");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    @Test
    void aDoubleSlashIsOneAndPageLinksFollowTheProxy() throws Exception {
        HttpResponse<String> answer = send(get("/api/kolada/v3//municipality?per_page=300")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "samsyn.example.se"));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode page = JSON.readTree(answer.body());
        assertThat(page.get("count").asInt()).isEqualTo(290 + 21 + 1);
        assertThat(page.get("next_url").asString())
                .isEqualTo("https://samsyn.example.se/api/kolada/v3/municipality?page=2&per_page=300");
        assertThat(answer.headers().firstValue("Cache-Control")).contains("max-age=300, public");
        assertThat(answer.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void anOverLongUrlGetsProblemDetails() throws Exception {
        String ids = String.join(",", Collections.nCopies(2000, "N31807"));
        HttpResponse<String> answer = send(get("/api/kolada/v2/data/kpi/" + ids + "/year/2022"));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("parameter").asString()).isEqualTo("url");
    }

    @Test
    void aPreflightFromAnotherSiteIsAnsweredWithoutSignIn() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/kolada/v3/kpi")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://analys.example.org").header("Access-Control-Request-Method", "GET"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,OPTIONS");
    }
}
