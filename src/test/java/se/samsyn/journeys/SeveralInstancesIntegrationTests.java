package se.samsyn.journeys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.SamsynApplication;
import se.samsyn.TestDatabases;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.identity.ApiTokens;
import se.samsyn.knowledge.EntryStatus;
import se.samsyn.knowledge.GuideEntries;
import se.samsyn.knowledge.EntryContent;
import se.samsyn.knowledge.GuideSearch;
import se.samsyn.knowledge.SearchRequest;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Samsyn instances started at the same moment on one (embedded) PostgreSQL database, as
 * behind a load balancer: seeding happens once, a session made on one works on the other, a guide
 * entry published on one is found on the other within 10 s, simultaneous refreshes and
 * simultaneous imports of one file both succeed and store everything once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralInstancesIntegrationTests {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private JdbcClient jdbc;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void startTwoInstancesAtOnce() throws Exception {
        String url = TestDatabases.jdbcUrl(TestDatabases.createDatabase("several_instances"));
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier together = new CyclicBarrier(2);
            Future<ConfigurableApplicationContext> first = starter.submit(() -> start(url, "a", together));
            Future<ConfigurableApplicationContext> second = starter.submit(() -> start(url, "b", together));
            a = first.get();
            b = second.get();
        } finally {
            starter.shutdown();
        }
        jdbc = a.getBean(JdbcClient.class);
    }

    private static ConfigurableApplicationContext start(String url, String name, CyclicBarrier together) throws Exception {
        Path dir = Files.createTempDirectory("samsyn-instance-" + name);
        together.await();
        // command-line arguments, so that they win over application.yml (server.port: 8080)
        return new SpringApplicationBuilder(SamsynApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--samsyn.data-dir=" + dir,
                "--samsyn.demo=true",
                "--samsyn.pseudonym-key=" + KEY,
                "--samsyn.kolada.load-sample=false",
                "--samsyn.cluster.signal-interval=1s",
                "--spring.application.name=samsyn-" + name);
    }

    @AfterAll
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void seedsOnceWhenTwoInstancesStartTogether() {
        assertThat(count("SELECT count(*) FROM idn_user WHERE username = 'demo-admin'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM org_unit")).isEqualTo(17);
        assertThat(count("SELECT count(*) FROM org_municipality")).isEqualTo(290);
        assertThat(count("SELECT count(*) FROM kg_entry WHERE slug <> 'gransoverskridande-samverkan'")).isEqualTo(38);
    }

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOther() throws Exception {
        String session = logIn(a, "demo-caseworker");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(uri(b, "/api/v1/me"))
                .header("Cookie", "SESSION=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"demo-caseworker\"", "\"code\":\"1280-IFO-BU\"");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(b, "/api/v1/me")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void anEntryPublishedOnOneInstanceIsFoundOnTheOtherWithinTenSeconds() throws Exception {
        Actor editor = new Actor("demo-editor", Role.KNOWLEDGE_EDITOR, Scope.nation());
        SearchRequest query = new SearchRequest("gränsöverskridande", Map.of(), 0, 10);
        GuideSearch searchOnB = b.getBean(GuideSearch.class);
        assertThat(searchOnB.search(query).total()).isZero();

        GuideEntries entriesOnA = a.getBean(GuideEntries.class);
        entriesOnA.create(editor, new EntryContent("gransoverskridande-samverkan", "method", "Gränsöverskridande samverkan",
                "En metod för samverkan över gränser.", "Text", List.of("violence"), List.of("adults"),
                "Socialstyrelsen", "grade-mattlig", LocalDate.of(2025, 1, 1), LocalDate.of(2027, 1, 1),
                "https://www.socialstyrelsen.se/"));
        entriesOnA.transition(editor, "gransoverskridande-samverkan", EntryStatus.REVIEW);
        entriesOnA.transition(editor, "gransoverskridande-samverkan", EntryStatus.PUBLISHED);
        long published = System.nanoTime();

        long total = 0;
        while (System.nanoTime() - published < Duration.ofSeconds(10).toNanos()) {
            total = searchOnB.search(query).total();
            if (total > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(total).as("found on instance B within 10 s").isEqualTo(1);
        assertThat(searchOnB.search(query).hits().get(0).slug()).isEqualTo("gransoverskridande-samverkan");
    }

    @Test
    void refreshesStartedOnBothInstancesAtOnceBothFinishWithOneSetOfResults() throws Exception {
        String token = token(a, new Actor("demo-national", Role.NATIONAL_ANALYST, Scope.nation()));
        List<HttpResponse<String>> answers = together(
                () -> post(a, "/api/v1/comparisons/refresh", token, "application/json", ""),
                () -> post(b, "/api/v1/comparisons/refresh", token, "application/json", ""));
        // the first to take the results lock refreshes (200); the other either waited its turn or,
        // when the lock was taken, answered 202 with the running refresh's progress; never an error
        assertThat(answers).anySatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).matches("\\{\"refreshed\":\\d+}");
        });
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 202);
            if (answer.statusCode() == 202) {
                assertThat(answer.body()).contains("\"status\":\"running\"", "\"total\":");
            }
        }
        awaitNoRefresh();
        long afterBoth = count("SELECT count(*) FROM cmp_result");
        assertThat(count("""
                SELECT count(*) FROM (SELECT indicator_id, area_code, stat_year, gender FROM cmp_result
                GROUP BY indicator_id, area_code, stat_year, gender HAVING count(*) > 1) d""")).isZero();
        assertThat(post(a, "/api/v1/comparisons/refresh", token, "application/json", "").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM cmp_result")).isEqualTo(afterBoth).isPositive();
    }

    @Test
    void aRefreshAskedForWhileAnotherRunsAnswersWithItsProgress() throws Exception {
        String token = token(b, new Actor("demo-national", Role.NATIONAL_ANALYST, Scope.nation()));
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                a.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        ClusterLocks locksOnA = a.getBean(ClusterLocks.class);
        Thread holder = new Thread(() -> tx.executeWithoutResult(status -> {
            locksOnA.holdUntilCommit("comparison-results");
            jdbc.sql("DELETE FROM cmp_refresh_progress").update();
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> answer = post(b, "/api/v1/comparisons/refresh", token, "application/json", "");
            assertThat(answer.statusCode()).isEqualTo(202);
            assertThat(answer.body()).contains("\"status\":\"running\"", "En uppdatering av resultaten pågår redan");
        } finally {
            release.countDown();
            holder.join();
        }
    }

    private void awaitNoRefresh() throws InterruptedException {
        ClusterLocks locksOnA = a.getBean(ClusterLocks.class);
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                a.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        for (int i = 0; i < 600; i++) {
            if (Boolean.TRUE.equals(tx.execute(status -> locksOnA.tryHoldUntilCommit("comparison-results")))) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a refresh kept running for two minutes");
    }

    @Test
    void theSameFileImportedOnBothInstancesAtOnceIsStoredOnce() throws Exception {
        String token = token(a, new Actor("demo-lund", Role.CASE_WORKER, Scope.unit("1281-IFO")));
        StringBuilder csv = new StringBuilder("personnummer,unit_code,focus_area,start_date,end_date\n");
        for (int serial = 900; serial < 940; serial++) {
            csv.append(number(serial)).append(",1281-IFO,substance-use,2025-03-01,\n");
        }
        long before = count("SELECT count(*) FROM fup_episode");
        String path = "/api/v1/followup/imports?type=episodes&dryRun=false";
        List<HttpResponse<String>> answers = together(
                () -> post(a, path, token, "text/csv", csv.toString()),
                () -> post(b, path, token, "text/csv", csv.toString()));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"imported\"", "\"rows\":40", "\"errorCount\":0");
        }
        assertThat(count("SELECT count(*) FROM fup_episode") - before).isEqualTo(40);
    }

    // --- helpers -------------------------------------------------------------------------------

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static URI uri(ConfigurableApplicationContext instance, String path) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return URI.create("http://localhost:" + port + path);
    }

    private static String token(ConfigurableApplicationContext instance, Actor owner) {
        return instance.getBean(ApiTokens.class).create(owner, "test " + System.nanoTime(), 1).secret();
    }

    private HttpResponse<String> post(ConfigurableApplicationContext instance, String path, String token,
                                      String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(instance, path)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", type).timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @SafeVarargs
    private static <T> List<T> together(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CyclicBarrier start = new CyclicBarrier(calls.length);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private String logIn(ConfigurableApplicationContext instance, String username) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri(instance, "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = cookie(page);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri(instance, "/login"))
                .header("Cookie", "SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=demo&_csrf="
                        + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String renewed = cookie(login);
        return renewed == null ? session : renewed;
    }

    private static String cookie(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith("SESSION=")) {
                return header.substring("SESSION=".length(), header.indexOf(';'));
            }
        }
        return null;
    }

    /** A valid synthetic 12-digit personal identity number born 1980-01-01 with the given serial. */
    private static String number(int serial) {
        String body = String.format(java.util.Locale.ROOT, "800101%03d", serial);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = (body.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return "19" + body + (10 - sum % 10) % 10;
    }
}
