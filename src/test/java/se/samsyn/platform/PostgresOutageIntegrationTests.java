package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import se.samsyn.identity.ApiTokens;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Health tells the truth on a real PostgreSQL: a server of this test's own (not the shared test
 * server) is stopped, and then made read-only; each time readiness goes DOWN, a page answers 503
 * in Swedish and the API 503 problem details, never 500; when the server is started again on the
 * same port and data folder, or made writable again, Samsyn recovers without a restart.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
        "spring.datasource.hikari.connection-timeout=2000", "spring.datasource.hikari.validation-timeout=1000",
        "spring.datasource.hikari.maximum-pool-size=4"})
@AutoConfigureMockMvc
class PostgresOutageIntegrationTests {

    static final String DATABASE = "samsyn_outage";
    /** The connection pool's size in this test. */
    static final int POOL = 4;
    static final Actor WORKER = new Actor("demo-caseworker", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));
    static final String SWEDISH = "Samsyn kan inte nå sin databas just nu. Det du skickade har inte sparats. "
            + "Försök igen om en stund.";

    static Path folder;
    static int port;
    static EmbeddedPostgres server;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        folder = Files.createTempDirectory("samsyn-pg-outage");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", DATABASE));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    /** Starts (or starts again) the server on the same port and data folder, keeping the data. */
    static void start() throws IOException {
        server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(folder).setCleanDataDirectory(false).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiTokens tokens;

    @AfterEach
    void writable() throws SQLException {
        admin("ALTER DATABASE " + DATABASE + " SET default_transaction_read_only = off");
    }

    private void admin(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void readiness(int status, String body) throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().is(status))
                .andExpect(content().string(body));
    }

    private void pageIsUnavailableInSwedish(Cookie session) throws Exception {
        String body = mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(body);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Databasen kan inte nås");
        assertThat(page.getElementById("database-unavailable").text()).isEqualTo(SWEDISH);
        assertThat(body).doesNotContain("Exception", "at se.samsyn", "PSQLException");
    }

    @Test
    void whenPostgresStopsReadinessIsDownEveryAnswerIs503AndSamsynRecoversWhenItIsBack() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-caseworker", "demo");
        String token = tokens.create(WORKER, "pg-outage", 1).secret();
        readiness(200, "{\"status\":\"UP\"}");

        server.close();
        try {
            readiness(503, "{\"status\":\"DOWN\"}");
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
            pageIsUnavailableInSwedish(session);
            mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.code").value("database-unavailable"))
                    .andExpect(jsonPath("$.detail").value(SWEDISH));
        } finally {
            start();
        }

        // connections opened before the stop are dropped by the pool on their first failure
        assertThat(probes()).as("UP again once the pool has dropped the dead connections").endsWith(200, 200);
        readiness(200, "{\"status\":\"UP\"}");
        mvc.perform(get("/followup").cookie(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("demo-caseworker"));
    }

    @Test
    void whenPostgresRefusesWritesReadinessIsDownAWriteAnswers503AndBothRecover() throws Exception {
        String token = tokens.create(WORKER, "pg-read-only", 1).secret();
        readiness(200, "{\"status\":\"UP\"}");

        admin("ALTER DATABASE " + DATABASE + " SET default_transaction_read_only = on");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
        // the pool drops each terminated connection on its first failure; after that, only read-only ones remain
        assertThat(probes()).endsWith(503, 503);
        mvc.perform(post("/api/v1/followup/clients/lookup").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"personnummer\":\"198001019876\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("database-unavailable"))
                .andExpect(jsonPath("$.detail").value(SWEDISH));

        admin("ALTER DATABASE " + DATABASE + " SET default_transaction_read_only = off");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
        assertThat(probes()).as("UP again once the pool has dropped the read-only connections").endsWith(200, 200);
        readiness(200, "{\"status\":\"UP\"}");
    }

    /** Readiness's status codes over one probe more than the pool has connections. */
    private java.util.List<Integer> probes() throws Exception {
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 0; i <= POOL + 1; i++) {
            codes.add(mvc.perform(get("/actuator/health/readiness")).andReturn().getResponse().getStatus());
        }
        return codes;
    }
}
