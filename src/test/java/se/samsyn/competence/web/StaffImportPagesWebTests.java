package se.samsyn.competence.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import se.samsyn.competence.StaffRegister;
import se.samsyn.imports.FileProblem;
import se.samsyn.imports.HeldUploads;
import se.samsyn.imports.ImportReport;
import se.samsyn.imports.TabularFile;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.Organisation;
import se.samsyn.organisation.Unit;
import se.samsyn.platform.WebSliceConfiguration;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The staff import page on the web layer alone: the allowed codes with their names, the templates,
 * "Importera nu" storing exactly the file of the good dry run, and an impossible date's message.
 */
@WebMvcTest(controllers = StaffImportPages.class)
@Import({WebSliceConfiguration.class, HeldUploads.class})
class StaffImportPagesWebTests {

    static final String UNIT = "1280-IFO-BU";
    static final Actor MANAGER = new Actor("chef", Role.UNIT_MANAGER, Scope.unit(UNIT));

    record Principal(Actor actor) implements Actor.Holder {
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StaffRegister staff;
    @MockitoBean
    Organisation organisation;

    static Authentication as(Actor actor) {
        return new UsernamePasswordAuthenticationToken(new Principal(actor), null, List.of());
    }

    Document page(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** A refused upload or held file: 422 with the page and its error. */
    Document refused(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString());
    }

