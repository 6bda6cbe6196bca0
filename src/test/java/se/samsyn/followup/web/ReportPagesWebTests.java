package se.samsyn.followup.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.samsyn.followup.Catalogue;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.ScoringRule;
import se.samsyn.followup.LifeArea;
import se.samsyn.followup.NeedsReport;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.OutcomeReport.Cell;
import se.samsyn.followup.OutcomeReports;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The outcome report page on its own: the whole page on a plain request, only the results
 * fragment when htmx sends the filter form, and what the table and the needs show; the Excel
 * export read back cell by cell.
 */
@WebSliceTest(ReportPages.class)
class ReportPagesWebTests {

    private static final Actor ANALYST = new Actor("analytiker", Role.MUNICIPAL_ANALYST, Scope.municipality("1880"));
    private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 12, 31);


    @Autowired
    MockMvc mvc;

    @MockitoBean
    se.samsyn.followup.PublishedCounts published;
    @MockitoBean
    OutcomeReports reports;
    @MockitoBean
    Catalogue catalogue;
    @MockitoBean
    Organisation organisation;

    /** Today is 2 December 2026 in Sweden: the year 2026 is not over, 2025 is the last completed one. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class Today {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock fixedClock() {
            return java.time.Clock.fixed(java.time.Instant.parse("2026-12-02T09:00:00Z"), java.time.ZoneOffset.UTC);
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void everyScopeExists() {
        when(organisation.exists(any())).thenReturn(true);
    }

    private static Map<String, Cell> cells(Cell total, Cell women, Cell men) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        cells.put("T", total);
        cells.put("K", women);
        cells.put("M", men);
        return cells;
    }

    private void reportsGiven() {
        Cell hidden = new Cell(null, null, null, null, null, true);
        OutcomeReport report = new OutcomeReport("who5", "WHO-5", true, 10, FROM, TO, Scope.municipality("1880"),
                true, 5, List.of(
                new OutcomeReport.Row("HF", "Housing First", cells(new Cell(12, 40.0, 56.5, 16.0, 58.3, false), hidden,
                        hidden)),
                new OutcomeReport.Row(null, null, cells(new Cell(12, 40.0, 56.5, 16.0, 58.3, false), hidden, hidden))),
                new OutcomeReport.Distribution(List.of("0-20", "20-40"), List.of(5, 7), List.of(2, 10)), false);
        when(catalogue.instruments()).thenReturn(List.of(new Instrument("who5", "WHO-5", "WHO-5",
                ScoringRule.SUM, 4, 0, 100, true, 10, "WHO", List.of())));
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.municipality("1880")))).thenReturn(report);
        when(reports.needs(any(), eq(Scope.municipality("1880")))).thenReturn(new NeedsReport(Scope.municipality("1880"),
                true, List.of(new NeedsReport.AreaRow(LifeArea.SECURITY, java.util.Arrays.asList(6, null, 3, 0, 0))),
                goals()));
    }

    /** Goal attainment with one hidden count (null), as the report gives it for a small count. */
    private static Map<String, Integer> goals() {
        Map<String, Integer> goals = new java.util.LinkedHashMap<>();
        goals.put("achieved", 1204);
        goals.put("partly-achieved", null);
        return goals;
    }

    private MockHttpServletRequestBuilder report() {
        return get("/followup/reports").param("instrument", "who5").param("year", "2025")
                .with(authentication(SignedIn.authenticationOf(ANALYST)));
    }

    /**
     * A share improved withheld beside its shown n (0 % or 100 % of fewer than 2t clients, ADR 0015)
     * shows as "..", with a note that says why; a share of 58,3 % is shown.
     */
    @Test
    void aWithheldExtremeShareShowsAsProtectedWithANote() throws Exception {
        Cell hidden = new Cell(null, null, null, null, null, true);
        OutcomeReport report = new OutcomeReport("who5", "WHO-5", true, 10, FROM, TO, Scope.municipality("1880"),
                true, 5, List.of(
                new OutcomeReport.Row("HF", "Housing First", cells(new Cell(7, 40.0, 60.0, 20.0, null, false), hidden,
                        hidden)),
                new OutcomeReport.Row(null, null, cells(new Cell(12, 40.0, 56.5, 16.0, 58.3, false), hidden, hidden))),
                new OutcomeReport.Distribution(List.of("0-20", "20-40"), List.of(5, 7), List.of(2, 10)), false);
        reportsGiven();
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.municipality("1880")))).thenReturn(report);
        Document page = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("#extreme-share-note").text()).isEqualTo("En andel förbättrade på 0 % eller 100 % av "
                + "färre än 10 klienter visas som \"..\": den skulle säga om var och en av dem förbättrades (samma regel "
                + "som i de öppna jämförelserna).");
        Element housingFirst = page.select("tr").stream().filter(tr -> tr.text().startsWith("Housing First"))
                .findFirst().orElseThrow();
        assertThat(housingFirst.select("td").get(1).text()).isEqualTo("7");
        assertThat(housingFirst.select("td").get(5).text()).startsWith("..");
        assertThat(page.html()).contains("58,3 %");
    }

    @Test
    void aPlaceThatDoesNotExistIsRefusedWith422InWordsAndTheFiltersAreKept() throws Exception {
        reportsGiven();
        when(organisation.exists(Scope.municipality("1899"))).thenReturn(false);
        Document page = Jsoup.parse(mvc.perform(report().param("code", "1899"))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#report-results p.flash.error").text())
                .isEqualTo("Det finns ingen sådan enhet, kommun eller region. Välj en i listan.");
        assertThat(page.selectFirst("#year option[selected]").text()).isEqualTo("2025");
        assertThat(page.selectFirst("#code").attr("aria-invalid")).isEqualTo("true");
        verify(reports, org.mockito.Mockito.never()).outcomes(any(), any(), any(), any(), any());
    }

    /**
     * A region's report is the one computed in the background and stored, so the page says when
     * its clients were read (Swedish time); before the first computation it says that plainly.
     */
    @Test
    void aStoredReportSaysWhenItsFiguresAreFromAndAMissingOneSaysItIsNotComputedYet() throws Exception {
        reportsGiven();
        Document municipality = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(municipality.select("#stored-note")).isEmpty();

        Actor regional = new Actor("region", Role.REGIONAL_ANALYST, Scope.region("12"));
        when(reports.outcomesAsOf()).thenReturn(java.util.Optional.of(java.time.Instant.parse("2026-03-02T09:15:00Z")));
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), any())).thenReturn(new OutcomeReport("who5", "WHO-5",
                true, 10, FROM, TO, Scope.region("12"), true, 5, List.of(new OutcomeReport.Row(null, null,
                cells(new Cell(0, null, null, null, null, false), new Cell(0, null, null, null, null, false),
                        new Cell(0, null, null, null, null, false)))),
                new OutcomeReport.Distribution(List.of(), List.of(), List.of()), true));
        Document region = Jsoup.parse(mvc.perform(get("/followup/reports").param("instrument", "who5").param("year", "2025")
                        .with(authentication(SignedIn.authenticationOf(regional))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(region.selectFirst("#stored-note").text()).isEqualTo("Siffrorna utanför den egna enheten beräknas "
                + "i bakgrunden och gäller uppgifterna den 2026-03-02 10:15; det som registrerats sedan dess kommer med "
                + "vid nästa beräkning, vanligen inom några minuter.");
        assertThat(region.select("#report-pending")).isEmpty();
        assertThat(region.select("#nation-note")).isEmpty();

        // the nation's report says why it hides more than a region's (ADR 0015, "The nation against its regions")
        Actor national = new Actor("riket", Role.NATIONAL_ANALYST, Scope.nation());
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.nation()))).thenReturn(new OutcomeReport("who5",
                "WHO-5", true, 10, FROM, TO, Scope.nation(), true, 5, List.of(),
                new OutcomeReport.Distribution(List.of(), List.of(), List.of()), true));
        Document nation = Jsoup.parse(mvc.perform(get("/followup/reports").param("instrument", "who5").param("year", "2025")
                        .param("level", "NATION").with(authentication(SignedIn.authenticationOf(national))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(nation.selectFirst("#nation-note").text()).isEqualTo("Riket visar en uppgift bara där varje region "
                + "kan visa den: annars kunde riket minus de övriga regionerna ge en regions dolda siffra. Därför kan "
                + "rikets rapport dölja mer än en enskild kommuns, även när riket har många klienter.");

        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), any()))
                .thenThrow(new se.samsyn.followup.PublishedCountsPending("outcomes"));
        Document pending = Jsoup.parse(mvc.perform(get("/followup/reports").param("instrument", "who5").param("year", "2025")
                        .with(authentication(SignedIn.authenticationOf(regional))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(pending.selectFirst("#report-pending").text()).isEqualTo("Siffrorna utanför den egna enheten har "
                + "inte beräknats än. De beräknas i bakgrunden och finns här inom några minuter.");
        assertThat(pending.select("#outcome-table")).isEmpty();
    }

    @Test
    void aReaderOfSuppressedCountsChoosesAYearAndAnyOtherPeriodIsRefusedWith422AndTheFormKept() throws Exception {
        reportsGiven();
        Document page = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#from, #to")).isEmpty();
        assertThat(page.selectFirst("label[for=year]").text()).isEqualTo("År");
        assertThat(page.selectFirst("#year option[selected]").text()).isEqualTo("2025");
        assertThat(page.selectFirst("#year-note").text()).isEqualTo("Rapporten visas per kalenderår: två rapporter "
                + "över perioder som överlappar skulle kunna dras från varandra och avslöja skyddade tal.");
        assertThat(page.selectFirst("#excel").attr("href")).contains("from=2025-01-01").contains("to=2025-12-31");

        LocalDate dayLater = LocalDate.of(2025, 1, 2);
        when(reports.outcomes(any(), eq("who5"), eq(dayLater), eq(TO), eq(Scope.municipality("1880"))))
                .thenThrow(new se.samsyn.followup.FollowupRejected("from", "followup.error.period-year"));
        Document refused = Jsoup.parse(mvc.perform(get("/followup/reports").param("instrument", "who5")
                        .param("from", "2025-01-02").param("to", "2025-12-31")
                        .with(authentication(SignedIn.authenticationOf(ANALYST))))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());
        assertThat(refused.selectFirst("#report-results p.flash.error").text()).isEqualTo("Utanför den egna enheten "
                + "visas rapporten bara för ett helt kalenderår, 1 januari till 31 december. Välj ett år. Två rapporter "
                + "över perioder som skiljer sig lite åt skulle annars kunna dras från varandra och avslöja skyddade tal.");
        assertThat(refused.selectFirst("#year option[selected]").text()).isEqualTo("2025");
        assertThat(refused.selectFirst("#year").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#outcome-table")).isEmpty();
    }

    @Test
    void theOwningUnitKeepsFreeDates() throws Exception {
        Actor worker = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("1880-IFO"));
        when(reports.periodsFree(any(), any())).thenReturn(true);
        when(catalogue.instruments()).thenReturn(List.of());
        when(reports.outcomes(any(), eq("who5"), eq(LocalDate.of(2025, 1, 2)), eq(LocalDate.of(2025, 3, 31)),
                eq(Scope.unit("1880-IFO")))).thenReturn(new OutcomeReport("who5", "WHO-5", true, 10,
                LocalDate.of(2025, 1, 2), LocalDate.of(2025, 3, 31), Scope.unit("1880-IFO"), false, 5, List.of(),
                new OutcomeReport.Distribution(List.of(), List.of(), List.of()), false));
        Document page = Jsoup.parse(mvc.perform(get("/followup/reports").param("from", "2025-01-02")
                        .param("to", "2025-03-31").with(authentication(SignedIn.authenticationOf(worker))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.selectFirst("#from").attr("value")).isEqualTo("2025-01-02");
        assertThat(page.selectFirst("#to").attr("value")).isEqualTo("2025-03-31");
        assertThat(page.select("#year")).isEmpty();
        verify(reports).outcomes(any(), eq("who5"), eq(LocalDate.of(2025, 1, 2)), eq(LocalDate.of(2025, 3, 31)),
                eq(Scope.unit("1880-IFO")));
    }

    @Test
    void theFilterFormAsksHtmxForTheResultsOnly() throws Exception {
        reportsGiven();
        String html = mvc.perform(report()).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        Document page = Jsoup.parse(html);
        Element form = page.selectFirst("form.filters");
        assertThat(form).isNotNull();
        assertThat(form.attr("hx-get")).isEqualTo("/followup/reports");
        assertThat(form.attr("hx-target")).isEqualTo("#report-results");
        assertThat(page.select("#report-results #outcome-table")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Utfall per insats");
    }

    /** The scope is a required field, so the filter form explains the red star with the legend, in both languages. */
    @Test
    void theFilterFormExplainsTheRequiredMarker() throws Exception {
        reportsGiven();
        Document sv = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(sv.select("form.filters select[required]")).isNotEmpty();
        assertThat(sv.selectFirst("form.filters .required-legend").text()).isEqualTo("* obligatoriskt fält");
        Document en = Jsoup.parse(mvc.perform(report().param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("form.filters .required-legend").text()).isEqualTo("* required field");
    }

    /** Outside the owning unit the needs say when their stored counts were read, in Swedish time. */
    @Test
    void theStoredNeedsSayAsOfWhen() throws Exception {
        reportsGiven();
        when(published.needsAsOf()).thenReturn(java.util.Optional.of(java.time.Instant.parse("2026-03-02T13:05:00Z")));
        Document fragment = Jsoup.parseBodyFragment(mvc.perform(report().header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(fragment.selectFirst("#needs-as-of").text()).isEqualTo("Siffrorna utanför den egna enheten beräknas "
                + "i bakgrunden och gäller uppgifterna den 2026-03-02 14:05; det som registrerats sedan dess kommer med "
                + "vid nästa beräkning, vanligen inom några minuter.");
        assertThat(fragment.select("#needs-pending")).isEmpty();
    }

    /** Nothing stored yet: the page says so where the needs would be, and the outcome table is still there. */
    @Test
    void needsNotStoredYetAreSaidPlainly() throws Exception {
        reportsGiven();
        when(reports.needs(any(), eq(Scope.municipality("1880"))))
                .thenThrow(new se.samsyn.followup.PublishedCountsPending("needs"));
        Document fragment = Jsoup.parseBodyFragment(mvc.perform(report().header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(fragment.select("#needs-report")).isEmpty();
        assertThat(fragment.selectFirst("#needs-pending").text()).isEqualTo("Siffrorna utanför den egna enheten har "
                + "inte beräknats än. De beräknas i bakgrunden och finns här inom några minuter.");
        assertThat(fragment.select("#outcome-table")).hasSize(1);
    }

    @Test
    void anHtmxRequestGetsTheResultsFragmentWithTheTableAndTheNeeds() throws Exception {
        reportsGiven();
        String html = mvc.perform(report().header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("<html").doesNotContain("<form").doesNotContain("<h1");
        Document fragment = Jsoup.parseBodyFragment(html);
        Element results = fragment.selectFirst("div#report-results");
        assertThat(results).isNotNull();
        List<String> housingFirst = fragment.select("#outcome-table tbody tr").get(0).select("th, td").eachText();
        assertThat(housingFirst).containsExactly("Housing First", "Totalt", "12", "40,0", "56,5", "16,0", "58,3 %");
        List<String> housingFirstWomen = fragment.select("#outcome-table tbody tr").get(1).select("th, td").eachText();
        String hidden = ".. skyddat värde: för få personer (primär sekretess) eller dolt för att skydda en annan cell (sekundär sekretess)";
        assertThat(housingFirstWomen).containsExactly("Housing First", "Kvinnor", hidden, hidden, hidden, hidden, hidden);
        assertThat(fragment.select("#outcome-table tbody tr").get(3).selectFirst("th").text()).isEqualTo("Alla insatser");
        assertThat(fragment.select("#needs-report tbody tr").get(0).select("th, td").eachText())
                .containsExactly("Känsla av trygghet", "6", hidden, "3", "0", "0");
        // the needs do not follow the period chosen, and the page says so
        assertThat(fragment.selectFirst("#needs-period").text()).isEqualTo("Behoven och måluppfyllelsen bygger på varje "
                + "klients senaste bedömning och är desamma vilket år eller vilken period som än väljs ovan.");
        assertThat(fragment.select("dl.facts div").eachText()).containsExactly("Uppnått 1 204", "Delvis uppnått " + hidden);
        assertThat(fragment.selectFirst("canvas#distribution-chart").attr("data-values"))
                .isEqualTo("{\"bins\":[\"0-20\",\"20-40\"],\"baseline\":[5,7],\"followUp\":[2,10]}");
        assertThat(fragment.select("#distribution-hidden, #distribution-some-hidden")).isEmpty();
        verify(reports).needs(any(), eq(Scope.municipality("1880")));
    }

    @Test
    void aDistributionWhoseBinsAreAllHiddenIsExplainedInsteadOfAnEmptyChart() throws Exception {
        reportsGiven();
        Actor regional = new Actor("region", Role.REGIONAL_ANALYST, Scope.region("12"));
        Cell hidden = new Cell(null, null, null, null, null, true);
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), any())).thenReturn(new OutcomeReport("who5", "WHO-5",
                true, 10, FROM, TO, Scope.region("12"), true, 5, List.of(new OutcomeReport.Row(null, null,
                cells(new Cell(7, 40.0, 50.0, 10.0, 57.1, false), hidden, hidden))),
                new OutcomeReport.Distribution(List.of("0-50", "50-100"), java.util.Arrays.asList(null, null),
                        java.util.Arrays.asList(null, null)), true));
        Document page = Jsoup.parse(mvc.perform(get("/followup/reports").param("instrument", "who5").param("year", "2025")
                        .with(authentication(SignedIn.authenticationOf(regional))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("canvas#distribution-chart")).isEmpty();
        assertThat(page.selectFirst("#distribution-hidden").text()).isEqualTo("Fördelningen visas inte här: varje "
                + "poängintervall bygger på för få klienter eller skulle avslöja ett skyddat antal.");

        assertThat(ReportPages.hiddenBins(new OutcomeReport.Distribution(List.of("0-50", "50-100"),
                java.util.Arrays.asList(3, null), List.of(6, 9)))).isEqualTo("some");
        assertThat(ReportPages.hiddenBins(new OutcomeReport.Distribution(List.of("0-50", "50-100"),
                List.of(3, 4), List.of(6, 9)))).isNull();
        // one shown bin of 0 clients and the rest hidden: still no bar to draw
        assertThat(ReportPages.hiddenBins(new OutcomeReport.Distribution(List.of("0-50", "50-100"),
                java.util.Arrays.asList(null, 0), java.util.Arrays.asList(null, null)))).isEqualTo("all");
    }

    /**
     * Without a year the page opens on the last completed calendar year (2025 on 2 December 2026),
     * as the open comparisons do; a chosen year, the current one included, is still shown.
     */
    @Test
    void thePageOpensOnTheLastCompletedYearAndAChosenYearStillWorks() throws Exception {
        reportsGiven();
        Document opened = Jsoup.parse(mvc.perform(get("/followup/reports")
                        .with(authentication(SignedIn.authenticationOf(ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(opened.selectFirst("#year option[selected]").text()).isEqualTo("2025");
        assertThat(opened.selectFirst("#year option").text()).isEqualTo("2026");
        assertThat(opened.selectFirst("#excel").attr("href")).contains("from=2025-01-01").contains("to=2025-12-31");
        verify(reports).outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.municipality("1880")));

        LocalDate from2026 = LocalDate.of(2026, 1, 1);
        LocalDate to2026 = LocalDate.of(2026, 12, 31);
        when(reports.outcomes(any(), eq("who5"), eq(from2026), eq(to2026), eq(Scope.municipality("1880"))))
                .thenReturn(new OutcomeReport("who5", "WHO-5", true, 10, from2026, to2026, Scope.municipality("1880"),
                        true, 5, List.of(), new OutcomeReport.Distribution(List.of(), List.of(), List.of()), false));
        Document chosen = Jsoup.parse(mvc.perform(get("/followup/reports").param("year", "2026")
                        .with(authentication(SignedIn.authenticationOf(ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(chosen.selectFirst("#year option[selected]").text()).isEqualTo("2026");
        assertThat(chosen.selectFirst("#excel").attr("href")).contains("from=2026-01-01").contains("to=2026-12-31");
    }

    /**
     * One legend under the outcome table, not two near-identical ones: it gives both reasons for ".."
     * (too few clients, or hidden so that another protected value cannot be worked out), in Swedish and
     * in English, and it stands exactly once between the table and the distribution's heading.
     */
    @Test
    void theSymbolLegendUnderTheTableGivesBothReasonsForHidingOnce() throws Exception {
        reportsGiven();
        Document sv = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(symbolNotesUnderTheOutcomeTable(sv)).containsExactly("Tecken i tabellen: \"..\" betyder att "
                + "värdet skyddas för att ingen enskild ska kunna pekas ut (för få klienter, eller dolt så att ett "
                + "annat skyddat värde inte kan räknas fram); \"-\" betyder att det inte finns något värde, till "
                + "exempel ingen uppföljning ännu.");
        // the needs table, with one hidden count, explains its symbols too
        assertThat(sv.select("#needs-report").first().parent().nextElementSibling().hasClass("table-legend")).isTrue();
        Document en = Jsoup.parse(mvc.perform(report().param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(symbolNotesUnderTheOutcomeTable(en)).containsExactly("Symbols in the table: \"..\" means the "
                + "value is protected so that no individual can be singled out (too few clients, or hidden so that "
                + "another protected value cannot be worked out); \"-\" means there is no value, for example no "
                + "follow-up yet.");
    }

    /** Tables with a figure in every cell carry no symbol legend; the same page with a hidden cell does (above). */
    @Test
    void tablesWithoutSymbolsCarryNoLegend() throws Exception {
        reportsGiven();
        Cell shown = new Cell(12, 40.0, 56.5, 16.0, 58.3, false);
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.municipality("1880")))).thenReturn(
                new OutcomeReport("who5", "WHO-5", true, 10, FROM, TO, Scope.municipality("1880"), true, 5,
                        List.of(new OutcomeReport.Row(null, null, cells(shown, shown, shown))),
                        new OutcomeReport.Distribution(List.of("0-20", "20-40"), List.of(5, 7), List.of(2, 10)), false));
        when(reports.needs(any(), eq(Scope.municipality("1880")))).thenReturn(new NeedsReport(Scope.municipality("1880"),
                true, List.of(new NeedsReport.AreaRow(LifeArea.SECURITY, List.of(6, 5, 3, 0, 0))), goals()));
        Document page = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(symbolNotesUnderTheOutcomeTable(page)).isEmpty();
        assertThat(page.select(".table-legend")).isEmpty();
        assertThat(page.select("#outcome-table tbody tr")).hasSize(3);
        assertThat(page.select("#needs-report tbody td").eachText()).containsExactly("6", "5", "3", "0", "0");
    }

    /** The texts of the paragraphs after the outcome table, up to the next heading, that explain "..". */
    private static List<String> symbolNotesUnderTheOutcomeTable(Document page) {
        List<String> notes = new java.util.ArrayList<>();
        for (Element e = page.selectFirst("#outcome-table").parent().nextElementSibling();
                e != null && !e.tagName().equals("h2"); e = e.nextElementSibling()) {
            if (e.tagName().equals("p") && e.text().contains("\"..\"")) {
                notes.add(e.text());
            }
        }
        return notes;
    }

    /**
     * A year without data (no client with both measurements, nothing hidden) says so instead of
     * drawing an empty chart.
     */
    @Test
    void aYearWithoutDataSaysSoInsteadOfAnEmptyChart() throws Exception {
        reportsGiven();
        Cell none = new Cell(0, null, null, null, null, false);
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.municipality("1880"))))
                .thenReturn(new OutcomeReport("who5", "WHO-5", true, 10, FROM, TO, Scope.municipality("1880"), true, 5,
                        List.of(new OutcomeReport.Row(null, null, cells(none, none, none))),
                        new OutcomeReport.Distribution(List.of("0-50", "50-100"), List.of(0, 0), List.of(0, 0)), false));
        Document page = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("canvas#distribution-chart")).isEmpty();
        assertThat(page.select("#distribution-hidden, #distribution-some-hidden")).isEmpty();
        assertThat(page.selectFirst("#distribution-none").text()).isEqualTo("Inga uppgifter för perioden: ingen "
                + "klient har både baslinje och uppföljning i den, så det finns ingen fördelning att visa.");
        Document en = Jsoup.parse(mvc.perform(report().param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#distribution-none").text()).isEqualTo("No data for the period: no client has both "
                + "a baseline and a follow-up in it, so there is no distribution to show.");

        assertThat(ReportPages.hiddenBins(new OutcomeReport.Distribution(List.of(), List.of(), List.of())))
                .isEqualTo("none");
    }

    /**
     * The English page and workbook name the instrument (the table's caption, the workbook's facts)
     * and the interventions by the catalogue's English names; the Swedish page keeps the Swedish ones.
     */
    @Test
    void theEnglishPageAndWorkbookNameTheInstrumentAndTheInterventionsInEnglish() throws Exception {
        reportsGiven();
        when(catalogue.instruments()).thenReturn(List.of(new Instrument("who5", "Välbefinnandeindex WHO-5",
                "Well-being index WHO-5", ScoringRule.SUM, 4, 0, 100, true, 10, "WHO", List.of())));
        when(catalogue.interventions()).thenReturn(List.of(new se.samsyn.followup.InterventionType("HF",
                "Bostad först", "Housing First", List.of(), null, true)));
        OutcomeReport report = new OutcomeReport("who5", "Välbefinnandeindex WHO-5", true, 10, FROM, TO,
                Scope.municipality("1880"), true, 5, List.of(new OutcomeReport.Row("HF", "Bostad först",
                cells(new Cell(12, 40.0, 56.5, 16.0, 58.3, false), new Cell(6, 40.0, 50.0, 10.0, 50.0, false),
                        new Cell(6, 40.0, 60.0, 20.0, 66.7, false)))),
                new OutcomeReport.Distribution(List.of("0-20", "20-40"), List.of(5, 7), List.of(2, 10)), false);
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.municipality("1880")))).thenReturn(report);

        Document en = Jsoup.parse(mvc.perform(report().param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(en.selectFirst("#outcome-table caption").text()).isEqualTo("Well-being index WHO-5: clients with "
                + "at least one intervention and both a baseline and a follow-up. Minimal important difference 10.");
        assertThat(en.selectFirst("#outcome-table tbody tr th").text()).isEqualTo("Housing First");
        Document sv = Jsoup.parse(mvc.perform(report()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(sv.selectFirst("#outcome-table caption").text()).startsWith("Välbefinnandeindex WHO-5: klienter med");
        assertThat(sv.selectFirst("#outcome-table tbody tr th").text()).isEqualTo("Bostad först");

        byte[] bytes = mvc.perform(get("/followup/reports/outcomes.xlsx").param("instrument", "who5")
                        .param("year", "2025").cookie(new jakarta.servlet.http.Cookie("samsyn-lang", "en"))
                        .with(authentication(SignedIn.authenticationOf(ANALYST))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Housing First");
            assertThat(texts(workbook.getSheetAt(1).getRow(0), 2)).containsExactly("Instrument", "Well-being index WHO-5");
        }
    }

    @Test
    void theExcelExportHoldsTheTableAndWhatItMeans() throws Exception {
        reportsGiven();
        when(organisation.municipality("1880")).thenReturn(java.util.Optional.of(OREBRO));
        byte[] bytes = mvc.perform(get("/followup/reports/outcomes.xlsx").param("instrument", "who5")
                        .param("year", "2025").with(authentication(
                                SignedIn.authenticationOf(ANALYST))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"samsyn-utfall-who5-orebro-2025.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet outcomes = workbook.getSheetAt(0);
            assertThat(outcomes.getSheetName()).isEqualTo("Utfall");
            assertThat(texts(outcomes.getRow(0), 7)).containsExactly("Insats", "Kön", "Antal klienter",
                    "Median vid baslinje", "Median vid uppföljning", "Median av förändringen", "Andel förbättrade (%)");
            Row housingFirst = outcomes.getRow(1);
            assertThat(housingFirst.getCell(0).getStringCellValue()).isEqualTo("Housing First");
            assertThat(housingFirst.getCell(1).getStringCellValue()).isEqualTo("Totalt");
            assertThat(housingFirst.getCell(2).getNumericCellValue()).isEqualTo(12.0);
            assertThat(housingFirst.getCell(3).getNumericCellValue()).isEqualTo(40.0);
            assertThat(housingFirst.getCell(4).getNumericCellValue()).isEqualTo(56.5);
            assertThat(housingFirst.getCell(5).getNumericCellValue()).isEqualTo(16.0);
            assertThat(housingFirst.getCell(6).getNumericCellValue()).isEqualTo(58.3);
            assertThat(housingFirst.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(texts(outcomes.getRow(2), 7)).containsExactly("Housing First", "Kvinnor", "..", "..", "..", "..", "..");
            assertThat(outcomes.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Män");
            assertThat(outcomes.getRow(4).getCell(0).getStringCellValue()).isEqualTo("Alla insatser");
            assertThat(outcomes.getLastRowNum()).isEqualTo(6);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) outcomes).getPaneInformation().getHorizontalSplitTopRow())
                    .isEqualTo((short) 1);
            assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) outcomes).getCTWorksheet().getAutoFilter().getRef())
                    .isEqualTo("A1:G7");
            Sheet about = workbook.getSheetAt(1);
            assertThat(about.getSheetName()).isEqualTo("Om rapporten");
            assertThat(texts(about.getRow(0), 2)).containsExactly("Instrument", "WHO-5");
            assertThat(texts(about.getRow(1), 2)).containsExactly("Period", "2025-01-01 – 2025-12-31");
            assertThat(texts(about.getRow(2), 2)).containsExactly("Omfång", "Örebro");
            // the analyst's own municipality is read live: the figures are as of the download (10:00 Swedish time)
            assertThat(texts(about.getRow(3), 2)).containsExactly("Uppgifterna gäller (svensk tid)", "2026-12-02 10:00");
        }
    }

    /**
     * The English workbook names the sexes (Total, Women, Men) and the scope (Sweden, a municipality by
     * its name) instead of their codes, and is downloaded under an English file name.
     */
    @Test
    void theEnglishWorkbookNamesTheSexesAndTheScopeAndHasAnEnglishFileName() throws Exception {
        reportsGiven();
        when(organisation.municipality("1880")).thenReturn(java.util.Optional.of(OREBRO));
        byte[] bytes = mvc.perform(get("/followup/reports/outcomes.xlsx").param("instrument", "who5")
                        .param("year", "2025").param("lang", "en")
                        .with(authentication(SignedIn.authenticationOf(ANALYST))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"samsyn-outcomes-who5-orebro-2025.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet outcomes = workbook.getSheetAt(0);
            assertThat(texts(outcomes.getRow(0), 7)).containsExactly("Intervention", "Sex", "Clients",
                    "Median at baseline", "Median at follow-up", "Median change", "Share improved (%)");
            assertThat(java.util.stream.IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> outcomes.getRow(i).getCell(1).getStringCellValue()).toList())
                    .containsExactly("Total", "Women", "Men", "Total", "Women", "Men");
            assertThat(texts(workbook.getSheetAt(1).getRow(2), 2)).containsExactly("Scope", "Örebro");
        }

        // the nation's report is the stored one: as of its last computation (09:15 UTC, 10:15 in Sweden)
        Actor national = new Actor("riket", Role.NATIONAL_ANALYST, Scope.nation());
        when(reports.outcomesAsOf()).thenReturn(java.util.Optional.of(java.time.Instant.parse("2026-03-02T09:15:00Z")));
        when(reports.outcomes(any(), eq("who5"), eq(FROM), eq(TO), eq(Scope.nation()))).thenReturn(
                new OutcomeReport("who5", "WHO-5", true, 10, FROM, TO, Scope.nation(), true, 5, List.of(),
                        new OutcomeReport.Distribution(List.of(), List.of(), List.of()), true));
        for (String[] language : new String[][] {{"sv", "Omfång", "Riket", "Uppgifterna gäller (svensk tid)",
                "samsyn-utfall-who5-riket-2025.xlsx"}, {"en", "Scope", "Sweden", "Figures as of (Swedish time)",
                "samsyn-outcomes-who5-sweden-2025.xlsx"}}) {
            byte[] nation = mvc.perform(get("/followup/reports/outcomes.xlsx").param("instrument", "who5")
                            .param("year", "2025").param("level", "NATION").param("lang", language[0])
                            .with(authentication(SignedIn.authenticationOf(national))))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + language[4] + "\""))
                    .andReturn().getResponse().getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(nation))) {
                assertThat(texts(workbook.getSheetAt(1).getRow(2), 2)).containsExactly(language[1], language[2]);
                assertThat(texts(workbook.getSheetAt(1).getRow(3), 2)).containsExactly(language[3], "2026-03-02 10:15");
            }
        }
    }

    private static final se.samsyn.organisation.Municipality OREBRO = new se.samsyn.organisation.Municipality(
            "1880", "Örebro", "Örebro kommun", "18", "Örebro län", "B3", "Större stad", 160000, 2025, 0.05);

    private static List<String> texts(Row row, int cells) {
        return java.util.stream.IntStream.range(0, cells).mapToObj(i -> row.getCell(i).getStringCellValue()).toList();
    }
}
