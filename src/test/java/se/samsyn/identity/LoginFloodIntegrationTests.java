package se.samsyn.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * Issue 12 point 5, against the running server over HTTP: 150 logins sent at the same moment (three
 * accounts, two wrong passwords for every right one) are each answered with a redirect (a failure,
 * "busy" or the start page), never 500; afterwards the login page answers 200 and a fourth account
 * signs in; and the heap in use after a full collection has grown by less than 128 MB (150 Argon2
 * hashes at once would take 2.4 GB; at most 4 run at once).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "samsyn.demo=false")
class LoginFloodIntegrationTests {

    static final int ATTEMPTS = 150;
    static final long HEAP_GROWTH_BOUND = 128L * 1024 * 1024;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final List<String> ACCOUNTS = List.of("flood-a", "flood-b", "flood-c");
    static final String PASSWORD = "the-right-password-9";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "login_flood");
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void oneHundredFiftyParallelLoginsLeaveTheHeapAndTheLoginPageIntact() throws Exception {
        for (String name : ACCOUNTS) {
            accounts.provision(name, PASSWORD, Role.ADMINISTRATOR, Scope.nation());
        }
        accounts.provision("after-the-flood", PASSWORD, Role.ADMINISTRATOR, Scope.nation());
        long heapBefore = usedHeapAfterGc();

        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CyclicBarrier together = new CyclicBarrier(ATTEMPTS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                String name = ACCOUNTS.get(i % ACCOUNTS.size());
                String password = i % 3 == 0 ? PASSWORD : "wrong-" + i;
                answers.add(pool.submit(() -> {
                    LoginForm form = loginForm();
                    together.await(120, java.util.concurrent.TimeUnit.SECONDS);
                    return postLogin(form, name, password);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            List<String> landings = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                landings.add(landing(response));
            }
            assertThat(statuses).hasSize(ATTEMPTS).containsOnly(302);
            assertThat(Set.copyOf(landings)).isSubsetOf("/login?error", "/login?busy", "/");
        } finally {
            pool.shutdownNow();
        }

        long heapAfter = usedHeapAfterGc();
        assertThat(heapAfter - heapBefore).isLessThan(HEAP_GROWTH_BOUND);

        LoginForm form = loginForm();
        assertThat(form.status).isEqualTo(200);
        HttpResponse<String> signedIn = postLogin(form, "after-the-flood", PASSWORD);
        assertThat(landing(signedIn)).isEqualTo("/");
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(uri("/account/tokens"))
                .header("Cookie", sessionCookie(signedIn, form.cookie)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(tokens.body()).contains("after-the-flood");
    }

    private LoginForm loginForm() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        String csrf = token.find() ? (token.group(1) != null ? token.group(1) : token.group(2)) : "";
        String cookie = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse("");
        return new LoginForm(page.statusCode(), cookie, csrf);
    }

    private HttpResponse<String> postLogin(LoginForm form, String username, String password) throws Exception {
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(form.csrf, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", form.cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The path and query a redirect leads to, whether the Location is absolute or not. */
    private static String landing(HttpResponse<String> response) {
        URI location = URI.create(response.headers().firstValue("location").orElse(""));
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    /** The session after signing in: a new SESSION cookie if the login changed the session id, else the old one. */
    private static String sessionCookie(HttpResponse<String> response, String before) {
        return response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(before);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    record LoginForm(int status, String cookie, String csrf) {
    }
}
