package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * The live connector against a local stub of Kolada's API: a v2-shaped one that answers in two
 * pages with {@code next_page}, and a v3 one ({@link #v3}) that pages with {@code next_url}, marks
 * rows deleted, and fails on the third page for KPIs whose id starts with {@code Q4}.
 */
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
            server.createContext("/v3/", KoladaConnectorIntegrationTests::v3);
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

    static final List<String> V3_REQUESTS = new CopyOnWriteArrayList<>();

    /**
     * Kolada v3 as a stub: {@code /v3/kpi/{ids}} answers every id as a KPI; {@code /v3/data/kpi/{ids}/year/2022}
     * answers one item per id (municipality 1280, total value = the id's last two digits) ten items a page,
     * following pages by {@code next_url}. Page 2 also holds an item marked deleted (0180) and the 25th id's
     * item a K value marked deleted. Ids starting with Q4 fail with 500 on page 3.
     */
    static void v3(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        V3_REQUESTS.add(exchange.getRequestURI().toString());
        String base = "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/v3";
        int status = 200;
        StringBuilder body = new StringBuilder();
        if (path.startsWith("/v3/kpi/")) {
            List<String> ids = List.of(path.substring("/v3/kpi/".length()).split(","));
            body.append("{\"values\":[");
            for (int i = 0; i < ids.size(); i++) {
                body.append(i == 0 ? "" : ",").append("""
                        {"id":"%s","title":"Testtal %s, andel (%%)","description":"Källa: SCB.","operating_area":"Test",
                         "municipality_type":"K","is_divided_by_gender":false,"perspective":"Volymer",
                         "publication_date":"2025-02-22","auspice":"E","has_ou_data":false}""".formatted(ids.get(i), ids.get(i)));
            }
            body.append("],\"count\":").append(ids.size()).append(",\"next_url\":null,\"previous_url\":null}");
        } else if (path.startsWith("/v3/data/kpi/") && path.endsWith("/year/2022")) {
            List<String> ids = List.of(path.substring("/v3/data/kpi/".length(), path.length() - "/year/2022".length())
                    .split(","));
            int page = query == null ? 1 : Integer.parseInt(query.replaceAll("^page=(\\d+).*$", "$1"));
            int pages = (ids.size() + 9) / 10;
            if (ids.get(0).startsWith("Q4") && page == 3) {
                status = 500;
                body.append("{\"error\":\"internal\"}");
            } else {
                List<String> items = new ArrayList<>();
                for (int i = (page - 1) * 10; i < Math.min(ids.size(), page * 10); i++) {
                    String id = ids.get(i);
                    String deletedK = i == 24 ? ",{\"gender\":\"K\",\"value\":12,\"count\":1,\"status\":\"\",\"isdeleted\":true}" : "";
                    items.add("{\"kpi\":\"%s\",\"municipality\":\"1280\",\"period\":2022,\"values\":[{\"gender\":\"T\",\"value\":%s,\"count\":1,\"status\":\"\"}%s]}"
                            .formatted(id, Integer.parseInt(id.substring(id.length() - 2)), deletedK));
                }
                if (page == 2) {
                    items.add("{\"kpi\":\"%s\",\"municipality\":\"0180\",\"period\":2022,\"is_deleted\":true,\"values\":[{\"gender\":\"T\",\"value\":99,\"count\":1,\"status\":\"\"}]}"
                            .formatted(ids.get(10)));
                }
                String link = base + path.substring(3) + "?page=%d&per_page=10";
                body.append("{\"values\":[").append(String.join(",", items)).append("],\"count\":").append(ids.size())
                        .append(",\"next_url\":").append(page < pages ? "\"" + link.formatted(page + 1) + "\"" : "null")
                        .append(",\"previous_url\":").append(page > 1 ? "\"" + link.formatted(page - 1) + "\"" : "null")
                        .append("}");
            }
        } else {
            status = 404;
            body.append("{\"error\":\"not found\"}");
        }
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    KoladaConnector v3Connector() {
        return new KoladaConnector(importer, queries, audit, transactions,
                "http://127.0.0.1:" + STUB.getAddress().getPort() + "/v3/", Duration.ofSeconds(10));
    }

    static Set<String> ids(String prefix, int n) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 1; i <= n; i++) {
            ids.add(prefix + "%02d".formatted(i));
        }
        return ids;
    }

    @Test
    void againstV3EveryLiveRowIsImportedOnceFollowingNextUrlWithAtMost25IdsARequest() {
        V3_REQUESTS.clear();
        FetchResult result = v3Connector().fetch(ANALYST, ids("Q300", 30), Set.of(2022), false);
        for (String request : V3_REQUESTS) {
            String segment = request.replaceAll("^/v3/(data/)?kpi/([^/?]+).*$", "$2");
            assertThat(segment.split(",").length).as(request).isLessThanOrEqualTo(25);
        }
        assertThat(V3_REQUESTS).hasSize(6);
        assertThat(result.pages()).isEqualTo(6);
        assertThat(result.rows()).isEqualTo(32);
        assertThat(result.deleted()).isEqualTo(2);
        assertThat(result.metadata().imported()).isEqualTo(30);
        assertThat(result.values().status()).isEqualTo("imported");
        assertThat(result.values().imported()).isEqualTo(30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id LIKE 'Q300%'").query(Integer.class)
                .single()).isEqualTo(30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id LIKE 'Q300%' AND (area_code = '0180' "
                + "OR gender = 'K')").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT result_value FROM cmp_result WHERE indicator_id = 'Q30025' AND gender = 'T'")
                .query(Double.class).single()).isEqualTo(25.0);
    }

    @Test
    void aV3FetchThatFailsOnPageThreeStoresNothing() {
        assertThatThrownBy(() -> v3Connector().fetch(ANALYST, ids("Q400", 30), Set.of(2022), false))
                .isInstanceOf(KoladaUnreachable.class)
                .extracting(e -> ((KoladaUnreachable) e).messageKey()).isEqualTo("kolada.fetch.error.status");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_indicator WHERE id LIKE 'Q400%'").query(Integer.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cmp_result WHERE indicator_id LIKE 'Q400%'").query(Integer.class)
                .single()).isZero();
    }
}
