package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.samsyn.TestDatabases;
import se.samsyn.platform.NamesNotCodesIntegrationTests;

/**
 * Issue 17, "How it is checked": every HTML page the application serves is opened in the browser
 * and looked at through {@link Browser#problems(String)} (1280 px and 390 px, axe serious or critical,
 * nothing wider than the viewport) and scanned for bare codes
 * ({@link NamesNotCodesIntegrationTests#BARE_CODES}).
 *
 * <p>The pages are the application's own GET mappings, read from Spring's
 * {@link RequestMappingHandlerMapping}: those of {@code @RestController}s and {@code @ResponseBody}
 * methods, those under {@code /api} and those producing anything but HTML are left out. Each
 * pattern needs an example path in {@link #examples()}, its path variables filled with demo ids
 * and codes, or an entry in {@link #NOT_PAGES} saying why it is no page; a new page without either
 * fails the test, so no page can be forgotten.
 *
 * <p>The roles sign in in turn (public visitor, case worker, unit manager, knowledge editor, director, national
 * analyst, administrator), one browser each; each example is looked at once, by the first role
 * that may open it (HTTP 200 for that role's session), so the sweep stays short. A page that no
 * role may open fails the test. The 404 page and the 403 page are looked at too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data", "samsyn.kolada.load-sample=false"})
class EveryPageJourneyIntegrationTests {

    /** The roles in the order they sweep: the demo account, or {@code null} for a visitor who does not sign in. */
    static final List<String> ROLES = java.util.Arrays.asList(null, "demo-caseworker", "demo-manager", "demo-editor", "demo-director",
            "demo-national", "demo-admin");

    /** GET patterns that render no page of their own, and why. */
    static final Map<String, String> NOT_PAGES = Map.of(
            "/error", "the error page: looked at through /no-such-page (404) and a forbidden page (403)",
            "/comparisons/kolada/sample-load", "answers with a redirect after loading the sample",
            "/guide/suggest", "an htmx fragment: the title suggestions under the guide's search field",
            "/comparisons/profile", "the profile picker's redirect to /comparisons/municipalities/{code}",
            "/swagger-ui.html", "the API documentation's redirect, not a page of the application",
            "/priorities/lists/{id}/diff", "needs a list with a second published version (the demo list has one):"
                    + " PriorityJourneyIntegrationTests publishes one and looks at the diff at both widths",
            "/competence/import/template.{format:csv|json}", "an import template file",
            "/guide/manage/import/template.{format:csv|json}", "an import template file",
            "/prevention/activities/{id}/import/template.{format:csv|json}", "an import template file");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "every-page-journey");
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    /** The HTML GET patterns of the application, sorted. */
    Set<String> pagePatterns() {
        Set<String> patterns = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            HandlerMethod handler = e.getValue();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            if (handler.getBeanType().isAnnotationPresent(RestController.class)
                    || handler.getBeanType().isAnnotationPresent(ResponseBody.class)
                    || handler.hasMethodAnnotation(ResponseBody.class)) {
                continue;
            }
            Set<MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
            if (!produces.isEmpty() && produces.stream().noneMatch(m -> m.isCompatibleWith(MediaType.TEXT_HTML))) {
                continue;
            }
            for (String p : info.getPatternValues()) {
                if (p.startsWith("/api") || p.startsWith("/actuator") || p.endsWith(".csv") || p.endsWith(".xlsx")
                        || p.endsWith(".json") || p.endsWith(".atom")) {
                    continue;
                }
                patterns.add(p);
            }
        }
        return patterns;
    }

    /** One example path per page pattern, its variables filled from the demo data. */
    Map<String, String> examples() {
        long activity = id("select min(id) from prv_activity where municipality_code = '1280'");
        long process = id("select min(id) from prio_process");
        long pair = id("select min(id) from prio_pair where process_id = " + process);
        long scenario = scenario(process);
        long trial = id("select min(id) from trl_trial");
        long running = id("select min(id) from trl_trial where status = 'running'");
        long other = otherScenario(process);
        long user = id("select min(id) from idn_user where username = 'demo-caseworker'");
        long client = id("select min(id) from fup_client where unit_code = '1280-IFO-BU'");
        String entry = jdbc.sql("select min(slug) from kg_entry").query(String.class).single();
        String collection = jdbc.sql("select min(slug) from kg_collection").query(String.class).single();
        String staff = jdbc.sql("select min(employee_number) from cpt_employee where unit_code = '1280-IFO-BU'")
                .query(String.class).single();
        Map<String, String> examples = new LinkedHashMap<>();
        for (String p : List.of("/", "/login", "/account/password", "/account/tokens", "/admin/audit", "/admin/reference-data", "/admin/units",
                "/admin/users", "/comparisons", "/comparisons/indicators/new", "/comparisons/kolada",
                "/comparisons/peer-groups", "/competence", "/competence/mentoring",
                "/competence/requirements", "/followup", "/followup/catalogue", "/followup/import", "/followup/reports",
                "/guide", "/guide/collections", "/guide/manage", "/guide/manage/new", "/map",
                "/municipalities", "/om/sekretess", "/prevention", "/prevention/activities/new", "/prevention/kinds",
                "/priorities", "/priorities/processes/new", "/priorities/scenarios",
                "/trials", "/trials/improvement", "/trials/new")) {
            examples.put(p, p);
        }
        examples.put("/admin/users/{id}", "/admin/users/" + user);
        examples.put("/comparisons/indicators/{id}", "/comparisons/indicators/"
                + jdbc.sql("select min(id) from cmp_indicator").query(String.class).single());
        examples.put("/comparisons/municipalities/{code}", "/comparisons/municipalities/1280");
        examples.put("/comparisons/municipalities/{code}/similar", "/comparisons/municipalities/1280/similar");
        examples.put("/competence/municipalities/{code}", "/competence/municipalities/1280");
        examples.put("/competence/units/{unit}", "/competence/units/1280-IFO-BU");
        examples.put("/competence/units/{unit}/import", "/competence/units/1280-IFO-BU/import");
        examples.put("/competence/units/{unit}/staff/{number}/history",
                "/competence/units/1280-IFO-BU/staff/" + staff + "/history");
        examples.put("/followup/clients/{id}", "/followup/clients/" + client);
        examples.put("/guide/collections/{slug}", "/guide/collections/" + collection);
        examples.put("/guide/entries/{slug}", "/guide/entries/" + entry);
        examples.put("/guide/entries/{slug}/edit", "/guide/entries/" + entry + "/edit");
        examples.put("/municipalities/{code}", "/municipalities/1280");
        examples.put("/prevention/activities/{id}", "/prevention/activities/" + activity);
        examples.put("/prevention/municipalities/{code}/balance", "/prevention/municipalities/1280/balance");
        examples.put("/priorities/lists/{id}", "/priorities/lists/" + process);
        examples.put("/priorities/lists/{id}/print", "/priorities/lists/" + process + "/print");
        examples.put("/priorities/pairs/{pairId}", "/priorities/pairs/" + pair);
        examples.put("/priorities/processes/{id}", "/priorities/processes/" + process);
        examples.put("/priorities/processes/{id}/edit", "/priorities/processes/" + process + "/edit");
        examples.put("/priorities/processes/{id}/pairs/new", "/priorities/processes/" + process + "/pairs/new");
        examples.put("/priorities/scenarios/new", "/priorities/scenarios/new?list=" + process);
        examples.put("/priorities/scenarios/compare", "/priorities/scenarios/compare?a=" + scenario + "&b=" + other);
        examples.put("/priorities/scenarios/{id}", "/priorities/scenarios/" + scenario);
        examples.put("/priorities/scenarios/{id}/edit", "/priorities/scenarios/" + scenario + "/edit");
        examples.put("/trials/improvement/indicator", "/trials/improvement/indicator");
        examples.put("/trials/{id}", "/trials/" + trial);
        examples.put("/trials/{id}/edit", "/trials/" + trial + "/edit");
        examples.put("/trials/{id}/record", "/trials/" + running + "/record");
        examples.put("/trials/{id}/report", "/trials/" + trial + "/report");
        return examples;
    }

    /** Further looks at pages already in {@link #examples()}: with a query that changes what they show. */
    static final Map<String, String> MORE = Map.of("/admin/audit (filtered)", "/admin/audit?action=LOGIN_SUCCEEDED");

    /** Malmö's scenario on the published list: the demo data has none, so the first call adds an empty one. */
    private long scenario(long process) {
        if (jdbc.sql("select count(*) from prio_scenario where municipality_code = '1280'").query(Long.class).single() == 0) {
            jdbc.sql("""
                    insert into prio_scenario (municipality_code, process_id, version_no, name, budget, lines, created_by,
                      created_at) select '1280', :process, max(version_no), 'Budget 2027', 1000000, '[]', 'demo-director',
                      current_timestamp from prio_version where process_id = :process""").param("process", process).update();
        }
        return id("select min(id) from prio_scenario where municipality_code = '1280'");
    }

    /** A second scenario of Malmö's, to compare with the first. */
    private long otherScenario(long process) {
        scenario(process);
        if (jdbc.sql("select count(*) from prio_scenario where municipality_code = '1280'").query(Long.class).single() == 1) {
            jdbc.sql("""
                    insert into prio_scenario (municipality_code, process_id, version_no, name, budget, lines, created_by,
                      created_at) select '1280', :process, max(version_no), 'Budget 2028', 2000000, '[]', 'demo-director',
                      current_timestamp from prio_version where process_id = :process""").param("process", process).update();
        }
        return id("select max(id) from prio_scenario where municipality_code = '1280'");
    }

    private long id(String sql) {
        Long id = jdbc.sql(sql).query(Long.class).single();
        assertThat(id).as("demo data for " + sql).isNotNull();
        return id;
    }

    @Test
    void everyPatternHasAnExampleOrAReason() {
        Set<String> missing = new TreeSet<>(pagePatterns());
        missing.removeAll(examples().keySet());
        missing.removeAll(NOT_PAGES.keySet());
        assertThat(missing).as("GET pages with neither an example path in examples() nor a reason in NOT_PAGES").isEmpty();
        Set<String> stale = new TreeSet<>(examples().keySet());
        stale.addAll(NOT_PAGES.keySet());
        stale.removeAll(pagePatterns());
        assertThat(stale).as("examples and reasons for patterns the application no longer has").isEmpty();
    }

    @Test
    void everyPageIsFineAtBothWidthsAndShowsNamesNotCodes() throws Exception {
        long started = System.nanoTime();
        Map<String, String> toVisit = new LinkedHashMap<>(examples());
        toVisit.putAll(MORE);
        Map<String, String> visitedBy = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        for (String role : ROLES) {
            String who = role == null ? "visitor" : role;
            try (Browser browser = Browser.open(port)) {
                if (role != null) {
                    browser.login(role, "demo");
                }
                String cookies = browser.driver.manage().getCookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
                for (Map.Entry<String, String> page : new ArrayList<>(toVisit.entrySet())) {
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + page.getValue()))
                            .header("Accept", "text/html").GET();
                    if (!cookies.isEmpty()) {
                        request.header("Cookie", cookies);
                    }
                    int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status != 200) {
                        continue;
                    }
                    toVisit.remove(page.getKey());
                    visitedBy.put(page.getValue(), who);
                    look(browser, who, page.getValue(), problems);
                }
                if ("demo-caseworker".equals(role)) {
                    look(browser, who, "/admin/users", problems);
                    assertThat(browser.heading()).as("the 403 page").isNotBlank();
                }
                if (role == null) {
                    look(browser, who, "/no-such-page", problems);
                    assertThat(browser.heading()).as("the 404 page").isNotBlank();
                }
            }
        }
        System.out.printf("Every-page sweep: %d pages in %d s%n", visitedBy.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        visitedBy.forEach((path, who) -> System.out.println("  " + who + " " + path));
        assertThat(problems).as(() -> String.join("\n", problems)).isEmpty();
        assertThat(toVisit.values()).as("pages no role could open").isEmpty();
    }

    /** Opens the path, collects what {@link Browser#problems(String)} and the bare-code scan find. */
    private static void look(Browser browser, String who, String path, List<String> problems) {
        browser.go(path);
        String name = "sweep-" + who.replace("demo-", "") + path.replaceAll("[^A-Za-z0-9]+", "-");
        problems.addAll(browser.problems(name).stream().map(p -> who + " " + path + ": " + p).toList());
        Document page = Jsoup.parse(browser.driver.getPageSource());
        page.select("code").remove();
        String text = page.body().text();
        Set<String> found = new LinkedHashSet<>();
        NamesNotCodesIntegrationTests.BARE_CODES.forEach((kind, pattern) -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - 30);
                found.add(who + " " + path + ": " + kind + " '" + m.group() + "' in '"
                        + text.substring(from, Math.min(text.length(), m.end() + 30)) + "'");
            }
        });
        problems.addAll(found);
        try {
            java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve("sweep-problems.txt"),
                    String.join("\n", problems) + "\n-- after " + who + " " + path + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