    @BeforeEach
    void unit() {
        when(organisation.unit(UNIT)).thenReturn(Optional.of(new Unit("1280", UNIT, "Barn och unga",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(staff.maySeeNames(any(), eq(UNIT))).thenReturn(true);
    }

    @Test
    void thePageListsTheAllowedCodesWithTheirNamesAndLinksTheTemplates() throws Exception {
        Document page = page(get("/competence/units/{u}/import", UNIT).with(authentication(as(MANAGER))));

        assertThat(page.select("#codes-role tbody tr").eachText()).containsExactly(
                "social-worker Socialsekreterare", "assistant-nurse Undersköterska", "care-assistant Vårdbiträde",
                "case-officer Biståndshandläggare", "manager Chef", "other Annan yrkesroll");
        assertThat(page.select("#codes-employment tbody tr td code").eachText())
                .containsExactly("permanent", "temporary", "agency");
        assertThat(page.select("#codes-employment tbody tr").first().text()).isEqualTo("permanent Tillsvidare");
        assertThat(page.select("#codes-degrees tbody tr").first().text()).isEqualTo("socionom Socionomexamen");
        assertThat(page.select("#codes-supplementary tbody tr").first().text()).isEqualTo("social-work socialt arbete");
        assertThat(page.select("#codes-tasks tbody tr").eachText()).contains("investigate Utreda och bedöma behov");
        assertThat(page.select("#codes-titles tbody tr").eachText()).containsExactly("underskoterska Undersköterska");
        assertThat(page.selectFirst("#import-notation").text()).isEqualTo("De fem första kolumnerna krävs. Listor skrivs "
                + "med semikolon mellan posterna; koderna är desamma som i API:t. En examen skrivs som sin kod, eventuellt "
                + "med de delar den omfattar inom hakparentes och plustecken emellan: socionom eller "
                + "socionom[social-work+social-law]. En utbildning skrivs som sin kod och slutdatum: slug@2025-09-01.");
        assertThat(page.selectFirst("#template-csv").attr("href")).isEqualTo("/competence/import/template.csv");
        assertThat(page.selectFirst("#template-json").attr("href")).isEqualTo("/competence/import/template.json");
    }

    static final String TEMPLATE_CSV = "employee_number,name,role,employment,start_date,end_date,prior_years,degrees,"
            + "supplementary,trainings,tasks,titles\n"
            + "A1001,Anna Exempel,social-worker,permanent,2024-01-15,,2,socionom[social-work+social-law],,,investigate;follow-up,\n";

    @Test
    void theTemplatesHoldTheHeaderAndOneExampleRow() throws Exception {
        var csv = mvc.perform(get("/competence/import/template.csv").with(authentication(as(MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(TEMPLATE_CSV);
        assertThat(csv.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"samsyn-personal.csv\"");

        String json = mvc.perform(get("/competence/import/template.json").with(authentication(as(MANAGER))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"employee_number\" : \"A1001\"", "\"degrees\" : \"socionom[social-work+social-law]\"");
    }

    @Test
    void aGoodDryRunOffersImportNowWhichStoresExactlyTheHeldFile() throws Exception {
        List<byte[]> seen = new ArrayList<>();
        when(staff.importStaff(eq(MANAGER), eq(UNIT), any(), eq(TabularFile.Format.CSV), anyBoolean()))
                .thenAnswer(call -> {
                    seen.add(((InputStream) call.getArgument(2)).readAllBytes());
                    boolean dry = call.getArgument(4);
                    return new ImportReport(dry ? "valid" : "imported", 1, 1, 0, 0, 0, List.of(), 0);
                });
        byte[] file = TEMPLATE_CSV.getBytes(StandardCharsets.UTF_8);
        Document dry = page(multipart("/competence/units/{u}/import", UNIT)
                .file(new MockMultipartFile("file", "personal.csv", "text/csv", file)).param("dryRun", "true")
                .with(authentication(as(MANAGER))).with(csrf()));
        Element held = dry.selectFirst("form#import-held");
        assertThat(held.attr("action")).isEqualTo("/competence/units/1280-IFO-BU/import/held");
        assertThat(held.attr("data-confirm")).isEqualTo("Importera personal.csv nu? Raderna sparas.");
        assertThat(held.hasAttr("data-busy")).isTrue();
        assertThat(held.selectFirst(".busy-text")).isNotNull();
        assertThat(held.selectFirst("#import-now").text()).isEqualTo("Importera nu");
        String token = held.selectFirst("input[name=token]").attr("value");

        Document done = page(post("/competence/units/{u}/import/held", UNIT).param("token", token)
                .with(authentication(as(MANAGER))).with(csrf()));
        assertThat(done.selectFirst("#result-heading").text()).isEqualTo("Resultat för personal.csv");
        assertThat(done.selectFirst("#import-result p[role=status]").text()).isEqualTo("Inläst: 1 rad, 1 ny, 0 ändrade, 0 oförändrade.");
        assertThat(done.selectFirst("form#import-held")).isNull();
        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(file);
        verify(staff).importStaff(eq(MANAGER), eq(UNIT), any(), eq(TabularFile.Format.CSV), eq(false));

        Document again = refused(post("/competence/units/{u}/import/held", UNIT).param("token", token)
                .with(authentication(as(MANAGER))).with(csrf()));
        assertThat(again.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        assertThat(seen).as("a token is used once").hasSize(2);
    }

    @Test
    void aHeldFileOfOneUnitIsNotImportedIntoAnother() throws Exception {
        when(staff.importStaff(eq(MANAGER), eq(UNIT), any(), any(), eq(true)))
                .thenReturn(new ImportReport("valid", 1, 1, 0, 0, 0, List.of(), 0));
        String token = page(multipart("/competence/units/{u}/import", UNIT)
                .file(new MockMultipartFile("file", "personal.csv", "text/csv", TEMPLATE_CSV.getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true").with(authentication(as(MANAGER))).with(csrf()))
                .selectFirst("input[name=token]").attr("value");
        when(organisation.unit("1280-IFO-VUX")).thenReturn(Optional.of(new Unit("1280", "1280-IFO-VUX", "Vuxna",
                Set.of(FocusArea.CHILDREN_YOUTH), true)));
        when(staff.maySeeNames(any(), eq("1280-IFO-VUX"))).thenReturn(true);

        Document page = refused(post("/competence/units/{u}/import/held", "1280-IFO-VUX").param("token", token)
                .with(authentication(as(MANAGER))).with(csrf()));
        assertThat(page.selectFirst("p.flash.error").text()).startsWith("Filen från provkörningen finns inte längre kvar");
        verify(staff, never()).importStaff(any(), any(), any(), any(), eq(false));
    }

    @Test
    void aRejectedDryRunHoldsNothingAndNamesAnImpossibleDate() throws Exception {
        when(staff.importStaff(eq(MANAGER), eq(UNIT), any(), any(), eq(true))).thenReturn(new ImportReport("rejected",
                1, 0, 0, 0, 0, List.of(new FileProblem(null, 2, "start_date", "import.error.date-invalid", List.of())), 1));
        Document page = refused(multipart("/competence/units/{u}/import", UNIT)
                .file(new MockMultipartFile("file", "personal.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
                .param("dryRun", "true").with(authentication(as(MANAGER))).with(csrf()));
        assertThat(page.selectFirst("#import-result p[role=status]").text())
                .isEqualTo("Filen avvisades: 1 fel i filens enda rad. Inget har sparats.");
        assertThat(page.select("#import-errors tbody tr td").eachText()).containsExactly("2", "start_date",
                "Ogiltigt datum: den dagen finns inte i kalendern. Kontrollera månad och dag.");
        assertThat(page.selectFirst("form#import-held")).isNull();
    }
}
