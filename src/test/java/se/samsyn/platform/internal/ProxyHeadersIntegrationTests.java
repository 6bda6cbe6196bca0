package se.samsyn.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * Issue 12 point 7: under the {@code postgres} profile, behind a TLS proxy on a trusted address
 * (here the loopback address the test connects from), the forwarded scheme and client address are
 * honoured: HTTPS answers carry HSTS, redirects use https, and the audit records the client, not
 * the proxy. A real server (Tomcat's RemoteIpValve does the work) on a real PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"samsyn.demo=false",
        "samsyn.pseudonym-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "samsyn.audit.key=cHJveHktdGVzdC1hdWRpdC1rZXktMzItYnl0ZXMtbG9uZw==",
        "samsyn.kolada.load-sample=false"})
@ActiveProfiles("postgres")
class ProxyHeadersIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry, "proxy_headers");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void behindATlsProxyAnswersCarryHstsRedirectsUseHttpsAndTheAuditSeesTheClient() throws Exception {
        HttpResponse<String> page = http.send(forwarded("/login").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000 ; includeSubDomains");

        HttpResponse<String> protectedPage = http.send(forwarded("/admin/users").header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location")).hasValue("https://samsyn.example/login");

        http.send(forwarded("/api/v1/me").header("Authorization", "Bearer smsn_not-a-token").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jdbc.sql("SELECT client_address FROM aud_event WHERE action = 'TOKEN_REJECTED' ORDER BY seq DESC")
                .query(String.class).list()).first().isEqualTo("203.0.113.7");
    }

    @Test
    void plainHttpWithoutTheProxyGetsNoHsts() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private HttpRequest.Builder forwarded(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "samsyn.example")
                .header("X-Forwarded-For", "203.0.113.7");
    }
}
