package se.samsyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.identity.Accounts;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    @Autowired
    Accounts accounts;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

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
    void anUnknownAddressGivesAnonymousReadersThe404PageInTheLayoutAndNoSession() throws Exception {
        for (String path : List.of("/no-such-page", "/indicators/NOPE123", "/comparisons/indicators/NOPE123",
                "/followup/no-such-page")) {
            HttpResponse<String> response = get(path, "text/html", "sv");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie")).as(path)
                    .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("main h1").text()).as(path).isEqualTo("Något gick fel (404)");
            assertThat(page.select("main p").eachText()).as(path)
                    .containsExactly("Sidan eller uppgiften finns inte.", "Till startsidan");
            assertThat(page.selectFirst("html").attr("lang")).as(path).isEqualTo("sv");
            assertThat(page.select("header a[href=/]")).as(path + ": the app's header").isNotEmpty();
        }
    }

    /**
     * A POST (or other unsafe method) without a CSRF token to an address nothing answers gets the
     * same 404 page or problem as a GET, not the CSRF filter's 403, and starts no session; an
     * address that exists keeps its CSRF protection.
     */
    @Test
    void anUnknownAddressAnswersAPostWithoutTokenWithThe404AndNoSession() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            HttpResponse<String> response = send(method, "/no-such-page", "text/html");
            assertThat(response.statusCode()).as(method).isEqualTo(404);
            assertThat(response.headers().allValues("Set-Cookie")).as(method)
                    .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
            Document page = Jsoup.parse(response.body());
            assertThat(page.selectFirst("main h1").text()).as(method).isEqualTo("Något gick fel (404)");
            assertThat(page.selectFirst("main p").text()).as(method).isEqualTo("Sidan eller uppgiften finns inte.");
        }
        HttpResponse<String> api = send("POST", "/api/v1/no-such-thing", "application/json");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.headers().allValues("Set-Cookie"))
                .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
        assertThat(json.readTree(api.body()).path("status").asInt()).isEqualTo(404);
        // addresses that exist (also those the security filters answer) still refuse a POST without a token
        for (String path : List.of("/logout", "/login", "/priorities/processes")) {
            assertThat(send("POST", path, "text/html").statusCode()).as(path).isEqualTo(403);
        }
    }

    HttpResponse<String> send(String method, String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Accept-Language", "sv")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString("a=b")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnknownAddressIsExplainedInEnglishThroughTheLanguageSwitch() throws Exception {
        Document swedish = Jsoup.parse(get("/no-such-page", "text/html", "sv").body());
        String english = swedish.selectFirst("a[hreflang=en]").attr("href");
        assertThat(english).isEqualTo("/no-such-page?lang=en");
        HttpResponse<String> response = get(english, "text/html", "sv");
        assertThat(response.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Something went wrong (404)");
        assertThat(page.select("main p").eachText()).containsExactly("The page or item does not exist.", "Go to the start page");
        assertThat(response.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("samsyn-lang=en"))
                .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
    }

    /**
     * The language switch of an error page repeats the failed address only when it is a plain local
     * path: not an address that leads off the site, not one holding a personal identity number.
     */
    @Test
    void theLanguageSwitchOfAnErrorPageNeverLeadsOffTheSiteNorRepeatsAPersonalNumber() throws Exception {
        for (String path : List.of("//evil.example/phish", "/followup/clients/19121212-1212", "/no-such-page/19121212-1212")) {
            HttpResponse<String> response = get(path, "text/html", "sv");
            assertThat(response.statusCode()).as(path).isBetween(400, 404);
            Document page = Jsoup.parse(response.body());
            assertThat(page.select("a[hreflang=en]").eachAttr("href")).as(path + ": " + response.statusCode() + " " + page.title())
                    .containsExactly("/?lang=en");
            assertThat(response.body()).as(path).doesNotContain("evil.example", "19121212");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            HttpResponse<String> problem = get(path, "*/*", "sv");
            assertThat(problem.body()).as(path + " as a problem").doesNotContain("evil.example", "19121212");
        }
        assertThat(Jsoup.parse(get("/followup/clients/19121212-1212", "text/html", "sv").body()).select("main p").eachText())
                .contains("Adressen eller en parameter ser ut att innehålla ett personnummer. Personnummer får aldrig stå "
                        + "i en adress eller parameter; ange det bara i fältet för personnummer.");
    }

    @Test
    void anUnknownAddressGivesASignedInUserThe404PageAndExistingProtectedPagesStillAskForLogin() throws Exception {
        HttpResponse<String> protectedPage = get("/admin/users", "text/html", "sv");
        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(protectedPage.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

        accounts.provision("lost-reader", "a-long-password", Role.NATIONAL_ANALYST, Scope.nation());
        HttpResponse<String> login = get("/login", "text/html", "sv");
        String session = cookie(login, "SESSION");
        String token = Jsoup.parse(login.body()).selectFirst("main form input[name=_csrf]").attr("value");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Cookie", "SESSION=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token + "&username=lost-reader&password=a-long-password"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(":" + port + "/"));
        String signedInSession = cookie(signedIn, "SESSION");

        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/no-such-page"))
                .header("Accept", "text/html").header("Cookie", "SESSION=" + signedInSession).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        Document page = Jsoup.parse(missing.body());
        assertThat(page.selectFirst("main h1").text()).isEqualTo("Något gick fel (404)");
        assertThat(page.selectFirst("main p").text()).isEqualTo("Sidan eller uppgiften finns inte.");
    }

    /** The value of the cookie {@code name} that the answer sets. */
    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    @Test
    void anUnknownApiAddressIsA404ProblemForAnyone() throws Exception {
        for (String accept : List.of("application/json", "text/html")) {
            HttpResponse<String> response = get("/api/v1/no-such-thing", accept, "sv");
            assertThat(response.statusCode()).as(accept).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(accept)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().allValues("Set-Cookie")).as(accept)
                    .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("type").asString()).as(accept).isEqualTo("about:blank");
            assertThat(problem.path("title").asString()).as(accept).isEqualTo("Finns inte");
            assertThat(problem.path("status").asInt()).as(accept).isEqualTo(404);
            assertThat(problem.path("instance").asString()).as(accept).isEqualTo("/api/v1/no-such-thing");
        }
        // an existing protected API still asks who is calling
        HttpResponse<String> refused = get("/api/v1/me", "application/json", "sv");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("Set-Cookie")).as("a refused API call starts no session")
                .noneMatch(c -> c.startsWith("SESSION=") || c.startsWith("JSESSIONID="));
    }

    @Test
    void apiErrorsAreProblemDetailsEvenForBrowsers() throws Exception {
        HttpResponse<String> response = get("/api/v1/no-such-thing", "text/html", "sv");
        assertThat(response.statusCode()).isEqualTo(404);
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
