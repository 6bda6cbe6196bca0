package se.samsyn.comparison.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static se.samsyn.SignedIn.as;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.WebSliceTest;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Direction;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.IndicatorKind;
import se.samsyn.comparison.IndicatorRejected;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.MeasureType;
import se.samsyn.comparison.MeasureUnit;
import se.samsyn.comparison.QualityDimension;
import se.samsyn.comparison.Template;
import se.samsyn.followup.Catalogue;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Rejected;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The comparison pages on the web layer alone: the indicator list filtered by focus area, the
 * definition form kept from those who may not manage indicators (the controller checks), and a
 * refused definition shown on the form in Swedish per field.
 */
@WebSliceTest(ComparisonPages.class)
@ComparisonWebMocks
class ComparisonPagesWebTests {

    static final Actor NATIONAL = new Actor("nationell", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor MUNICIPAL = new Actor("kommunal", Role.MUNICIPAL_ANALYST, Scope.municipality("1280"));

    @Autowired
    MockMvc mvc;

    @Autowired
    Indicators indicators;
    @Autowired
    Comparisons comparisons;
    @Autowired
    Organisation organisation;
    @MockitoBean
    Catalogue catalogue;
    @Autowired
    se.samsyn.comparison.SimilarMunicipalities similar;

    /** Mid-June 2026 in Sweden: 2026 is the current, unfinished year. */
    @org.springframework.test.context.bean.override.convention.TestBean
    java.time.Clock clock;

    static java.time.Clock clock() {
        return java.time.Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), java.time.ZoneOffset.UTC);
    }

    static Indicator indicator(String id, String title, String focusArea) {
        return new Indicator(id, title, title, null, null, focusArea, IndicatorKind.QUALITY,
                QualityDimension.PERSON_CENTRED, MeasureType.RESULT, MeasureUnit.PERCENT, Direction.HIGHER_BETTER,
                Indicator.ORIGIN_FOLLOWUP, Template.IMPROVED_SHARE, "who5", null, null, null, null, null, null, true,
                LocalDate.of(2025, 3, 1), true, "analyst", Instant.parse("2025-03-01T08:00:00Z"), null);
    }

    @Test
    void theListShowsTheIndicatorsOfTheChosenFocusArea() throws Exception {
        when(indicators.visible(MUNICIPAL)).thenReturn(List.of(indicator("U31001", "Förbättrade", "substance-use"),
                indicator("U31002", "Tryggare", "violence")));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons").param("focusArea", "substance-use")
                        .with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#indicator-list caption").text()).isEqualTo("Indikatorer (1)");
        assertThat(page.select("#indicator-list tbody tr")).hasSize(1);
        assertThat(page.select("#indicator-list tbody tr td").eachText().subList(0, 6)).containsExactly("U31001",
                "Förbättrade", "Kvalitetsindikator", "Missbruk och beroende", "Procent (%)", "Samsyn uppföljning");
        assertThat(page.selectFirst("#define-indicator")).isNull();
    }

    @Test
    void onlyThoseWhoManageIndicatorsGetTheDefinitionForm() throws Exception {
        when(indicators.mayManage(MUNICIPAL)).thenReturn(false);
        mvc.perform(get("/comparisons/indicators/new").with(as(MUNICIPAL)))
                .andExpect(status().isForbidden());
        verify(catalogue, never()).instruments();
    }

    @Test
    void aRefusedDefinitionIsShownOnTheFormPerField() throws Exception {
        when(indicators.mayManage(NATIONAL)).thenReturn(true);
        when(indicators.define(eq(NATIONAL), any())).thenThrow(new IndicatorRejected(List.of(
                new Rejected.Problem("titleEn", "comparison.error.title"))));
        Document page = Jsoup.parse(mvc.perform(post("/comparisons/indicators").param("id", "U31009")
                        .param("titleSv", "Andel").param("titleEn", "").param("template", "improved-share")
                        .with(as(NATIONAL)).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Definiera en indikator ur uppföljningsdata");
        assertThat(page.select("#define-errors li").eachText()).containsExactly("Titel på engelska: Titel saknas.");
        assertThat(page.selectFirst("#id").attr("value")).isEqualTo("U31009");
        assertThat(page.selectFirst("#titleSv").attr("value")).isEqualTo("Andel");
    }

    @Test
    void theDefinitionFormStartsUnpublishedAndShowsOnlyTheChosenTemplatesFields() throws Exception {
        when(indicators.mayManage(NATIONAL)).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/new").with(as(NATIONAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#published").hasAttr("checked")).isFalse();
        assertThat(page.select("[data-template-field]:not([hidden])").eachAttr("data-template-field"))
                .containsExactly("instrumentCode", "interventionCode");
        assertThat(page.selectFirst("#template option[value=clients-per-1000]").attr("data-fields"))
                .isEqualTo("ageBand filterFocusArea");
        assertThat(page.selectFirst("#show-template-fields").attr("formaction")).isEqualTo("/comparisons/indicators/new");
        assertThat(page.selectFirst("#show-template-fields").attr("formmethod")).isEqualTo("get");
    }

    @Test
    void choosingATemplateWithoutJavaScriptShowsItsFieldsAndKeepsWhatWasTyped() throws Exception {
        when(indicators.mayManage(NATIONAL)).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/new").param("template", "clients-per-1000")
                        .param("id", "S00200").param("titleSv", "Klienter").param("titleEn", "Clients")
                        .param("kind", "key-figure").param("direction", "neutral").with(as(NATIONAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("[data-template-field]:not([hidden])").eachAttr("data-template-field"))
                .containsExactly("ageBand", "filterFocusArea");
        assertThat(page.selectFirst("#id").attr("value")).isEqualTo("S00200");
        assertThat(page.selectFirst("#titleSv").attr("value")).isEqualTo("Klienter");
        assertThat(page.selectFirst("#titleEn").attr("value")).isEqualTo("Clients");
        assertThat(page.selectFirst("#template option[selected]").attr("value")).isEqualTo("clients-per-1000");
        assertThat(page.selectFirst("#kind option[selected]").attr("value")).isEqualTo("key-figure");
        assertThat(page.selectFirst("#published").hasAttr("checked")).isFalse();
    }

    private static se.samsyn.comparison.ResultRow cell(String area, String kind, String gender, Double value, Integer n,
                                                       String status) {
        return new se.samsyn.comparison.ResultRow("U31001", area, kind, 2024, gender, null, null, value, n, status, null);
    }

    static final se.samsyn.organisation.Municipality MALMO = new se.samsyn.organisation.Municipality("1280", "Malmö",
            "Malmö kommun", "12", "Skåne län", "A1", "Storstäder", 357377, 2024, 4.1);
    static final se.samsyn.organisation.Municipality LUND = new se.samsyn.organisation.Municipality("1281", "Lund",
            "Lunds kommun", "12", "Skåne län", "A2", "Pendlingskommun nära storstad", 128000, 2024, 3.0);

    /**
     * A primary cell (Malmö's 3 women) and a secondary one (Lund's 5 women, hidden to protect
     * Malmö's in the region) read as the table gives them, published: both show the same "..",
     * with the same reason, so the page does not tell a reader that Malmö's count is 1–4 (ADR 0015).
     */
    @Test
    void aPrimaryAndASecondaryCellShowTheSameReason() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        se.samsyn.comparison.ResultRow primary = new se.samsyn.comparison.ResultRow("U31001", "1280", "municipality",
                2024, "K", 1.0, 3.0, 33.3, 3, se.samsyn.comparison.ResultRow.SUPPRESSED, null,
                se.samsyn.comparison.ResultRow.PRIMARY);
        se.samsyn.comparison.ResultRow secondary = new se.samsyn.comparison.ResultRow("U31001", "1281", "municipality",
                2024, "K", 2.0, 5.0, 40.0, 5, se.samsyn.comparison.ResultRow.SUPPRESSED, null,
                se.samsyn.comparison.ResultRow.SECONDARY);
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("K"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "K", List.of(2024), List.of(
                        new Comparisons.MunicipalityResult(MALMO, primary.published(), null),
                        new Comparisons.MunicipalityResult(LUND, secondary.published(), null)),
                        null, List.of(), List.of()));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("gender", "K")
                        .with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        String hidden = "skyddat värde: för få personer (primär sekretess) eller dolt för att skydda en annan cell"
                + " (sekundär sekretess)";
        assertThat(page.select("#indicator-table tbody tr td:eq(1)").eachText())
                .containsExactly(".. " + hidden, ".. " + hidden);
        assertThat(page.select("#indicator-table tbody tr td:eq(1) .symbol").eachAttr("title"))
                .containsExactly(hidden, hidden);
        assertThat(primary.published().suppression()).isNull();
        assertThat(secondary.published()).isEqualTo(new se.samsyn.comparison.ResultRow("U31001", "1281", "municipality",
                2024, "K", null, null, null, null, se.samsyn.comparison.ResultRow.SUPPRESSED, null, null));
    }

    @Test
    void everySymbolCarriesItsReasonAndHiddenWomenAreExplainedWithALinkToSecondarySuppression() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("K"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "K", List.of(2024), List.of(
                        new Comparisons.MunicipalityResult(MALMO, cell("1280", "municipality", "K", null, null,
                                se.samsyn.comparison.ResultRow.SUPPRESSED), null),
                        new Comparisons.MunicipalityResult(LUND, cell("1281", "municipality", "K", null, null,
                                se.samsyn.comparison.ResultRow.MISSING), null)),
                        null, List.of(new Comparisons.GroupValue("A1", "Storstäder", null, null, 0)), List.of()));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("gender", "K")
                        .param("county", "12").param("group", "A1").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        String hidden = "skyddat värde: för få personer (primär sekretess) eller dolt för att skydda en annan cell"
                + " (sekundär sekretess)";
        String none = "inga data: inget värde för året, eller inga publicerade värden att räkna på";
        assertThat(page.select("#indicator-table tbody tr td:eq(1) .symbol").eachAttr("title"))
                .containsExactly(hidden, none);
        assertThat(page.select("#indicator-table tbody tr td:eq(1) .symbol [aria-hidden]").eachText())
                .containsExactly("..", "-");
        assertThat(page.select("#indicator-table tbody tr td:eq(1) .symbol .visually-hidden").eachText())
                .containsExactly(hidden, none);
        assertThat(page.select("#nation-value .symbol").attr("title")).isEqualTo(none);
        assertThat(page.select("#group-table tbody td .symbol").eachAttr("title")).containsExactly(none, none);
        assertThat(page.selectFirst("#sex-hidden-note").text()).startsWith("Där kvinnor (K) eller män (M) visar \"..\"")
                .endsWith("Så fungerar sekundär sekretess");
        assertThat(page.selectFirst("#sex-hidden-note a").attr("href")).isEqualTo("/om/sekretess#secondary");
        assertThat(page.selectFirst("#map-grey").text()).startsWith("Kartan är grå eftersom ingen kommun har ett värde");
        assertThat(page.selectFirst("#map-grey a").attr("href")).isEqualTo("/om/sekretess#map");
        // every export link carries the page's year, sex and filters
        assertThat(page.selectFirst("#export-xlsx").attr("href"))
                .isEqualTo("/comparisons/indicators/U31001.xlsx?year=2024&gender=K&county=12&group=A1");
        assertThat(page.selectFirst("#export-csv").attr("href"))
                .isEqualTo("/comparisons/indicators/U31001.csv?year=2024&gender=K&county=12&group=A1");
        assertThat(page.selectFirst("#export-csv-all-years").attr("href")).isEqualTo("/comparisons/indicators/U31001.csv");
    }

    /**
     * The symbols line at the top and the source line give both reasons for "..", as the legend under
     * the tables does: too small a base, or hidden so that another protected value cannot be worked out.
     */
    @Test
    void theSymbolsLineAndTheSourceLineGiveBothReasonsForHiding() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(
                        new Comparisons.MunicipalityResult(MALMO, cell("1280", "municipality", "T", null, null,
                                se.samsyn.comparison.ResultRow.SUPPRESSED), null)),
                        null, List.of(), List.of()));
        Document sv = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(sv.select("p.note > span").eachText()).contains("Symboler: .. = skyddat: underlaget är för litet, "
                + "eller dolt så att ett annat skyddat värde inte kan räknas fram, - = uppgift saknas, . = ej tillämpligt.");
        assertThat(sv.selectFirst("p.source").text()).isEqualTo("Källa: Samsyns individbaserade uppföljning, "
                + "sammanställd per kommun. Underlag under 5 visas som \"..\", och fler värden visas som \"..\" så att "
                + "ett skyddat värde inte kan räknas fram ur de visade.");
        Document en = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("lang", "en")
                        .with(as(MUNICIPAL))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(en.select("p.note > span").eachText()).contains("Symbols: .. = protected: the base is too small, "
                + "or hidden so that another protected value cannot be worked out, - = missing, . = not applicable.");
        assertThat(en.selectFirst("p.source").text()).isEqualTo("Source: Samsyn individual-level follow-up, compiled "
                + "per municipality. Bases under 5 are shown as \"..\", and more values are shown as \"..\" so that a "
                + "protected value cannot be worked out from those shown.");
    }

    /**
     * The kommungrupp table has one legend under it that explains the symbols it shows: ".." and "-" when
     * A1 is hidden and A2 has no value; only "-" when A1 shows and A2 has no value; none when every value shows.
     */
    @Test
    void theKommungruppTableHasOneLegendUnderItForTheSymbolsItShows() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(), null, List.of(
                        new Comparisons.GroupValue("A1", "Storstäder", cell("A1", "group", "T", null, null,
                                se.samsyn.comparison.ResultRow.SUPPRESSED), null, 0),
                        new Comparisons.GroupValue("A2", "Pendlingskommun nära storstad", null, null, 0)), List.of()));
        Document sv = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(sv.select("#group-table tbody td .symbol [aria-hidden]").eachText()).containsExactly("..", "-", "-", "-");
        assertThat(notesUnderTheGroupTable(sv)).containsExactly("Tecken i tabellen: \"..\" betyder att värdet skyddas "
                + "för att ingen enskild ska kunna pekas ut (för få personer, eller dolt så att ett annat skyddat värde "
                + "inte kan räknas fram); \"-\" betyder att det inte finns något värde för året.");
        Document en = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("lang", "en")
                .with(as(MUNICIPAL))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(notesUnderTheGroupTable(en)).containsExactly("Symbols in the table: \"..\" means the value is "
                + "protected so that no individual can be singled out (too few people, or hidden so that another "
                + "protected value cannot be worked out); \"-\" means there is no value for the year.");

        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(), null, List.of(
                        new Comparisons.GroupValue("A1", "Storstäder", cell("A1", "group", "T", 40.0, 30,
                                se.samsyn.comparison.ResultRow.OK), 40.0, 1),
                        new Comparisons.GroupValue("A2", "Pendlingskommun nära storstad", null, null, 0)), List.of()));
        Document shown = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(shown.select("#group-table tbody td .symbol [aria-hidden]").eachText()).containsExactly("-", "-");
        assertThat(notesUnderTheGroupTable(shown)).containsExactly(
                "Tecken i tabellen: \"-\" betyder att det inte finns något värde för året.");
        Document shownEn = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("lang", "en")
                .with(as(MUNICIPAL))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(notesUnderTheGroupTable(shownEn)).containsExactly(
                "Symbols in the table: \"-\" means there is no value for the year.");
        // the region table beside it follows the same rule: no rows, no symbols, so no legend under it
        assertThat(shown.select("#region-legend")).isEmpty();
        assertThat(sv.select("#region-legend")).isEmpty();
        assertThat(sv.select("p.table-legend")).hasSize(2); // under the municipality table and the kommungrupp table

        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(), null, List.of(), List.of(
                        new Comparisons.GroupValue("09", "Gotlands län", cell("09", "region", "T", null, null,
                                se.samsyn.comparison.ResultRow.SUPPRESSED), null, 0))));
        Document region = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(region.select("#group-legend")).isEmpty();
        assertThat(region.selectFirst("#region-legend").text()).startsWith("Tecken i tabellen: \"..\" betyder");
        assertThat(region.selectFirst("#region-legend").text()).endsWith("räknas fram); \"-\" betyder att det inte "
                + "finns något värde för året."); // the hidden aggregate and the missing member mean

        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(), null, List.of(), List.of(
                        new Comparisons.GroupValue("09", "Gotlands län", cell("09", "region", "T", 40.0, 30,
                                se.samsyn.comparison.ResultRow.OK), 40.0, 1))));
        Document allShown = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(allShown.select("#region-table .symbol")).isEmpty();
        assertThat(allShown.select("#region-legend")).isEmpty();
    }

    /** The texts of the symbol legends after the kommungrupp table, within its section. */
    private static List<String> notesUnderTheGroupTable(Document page) {
        List<String> notes = new java.util.ArrayList<>();
        for (org.jsoup.nodes.Element e = page.selectFirst("#group-table").parent().nextElementSibling(); e != null;
                e = e.nextElementSibling()) {
            if (e.tagName().equals("p") && e.hasClass("table-legend")) {
                notes.add(e.text());
            }
        }
        return notes;
    }

    @Test
    void theTotalsPageHasNoNoteOnHiddenWomenAndMen() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(
                        new Comparisons.MunicipalityResult(MALMO, cell("1280", "municipality", "T", 42.0, 30,
                                se.samsyn.comparison.ResultRow.OK), 1)),
                        cell("0000", "nation", "T", 40.0, 900, se.samsyn.comparison.ResultRow.OK), List.of(), List.of()));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#sex-hidden-note")).isNull();
        assertThat(page.selectFirst("#map-grey")).isNull();
        assertThat(page.selectFirst("#nation-value").text()).isEqualTo("40,0");
        assertThat(page.select("#indicator-table tbody td:eq(1)").text()).isEqualTo("42,0");
    }

    @Test
    void theColourColumnShowsASwatchAndOneWordWithTheMeaningInItsTitle() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), any(), eq("T"), any(), any())).thenReturn(
                new Comparisons.IndicatorTable(i, 2024, "T", List.of(2024), List.of(
                        new Comparisons.MunicipalityResult(MALMO, new se.samsyn.comparison.ResultRow("U31001", "1280",
                                "municipality", 2024, "T", null, null, 42.0, 30, se.samsyn.comparison.ResultRow.OK, "green"), 1),
                        new Comparisons.MunicipalityResult(LUND, new se.samsyn.comparison.ResultRow("U31001", "1281",
                                "municipality", 2024, "T", null, null, null, null, se.samsyn.comparison.ResultRow.MISSING,
                                "grey"), null)),
                        cell("0000", "nation", "T", 40.0, 900, se.samsyn.comparison.ResultRow.OK), List.of(), List.of()));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#indicator-table thead th:eq(4)").text()).isEqualTo("Färg");
        assertThat(page.select("#indicator-table tbody td.colour-cell").eachText()).containsExactly("Grön", "Grå");
        assertThat(page.select("#indicator-table tbody td.colour-cell .colour-word").eachAttr("title"))
                .containsExactly("Grön: bland de bästa", "Grå: inget värde som får visas (saknas eller skyddat)");
        assertThat(page.select("#indicator-table tbody td.colour-cell .colour-swatch").eachAttr("class"))
                .containsExactly("colour-swatch swatch-green", "colour-swatch swatch-grey");
        assertThat(page.select("#indicator-table tbody td.colour-cell .colour-swatch").eachAttr("aria-hidden"))
                .containsExactly("true", "true");
        // on a phone each row is one block (phone-rows) whose cells name their column
        assertThat(page.selectFirst("#indicator-table").hasClass("phone-rows")).isTrue();
        assertThat(page.select("#indicator-table tbody tr:eq(0) td[data-label]").eachAttr("data-label"))
                .containsExactly("Värde", "Antal (n)", "Rang", "Län", "Kommungrupp");
    }

    @Test
    void theListLinksToTheExcelAndTheCsvOfTheListedIndicators() throws Exception {
        when(indicators.visible(MUNICIPAL)).thenReturn(List.of(indicator("U31001", "Förbättrade", "substance-use"),
                indicator("U31002", "Tryggare", "violence")));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons").param("focusArea", "violence").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#export-all").attr("href")).isEqualTo("/comparisons/export.xlsx?indicator=U31002");
        assertThat(page.selectFirst("#export-all-csv").attr("href")).isEqualTo("/comparisons/export.csv?indicator=U31002");
    }

    @Test
    void theProfileExplainsItsSymbolsAndLinksToItsExports() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(organisation.requireMunicipality("1280")).thenReturn(MALMO);
        when(similar.similar(eq(MUNICIPAL), eq("1280"), any(), org.mockito.ArgumentMatchers.anyInt()))
                .thenReturn(new se.samsyn.comparison.SimilarMunicipalities.Result(MALMO, java.util.Map.of(), List.of()));
        when(comparisons.profile(MUNICIPAL, "1280", List.of())).thenReturn(List.of(new Comparisons.ProfileLine(i, 2024,
                cell("1280", "municipality", "T", null, null, se.samsyn.comparison.ResultRow.SUPPRESSED), 40.04, null,
                null, cell("0000", "nation", "T", 40.0, 900, se.samsyn.comparison.ResultRow.OK), List.of())));
        Document page = Jsoup.parse(mvc.perform(get("/comparisons/municipalities/1280").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#profile-table tbody td.num").eachText()).containsExactly("2024",
                ".. skyddat värde: för få personer (primär sekretess) eller dolt för att skydda en annan cell (sekundär sekretess)",
                "40,0", "- inga data: inget värde för året, eller inga publicerade värden att räkna på",
                "- inga data: inget värde för året, eller inga publicerade värden att räkna på", "40,0");
        assertThat(page.selectFirst("#profile-export").attr("href")).isEqualTo("/comparisons/municipalities/1280.xlsx");
        assertThat(page.selectFirst("#profile-export-csv").attr("href")).isEqualTo("/comparisons/municipalities/1280.csv");
        assertThat(page.selectFirst("#profile-export-all").attr("href")).isEqualTo("/comparisons/export.xlsx?indicator=U31001");
        assertThat(page.select("#profile-table tbody td a").first().attr("href"))
                .as("the indicator page opens on the year the profile shows")
                .isEqualTo("/comparisons/indicators/U31001?year=2024&municipality=1280");
    }

    /**
     * The sort order can be chosen in the filter form (on a phone the table's head, with its sort links,
     * is hidden visually): a labelled select with the four orders, the current one selected.
     */
    @Test
    void theFilterFormOffersTheSortOrderForEveryWidth() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), eq(2024), eq("T"), any(), any())).thenReturn(yearTable(i, 2024, 42.0));

        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("year", "2024")
                .param("sort", "rank-desc").with(as(MUNICIPAL))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("form label[for=sort]").text()).isEqualTo("Sortera");
        assertThat(page.select("form select#sort[name=sort] option").eachText())
                .containsExactly("Kommun A–Ö", "Kommun Ö–A", "Rang, 1 först", "Rang, sista först");
        assertThat(page.select("select#sort option[selected]").eachAttr("value")).containsExactly("rank-desc");
        assertThat(page.select("input[type=hidden][name=sort]")).isEmpty();
        Document english = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("year", "2024")
                .param("lang", "en").with(as(MUNICIPAL))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(english.select("select#sort option").eachText())
                .containsExactly("Municipality A–Z", "Municipality Z–A", "Rank, 1 first", "Rank, last first");
        assertThat(english.select("select#sort option[selected]").eachAttr("value")).containsExactly("name");
    }

    /** An indicator without any stored year shows an empty table and no note about the year under way. */
    @Test
    void anIndicatorWithoutStoredYearsSaysNothingAboutTheCurrentYear() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), org.mockito.ArgumentMatchers.isNull(), eq("T"), any(), any()))
                .thenReturn(new Comparisons.IndicatorTable(i, 2026, "T", List.of(), List.of(), null, List.of(), List.of()));

        Document page = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#year-note")).isEmpty();
        assertThat(page.text()).doesNotContain("pågår fortfarande");
    }

    private static Comparisons.IndicatorTable yearTable(Indicator i, int year, Double malmo) {
        se.samsyn.comparison.ResultRow row = malmo == null
                ? new se.samsyn.comparison.ResultRow("U31001", "1280", "municipality", year, "T", null, null, null, null,
                        se.samsyn.comparison.ResultRow.SUPPRESSED, null)
                : new se.samsyn.comparison.ResultRow("U31001", "1280", "municipality", year, "T", null, null, malmo, 30,
                        se.samsyn.comparison.ResultRow.OK, null);
        return new Comparisons.IndicatorTable(i, year, "T", List.of(2023, 2024, 2025, 2026),
                List.of(new Comparisons.MunicipalityResult(MALMO, row, malmo == null ? null : 1)), null, List.of(), List.of());
    }

    /**
     * Without a year the page opens on the latest finished year with a shown value (2024: 2026 is
     * under way and 2025 shows nothing), says so, and says that the current year is incomplete
     * when it is picked.
     */
    @Test
    void thePageOpensOnTheLatestFinishedYearWithPublishedResultsAndCallsTheCurrentYearIncomplete() throws Exception {
        Indicator i = indicator("U31001", "Förbättrade", "substance-use");
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), org.mockito.ArgumentMatchers.isNull(), eq("T"), any(), any()))
                .thenReturn(yearTable(i, 2026, 12.5));
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), eq(2026), eq("T"), any(), any())).thenReturn(yearTable(i, 2026, 12.5));
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), eq(2025), eq("T"), any(), any())).thenReturn(yearTable(i, 2025, null));
        when(comparisons.table(eq(MUNICIPAL), eq("U31001"), eq(2024), eq("T"), any(), any())).thenReturn(yearTable(i, 2024, 42.0));

        Document opened = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(opened.select("#year option[selected]").eachText()).containsExactly("2024");
        assertThat(opened.select("#year-note").eachText()).containsExactly("Sidan visar 2024, det senaste avslutade året "
                + "med publicerade resultat. 2026 pågår fortfarande: väljer du det året är siffrorna ofullständiga, "
                + "eftersom de bara gäller året hittills.");
        assertThat(opened.select("#indicator-table tbody td:eq(1)").text()).isEqualTo("42,0");
        assertThat(opened.selectFirst("#export-xlsx").attr("href")).isEqualTo("/comparisons/indicators/U31001.xlsx?year=2024&gender=T&county=&group=");

        Document current = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("year", "2026").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(current.select("#year option[selected]").eachText()).containsExactly("2026");
        assertThat(current.select("#year-note").eachText()).containsExactly(
                "2026 pågår fortfarande: siffrorna gäller bara året hittills och är ofullständiga.");
        assertThat(current.select("#indicator-table tbody td:eq(1)").text()).isEqualTo("12,5");

        Document english = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("lang", "en").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(english.select("#year-note").eachText()).containsExactly("The page shows 2024, the latest finished year "
                + "with published results. 2026 is still under way: if you choose that year, its figures are incomplete "
                + "because they cover only the year so far.");

        Document earlier = Jsoup.parse(mvc.perform(get("/comparisons/indicators/U31001").param("year", "2024").with(as(MUNICIPAL)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(earlier.select("#year-note")).as("a finished year the reader picked needs no note").isEmpty();
    }
}
