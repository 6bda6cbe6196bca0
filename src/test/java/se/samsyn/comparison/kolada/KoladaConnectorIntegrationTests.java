package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import se.samsyn.TestDatabases;
import se.samsyn.audit.AuditTrail;
import se.samsyn.comparison.kolada.KoladaRecords.FetchResult;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/** The live connector against a local stub of Kolada's API that answers in two pages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data", "samsyn.kolada.load-sample=false"})
class KoladaConnectorIntegrationTests {

    static final Actor ANALYST = new Actor("kolada-fetcher", Role.NATIONAL_ANALYST, Scope.nation());
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static final HttpServer STUB = stub();

    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v2/", exchange -> {
                String uri = exchange.getRequestURI().toString();
                REQUESTS.add(uri);
                String base = "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/v2";
                String body;
                int status = 200;
                if (uri.equals("/v2/kpi/N31807,N33816")) {
                    body = """
                            {"values":[{"id":"N31807","title":"Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.",
                              "description":"Antal invånare ... Källa: Socialstyrelsen & SCB.","operating_area":"Ekonomiskt bistånd",
                              "municipality_type":"A","is_divided_by_gender":0,"perspective":"Volymer","publication_date":"2025-02-22"},
                             {"id":"N33816","title":"Barn och unga 0-20 år placerade på HVB, antal/1000 inv","description":"Källa: Socialstyrelsen.",
                              "operating_area":"Barn och unga","municipality_type":"K","is_divided_by_gender":1,"perspective":"Volymer",
                              "publication_date":"2025-02-22"}],"count":2,"next_page":null,"previous_page":null}""";
                } else if (uri.equals("/v2/data/kpi/N31807,N33816/year/2021,2022")) {
                    body = """
                            {"values":[
                              {"kpi":"N31807","municipality":"0180","period":2022,"values":[{"gender":"T","value":2.0849,"count":1,"status":""}]},
                              {"kpi":"N31807","municipality":"1280","period":2021,"values":[{"gender":"T","value":6.1,"count":1,"status":""}]}
                            ],"count":2,"next_page":"%s/data/kpi/N31807,N33816/year/2021,2022?page=2&per_page=2","previous_page":null}"""
                            .formatted(base);
                } else if (uri.equals("/v2/data/kpi/N31807,N33816/year/2021,2022?page=2&per_page=2")) {
                    body = """
                            {"values":[
                              {"kpi":"N33816","municipality":"1280","period":2022,"values":[
                                {"gender":"K","value":7.5,"count":1,"status":""},{"gender":"M","value":null,"count":0,"status":"Missing"},
                                {"gender":"T","value":8.25,"count":1,"status":""}]},
                              {"kpi":"N33816","municipality":"0000","period":2022,"values":[{"gender":"T","value":5,"count":1,"status":""}]}
                            ],"count":2,"next_page":null,"previous_page":"%s/data/kpi/N31807,N33816/year/2021,2022?page=1&per_page=2"}"""
                            .formatted(base);
                } else if (uri.startsWith("/v2/kpi/N00001")) {
                    body = "{\"values\":[{\"id\":\"N00001\",\"title\":\"Test\"}],\"count\":1}";
                } else if (uri.startsWith("/v2/data/kpi/N00001")) {
                    body = "{\"values\":[{\"kpi\":\"N00001\",\"municipality\":\"9999\",\"period\":2022,"
                            + "\"values\":[{\"gender\":\"T\",\"value\":1}]}],\"count\":1}";
                } else {
                    status = 404;
                    body = "{\"error\":\"not found\"}";
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "kolada-connector");
        registry.add("samsyn.kolada.base-url", () -> "http://127.0.0.1:" + STUB.getAddress().getPort() + "/v2");
    }

    @Autowired
    KoladaConnector connector;

    @Autowired
    KoladaImport importer;

    @Autowired
    AuditTrail audit;

    @Autowired
    KoladaQueries queries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    int stored(String kpi) {
        return jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id = :k").param("k", kpi)
                .query(Integer.class).single();
    }

    @Test
    void fetchesMetadataAndEveryPageOfValuesAndImportsThem() {
        FetchResult dry = connector.fetch(ANALYST, new LinkedHashSet<>(List.of("N31807", "N33816")),
                new TreeSet<>(Set.of(2021, 2022)), true);
        assertThat(dry.metadata().status()).isEqualTo("valid");
        assertThat(dry.values().status()).isEqualTo("valid");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_indicator WHERE id IN ('N31807', 'N33816')")
                .query(Integer.class).single()).isZero();

        REQUESTS.clear();
        FetchResult result = connector.fetch(ANALYST, new LinkedHashSet<>(List.of("N31807", "N33816")),
                new TreeSet<>(Set.of(2022, 2021)), false);
        assertThat(REQUESTS).containsExactly("/v2/kpi/N31807,N33816", "/v2/data/kpi/N31807,N33816/year/2021,2022",
                "/v2/data/kpi/N31807,N33816/year/2021,2022?page=2&per_page=2");
        assertThat(result.metadata().status()).isEqualTo("imported");
        assertThat(result.metadata().imported()).isEqualTo(2);
        assertThat(result.values().status()).isEqualTo("imported");
        assertThat(result.values().rows()).isEqualTo(6);
        assertThat(result.values().imported()).isEqualTo(5);
        assertThat(result.values().ignored()).isEqualTo(1);
        assertThat(stored("N31807")).isEqualTo(2);
        assertThat(stored("N33816")).isEqualTo(3);
        assertThat(jdbc.sql("SELECT unit FROM cmp_indicator WHERE id = 'N33816'").query(String.class).single())
                .isEqualTo("per-1000");
        assertThat(jdbc.sql("SELECT result_value FROM cmp_result WHERE indicator_id = 'N33816' AND area_code = '0000'")
                .query(Double.class).single()).isEqualTo(5.0);

        FetchResult again = connector.fetch(ANALYST, new LinkedHashSet<>(List.of("N31807", "N33816")),
                new TreeSet<>(Set.of(2021, 2022)), false);
        assertThat(again.values().imported()).isZero();
        assertThat(again.values().unchanged()).isEqualTo(5);
    }

    @Test
    void aRejectedAnswerStoresNothingNotEvenTheMetadata() {
        FetchResult result = connector.fetch(ANALYST, Set.of("N00001"), Set.of(2022), false);
        assertThat(result.metadata().status()).isEqualTo("imported");
        assertThat(result.values().status()).isEqualTo("rejected");
        assertThat(result.values().errors()).containsExactly(
                new KoladaRecords.RowError(1, "municipality", "kolada.error.municipality-unknown"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_indicator WHERE id = 'N00001'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void anUnreachableOrFailingKoladaGivesAClearError() {
        KoladaConnector closed = new KoladaConnector(importer, queries, audit, transactions, "http://127.0.0.1:9/v2",
                Duration.ofSeconds(2));
        assertThatThrownBy(() -> closed.fetch(ANALYST, Set.of("N31807"), Set.of(2022), false))
                .isInstanceOf(KoladaUnreachable.class)
                .extracting(e -> ((KoladaUnreachable) e).messageKey()).isEqualTo("kolada.fetch.error.unreachable");
        assertThatThrownBy(() -> connector.fetch(ANALYST, Set.of("N99999"), Set.of(2022), false))
                .isInstanceOf(KoladaUnreachable.class)
                .extracting(e -> ((KoladaUnreachable) e).messageKey()).isEqualTo("kolada.fetch.error.status");
    }
}
