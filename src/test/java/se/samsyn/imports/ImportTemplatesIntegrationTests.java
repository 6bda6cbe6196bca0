package se.samsyn.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.SignedIn;
import se.samsyn.TestDatabases;

/**
 * Every import template round-trips through the running application with the demo data: the template is
 * downloaded by the demo account that may import (signed in through the login form), and exactly those
 * bytes are dry-run on the import page the template belongs to. The page then says the dry run went well
 * with the expected number of rows, lists no bad row and offers "Importera nu"; nothing is stored.
 * Staff (competence) and prevention reach in CSV and JSON, Kolada key figures and values (the values
 * template names an imported key figure, so the key-figure template is imported first), and every
 * reference-data kind that has a CSV template.
 */
@SpringBootTest(properties = "samsyn.demo=true")
@AutoConfigureMockMvc
class ImportTemplatesIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "import_templates");
    }

    @Autowired
    MockMvc mvc;

    /** The template's bytes as the signed-in account downloads them. */
    private byte[] download(Cookie session, String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).as(path).startsWith("attachment; filename=");
        return response.getContentAsByteArray();
    }

    /** The page answering a dry run of the file under the multipart part {@code part}. */
    private Document dryRun(Cookie session, String action, String part, String fileName, String contentType,
                            byte[] content) throws Exception {
        return Jsoup.parse(mvc.perform(multipart(action).file(new MockMultipartFile(part, fileName, contentType, content))
                        .param("dryRun", "true").cookie(session).with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** A good dry run: the sentence said, no table of bad rows, and "Importera nu" offered. */
    private static void assertGood(Document page, String sentence) {
        Element result = page.selectFirst("#import-result p[role=status], #load-result p[role=status]");
        assertThat(result).as("the result of the dry run").isNotNull();
        assertThat(result.text()).isEqualTo(sentence);
        assertThat(result.hasClass("ok")).isTrue();
        assertThat(page.select("#import-errors")).as("no bad rows").isEmpty();
        assertThat(page.select("form#import-held #import-now")).as("Importera nu").hasSize(1);
    }

    @Test
    void theStaffTemplatesPassTheirDryRunOnTheUnitsImportPage() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-manager", "demo");
        String action = "/competence/units/1280-IFO-BU/import";
        for (String format : new String[] {"csv", "json"}) {
            byte[] template = download(session, "/competence/import/template." + format);
            Document page = dryRun(session, action, "file", "samsyn-personal." + format,
                    "csv".equals(format) ? "text/csv" : "application/json", template);
            assertGood(page, "Provkörningen gick bra: 1 rad, 1 ny, 0 ändrade, 0 oförändrade. Inget har sparats.");
        }
    }

    @Test
    void thePreventionTemplatesPassTheirDryRunOnTheActivitysPage() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-lund", "demo");
        Document start = Jsoup.parse(mvc.perform(get("/prevention").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String activity = start.select("a.activity-link").stream()
                .filter(a -> a.text().equals("Föräldrastöd ABC i grupp")).findFirst().orElseThrow().attr("href");
        for (String format : new String[] {"csv", "json"}) {
            byte[] template = download(session, activity + "/import/template." + format);
            Document page = dryRun(session, activity + "/import", "file", "rackvidd." + format,
                    "csv".equals(format) ? "text/csv" : "application/json", template);
            // the example row is last month's, which the demo activity has already recorded: it would change it
            assertGood(page, "Provkörningen gick bra: 1 rad, 0 nya, 1 ändrad, 0 oförändrade. Inget har sparats.");
        }
    }

    @Test
    void theKoladaTemplatesPassTheirDryRunOnTheKoladaPage() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-admin", "demo");
        byte[] metadata = download(session, "/comparisons/kolada/import/template-metadata.csv");
        assertGood(dryRun(session, "/comparisons/kolada/import", "file", "nyckeltal.csv", "text/csv", metadata),
                "Provkörningen gick bra (nyckeltal): 1 rad, 1 skulle bli ny, 0 ändrade, 0 är oförändrade. Inget har sparats.");

        // a value's key figure must be imported first: the example key figure, through Importera nu
        Document held = dryRun(session, "/comparisons/kolada/import", "file", "nyckeltal.csv", "text/csv", metadata);
        String token = held.selectFirst("form#import-held input[name=token]").attr("value");
        Document imported = Jsoup.parse(mvc.perform(post("/comparisons/kolada/import/held").param("token", token)
                        .cookie(session).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(imported.selectFirst("#import-result p[role=status]").text())
                .isEqualTo("Inläsningen är klar (nyckeltal): 1 rad, 1 ny, 0 ändrade, 0 oförändrade.");

        byte[] values = download(session, "/comparisons/kolada/import/template-values.csv");
        assertGood(dryRun(session, "/comparisons/kolada/import", "file", "varden.csv", "text/csv", values),
                "Provkörningen gick bra (värden): 1 rad, 1 skulle bli ny, 0 ändrade, 0 är oförändrade. Inget har sparats.");
    }

    @Test
    void everyReferenceDataTemplatePassesItsDryRun() throws Exception {
        Cookie session = SignedIn.session(mvc, "demo-admin", "demo");
        Document page = Jsoup.parse(mvc.perform(get("/admin/reference-data").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        var links = page.select(".import-templates a");
        assertThat(links.eachAttr("href")).containsExactly("/admin/reference-data/template/counties.csv",
                "/admin/reference-data/template/municipalities.csv", "/admin/reference-data/template/municipality-groups.csv",
                "/admin/reference-data/template/population.csv", "/admin/reference-data/template/population-totals.csv");
        for (Element link : links) {
            String href = link.attr("href");
            String kind = href.substring(href.lastIndexOf('/') + 1, href.length() - ".csv".length());
            byte[] template = download(session, href);
            Document result = dryRun(session, "/admin/reference-data", kind, kind + ".csv", "text/csv", template);
            assertGood(result, "Provkörningen gick bra: filerna kan sparas.");
            assertThat(result.select("#load-result li").eachText()).as(kind).containsExactly(kind + ".csv: godkänd (1 rad)");
        }
    }
}
