package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import se.samsyn.WebSliceTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PracticeEvidence;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.PublishedList;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.Recommendation;
import se.samsyn.shared.Scope;

/**
 * A published list on the web layer alone: what the print view shows per band, and the Excel
 * workbook read back cell by cell (the decision, the proposal it differs from, the facts sheet).
 */
@WebSliceTest(ListPages.class)
@WithMockUser
class ListPagesWebTests {

    static final Instant PUBLISHED = Instant.parse("2026-02-01T09:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PriorityProcesses processes;

    private void listGiven() {
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("missbruk"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr per förbättrad klient", List.of(50_000L, 200_000L, 500_000L)), 2, "anna", PUBLISHED, PUBLISHED);
        Pair pair = new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.HOG, "Flera studier", null, null, false, null, null, null, Recommendation.rank(2),
                "Beslutat av gruppen", "anna", PUBLISHED);
        when(processes.published(7, null)).thenReturn(new PublishedList(7, 2, PUBLISHED, "anna", process, List.of(
                new PairView(pair, "Community Reinforcement Approach",
                        new RankProposal(Recommendation.rank(3), List.of())))));
    }

    @Test
    void thePrintViewShowsThePairUnderItsBand() throws Exception {
        listGiven();
        Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Missbruk");
        // the cost bands as the list page gives them
        assertThat(page.selectFirst("#cost-bands").text()).isEqualTo("Kostnadsband (kr per förbättrad klient): "
                + "låg under 50 000, måttlig under 200 000, hög under 500 000, mycket hög däröver.");
        assertThat(page.select("section.print-band h2").eachText()).containsExactly("Bör erbjudas (nivå 1–3)");
        assertThat(page.select("section.print-band tbody tr td").get(0).text()).isEqualTo("nivå 2");
        assertThat(page.select("section.print-band tbody tr td").get(1).select("span, small").eachText())
                .containsExactly("Beroende", "Vuxna");
        assertThat(page.select("section.print-band tbody tr td").get(2).text())
                .isEqualTo("Community Reinforcement Approach");
        assertThat(page.select("section.print-band tbody tr td").get(3).text()).contains("stor: Stor effekt")
                .contains("låg: Billig").contains("hög: Flera studier").contains("Beslutat av gruppen");
    }

    @Test
    void theListAndThePrintViewNameTheGuideEntriesByTitleLinkedToTheirPages() throws Exception {
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("missbruk"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 2, "anna", PUBLISHED, PUBLISHED);
        Pair pair = new Pair(11, 7, "Riskbruk av alkohol", "Vuxna", "MI", null, Benefit.STOR, "Stor effekt",
                CostLevel.LAG, "Billig", Certainty.HOG, "Flera studier", null, null, false, null, "motiverande-samtal",
                "tillbakadragen-riktlinje", Recommendation.rank(2), null, "anna", PUBLISHED);
        when(processes.published(7, null)).thenReturn(new PublishedList(7, 2, PUBLISHED, "anna", process, List.of(
                new PairView(pair, "Motiverande samtal", new RankProposal(Recommendation.rank(2), List.of())))));
        when(processes.guideEntries()).thenReturn(Map.of("motiverande-samtal", "Motiverande samtal (MI)",
                "nationella-riktlinjer-missbruk-och-beroende", "Nationella riktlinjer för vård och stöd vid missbruk och beroende"));

        Document list = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Document print = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        for (Document page : List.of(list, print)) {
            assertThat(page.select("#main .guide-ref").eachText()).containsExactly("Metod: Motiverande samtal (MI)",
                    "Riktlinje: uppslaget är inte längre publicerat");
            assertThat(page.select("#main .guide-ref a").eachAttr("href")).containsExactly("/guide/entries/motiverande-samtal");
            assertThat(page.select("#main").text()).doesNotContain("motiverande-samtal", "tillbakadragen-riktlinje");
        }
        assertThat(list.select("#pair-11 dl.criteria dt").eachText()).contains("Kunskapsguiden");
        assertThat(print.select("section.print-band tbody tr td").get(2).text())
                .isEqualTo("Motiverande samtal Metod: Motiverande samtal (MI) Riktlinje: uppslaget är inte längre publicerat");
    }

    /** The practice figures name the calendar year they cover (ADR 0015, "Periods"), in both languages. */
    @Test
    void theListNamesTheYearOfThePracticeFigures() throws Exception {
        listGiven();
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));

        Document swedish = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/7").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(swedish.selectFirst("#practice-source").text()).startsWith(
                "Praktiken: rikets utfallsrapport för WHO-5 under kalenderåret 2025, raden för varje insats som rapporten "
                        + "publicerar den: klienter med en uppföljning det året (");
        assertThat(english.selectFirst("#practice-source").text()).startsWith(
                "Practice: the nation's outcome report for WHO-5 in the calendar year 2025, each intervention's row as the "
                        + "report publishes it: clients with a follow-up in that year (");
    }

    @Test
    void theWorkbookHoldsTheDecisionAndTheFacts() throws Exception {
        listGiven();
        byte[] bytes = mvc.perform(get("/priorities/lists/7/list.xlsx")).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition",
                        "attachment; filename=\"samsyn-prioriteringar-7-v2.xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(pairs.getSheetName()).isEqualTo("Par");
            assertThat(pairs.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Band");
            assertThat(pairs.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Rekommendation");
            assertThat(texts(pairs.getRow(1), 11)).containsExactly("Bör erbjudas (nivå 1–3)", "nivå 2", "Beroende",
                    "Vuxna", "Community Reinforcement Approach", "stor", "Stor effekt", "låg", "Billig", "hög",
                    "Flera studier");
            assertThat(pairs.getRow(1).getCell(14).getStringCellValue()).isEqualTo("nivå 3");
            assertThat(pairs.getRow(1).getCell(16).getStringCellValue()).isEqualTo("Beslutat av gruppen");
            assertThat(pairs.getLastRowNum()).isEqualTo(1);
            Sheet about = workbook.getSheetAt(1);
            assertThat(about.getSheetName()).isEqualTo("Om listan");
            assertThat(texts(about.getRow(0), 2)).containsExactly("Namn", "Missbruk");
            assertThat(texts(about.getRow(1), 2)).containsExactly("Version", "2");
            // 09:30 UTC on 1 February is 10:30 in Sweden, as the page writes it
            assertThat(texts(about.getRow(2), 2)).containsExactly("Publicerad", "2026-02-01 10:30");
            // the bands in words with Swedish numbers (a no-break space between the thousands), not a list's toString;
            // label and value read as the page's sentence, "Kostnadsband" said once
            assertThat(texts(about.getRow(6), 2)).containsExactly("Kostnadsband (kr per förbättrad klient)",
                    "låg under 50\u00a0000, måttlig under 200\u00a0000, hög under 500\u00a0000, mycket hög däröver.");
            Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString());
            // (jsoup reads the page's no-break spaces as spaces)
            assertThat(page.select("p.note").eachText())
                    .contains(String.join(": ", texts(about.getRow(6), 2)).replace('\u00a0', ' '));
        }
        byte[] english = mvc.perform(get("/priorities/lists/7/list.xlsx").param("lang", "en")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english))) {
            assertThat(texts(workbook.getSheetAt(1).getRow(6), 2)).containsExactly("Cost bands (kr per förbättrad klient)",
                    "low below 50\u00a0000, moderate below 200\u00a0000, high below 500\u00a0000, very high above.");
            Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/7").param("lang", "en"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(page.select("p.note").eachText())
                    .contains(String.join(": ", texts(workbook.getSheetAt(1).getRow(6), 2)).replace('\u00a0', ' '));
        }
    }

    private static List<String> texts(Row row, int cells) {
        return IntStream.range(0, cells).mapToObj(i -> row.getCell(i).getStringCellValue()).toList();
    }

    /** Two pairs: CRA with figures and a large gap, MI with too few clients to show (".."). */
    private void listWithPracticeGiven() {
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("missbruk"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 2, "anna", PUBLISHED, PUBLISHED);
        Pair cra = new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.HOG, "Flera studier", null, null, false, null, null, null, Recommendation.rank(2),
                "Beslutat av gruppen", "anna", PUBLISHED);
        Pair mi = new Pair(12, 7, "Riskbruk", "Vuxna", "MI", null, Benefit.MATTLIG, "Måttlig effekt", CostLevel.LAG,
                "Billig", Certainty.MATTLIG, "Några studier", null, null, false, null, null, null, Recommendation.rank(3),
                null, "anna", PUBLISHED);
        List<PairView> views = List.of(
                new PairView(cra, "Community Reinforcement Approach", new RankProposal(Recommendation.rank(3), List.of())),
                new PairView(mi, "Motiverande samtal", new RankProposal(Recommendation.rank(3), List.of())));
        when(processes.published(7, null)).thenReturn(new PublishedList(7, 2, PUBLISHED, "anna", process, views));
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        when(processes.practice(views)).thenReturn(Map.of(
                11L, new PracticeEvidence("CRA", "who5", 42, 3.25, 57.14, false, PracticeEvidence.Verdict.PRACTICE_WEAKER),
                12L, new PracticeEvidence("MI", "who5", null, null, null, true, PracticeEvidence.Verdict.WITHHELD)));
        when(processes.practiceAsOf()).thenReturn(java.util.Optional.of(java.time.Instant.parse("2026-03-01T23:30:00Z")));
    }

    /**
     * Before the nation's outcome reports are first computed, the list says so in words, beside each
     * follow-up pair and under the list, in both languages, and the workbook says it too.
     */
    @Test
    void beforeTheFirstComputationTheListSaysTheFiguresAreNotComputedYet() throws Exception {
        listWithPracticeGiven();
        List<PairView> views = processes.published(7, null).pairs();
        when(processes.practiceAsOf()).thenReturn(java.util.Optional.empty());
        when(processes.practice(views)).thenReturn(Map.of(
                11L, new PracticeEvidence("CRA", "who5", null, null, null, false, PracticeEvidence.Verdict.PENDING),
                12L, new PracticeEvidence("MI", "who5", null, null, null, false, PracticeEvidence.Verdict.PENDING)));
        Document swedish = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/7").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(swedish.select("#pair-11 dt.practice-heading + dd").text()).isEqualTo("Inte beräknat än");
        assertThat(english.select("#pair-12 dt.practice-heading + dd").text()).isEqualTo("Not computed yet");
        assertThat(swedish.selectFirst("#practice-pending").text()).isEqualTo("Praktikens siffror har inte beräknats än. "
                + "De beräknas i bakgrunden och finns här inom några minuter.");
        assertThat(english.selectFirst("#practice-pending").text()).isEqualTo("The practice figures have not been "
                + "computed yet. They are computed in the background and will be here within a few minutes.");
        assertThat(swedish.select("#practice-as-of")).isEmpty();

        byte[] bytes = mvc.perform(get("/priorities/lists/7/list.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(pairs.getRow(1).getCell(21).getStringCellValue()).isEqualTo("Inte beräknat än");
            Sheet about = workbook.getSheetAt(1);
            assertThat(about.getRow(about.getLastRowNum()).getCell(1).getStringCellValue())
                    .startsWith("Praktikens siffror har inte beräknats än.");
        }
    }

    /** The list page names the period of the practice figures where they stand, in both languages. */
    @Test
    void theListNamesThePeriodBesideThePracticeFigures() throws Exception {
        listWithPracticeGiven();
        Document swedish = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/7").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(swedish.select("#pair-11 dt.practice-heading, #pair-12 dt.practice-heading").eachText())
                .containsExactly("Praktiken i riket, kalenderåret 2025", "Praktiken i riket, kalenderåret 2025");
        assertThat(swedish.select("#pair-11 dt.practice-heading + dd").text()).isEqualTo(
                "n = 42, median förändring 3,3, förbättrade 57,1 % Stort glapp: praktiken visar svagare resultat än forskningen");
        assertThat(swedish.select("#pair-12 dt.practice-heading + dd").text())
                .isEqualTo(".. (för få klienter, eller dold för att skydda en annan uppgift)");
        assertThat(english.select("#pair-12 dt.practice-heading + dd").text())
                .isEqualTo(".. (too few clients, or hidden to protect another figure)");
        // 23:30 UTC on 1 March is 00:30 on 2 March in Sweden
        assertThat(swedish.selectFirst("#practice-as-of").text()).isEqualTo("Praktikens siffror beräknas i bakgrunden "
                + "med rikets utfallsrapport och gäller uppgifterna den 2026-03-02 00:30; det som registrerats sedan dess "
                + "kommer med vid nästa beräkning, vanligen inom några minuter.");
        assertThat(english.selectFirst("#practice-as-of").text()).isEqualTo("The practice figures are computed in the "
                + "background with the nation's outcome report and are as of 2026-03-02 00:30; entries made since then are "
                + "added at the next computation, usually within a few minutes.");
        assertThat(swedish.select("#practice-pending")).isEmpty();
        assertThat(english.select("#pair-11 dt.practice-heading").text()).isEqualTo("Practice in the nation, calendar year 2025");
    }

    /** The print view shows the same practice figures and hidden marks as the page, with their period. */
    @Test
    void thePrintViewShowsThePracticeFiguresWithTheirPeriod() throws Exception {
        listWithPracticeGiven();
        Document print = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(print.select("section.print-band .print-practice").eachText()).containsExactly(
                "Praktiken i riket, kalenderåret 2025: n = 42, median förändring 3,3, förbättrade 57,1 % "
                        + "Stort glapp: praktiken visar svagare resultat än forskningen",
                "Praktiken i riket, kalenderåret 2025: .. (för få klienter, eller dold för att skydda en annan uppgift)");
        assertThat(print.selectFirst("#practice-source").text())
                .startsWith("Praktiken: rikets utfallsrapport för WHO-5 under kalenderåret 2025,");
        assertThat(print.selectFirst("#practice-as-of").text()).contains("gäller uppgifterna den 2026-03-02 00:30;");
    }

    /**
     * Where the nation's report hides every intervention of the list, the page says why in words
     * (not only ".." on every pair); where one figure shows, it does not.
     */
    @Test
    void aListWhoseFiguresAreAllHiddenSaysWhy() throws Exception {
        listWithPracticeGiven();
        Document some = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(some.select("#practice-all-hidden")).isEmpty();

        when(processes.practice(org.mockito.ArgumentMatchers.anyList())).thenReturn(Map.of(
                11L, new PracticeEvidence("CRA", "who5", null, null, null, true, PracticeEvidence.Verdict.WITHHELD),
                12L, new PracticeEvidence("MI", "who5", null, null, null, true, PracticeEvidence.Verdict.WITHHELD)));
        Document all = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(all.selectFirst("#practice-all-hidden").text()).isEqualTo(ALL_HIDDEN);
    }

    private static final String ALL_HIDDEN = "Praktikens siffror är dolda för alla insatser på listan. Rikets rapport "
            + "visar en insats bara där varje region kan visa den utan att någon enskild kan pekas ut, och med få "
            + "klienter per region gäller det ännu ingen av dem. Siffrorna visas här när underlaget räcker.";

    /**
     * The print view and the workbook carry the page's paragraph for figures hidden on every pair:
     * the same paragraph under the printed list, a row with the same sentence on the workbook's
     * process sheet; neither has it where one figure shows.
     */
    @Test
    void thePrintViewAndTheWorkbookSayWhyWhenEveryFigureIsHidden() throws Exception {
        listWithPracticeGiven();
        Document some = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(some.select("#practice-all-hidden")).isEmpty();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/priorities/lists/7/list.xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))) {
            Sheet about = workbook.getSheetAt(1);
            assertThat(IntStream.rangeClosed(0, about.getLastRowNum()).mapToObj(i -> about.getRow(i).getCell(1)
                    .getStringCellValue())).noneMatch(text -> text.startsWith("Praktikens siffror är dolda"));
        }

        when(processes.practice(org.mockito.ArgumentMatchers.anyList())).thenReturn(Map.of(
                11L, new PracticeEvidence("CRA", "who5", null, null, null, true, PracticeEvidence.Verdict.WITHHELD),
                12L, new PracticeEvidence("MI", "who5", null, null, null, true, PracticeEvidence.Verdict.WITHHELD)));
        Document print = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(print.selectFirst("#practice-all-hidden").text()).isEqualTo(ALL_HIDDEN);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/priorities/lists/7/list.xlsx"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()))) {
            Sheet about = workbook.getSheetAt(1);
            Row hidden = about.getRow(about.getLastRowNum() - 1);
            assertThat(hidden.getCell(0).getStringCellValue()).isEqualTo("Praktiken i riket, kalenderåret 2025: varför \"..\" visas");
            assertThat(about.getRow(about.getLastRowNum() - 2).getCell(0).getStringCellValue())
                    .isEqualTo("Praktiken i riket, kalenderåret 2025: källa");
            assertThat(hidden.getCell(1).getStringCellValue()).isEqualTo(ALL_HIDDEN);
            assertThat(about.getRow(about.getLastRowNum()).getCell(0).getStringCellValue()).isEqualTo("Praktiken beräknad");
        }
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(english.selectFirst("#practice-all-hidden").text()).startsWith("The practice figures are hidden for "
                + "every intervention on the list.");
    }

    /** The workbook carries the page's practice figures as numbers, ".." where hidden, under headings naming the period. */
    @Test
    void theWorkbookHoldsThePracticeFiguresOfThePage() throws Exception {
        listWithPracticeGiven();
        byte[] bytes = mvc.perform(get("/priorities/lists/7/list.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(IntStream.range(17, 22).mapToObj(i -> pairs.getRow(0).getCell(i).getStringCellValue()).toList())
                    .containsExactly("Praktiken i riket, kalenderåret 2025: n (klienter; för en förebyggande aktivitet anonyma svarspar alla år)",
                            "Praktiken i riket, kalenderåret 2025: median förändring",
                            "Praktiken i riket, kalenderåret 2025: förbättrade (%)",
                            "Förebyggande aktivitet i riket, alla år: deltagarår (en person räknas en gång per år)",
                            "Praktiken i riket, kalenderåret 2025: som på sidan");
            Row cra = pairs.getRow(1);
            assertThat(cra.getCell(2).getStringCellValue()).isEqualTo("Beroende");
            assertThat(cra.getCell(17).getNumericCellValue()).isEqualTo(42.0);
            assertThat(cra.getCell(18).getNumericCellValue()).isEqualTo(3.3);
            assertThat(cra.getCell(19).getNumericCellValue()).isEqualTo(57.1);
            assertThat(cra.getCell(20).getStringCellValue()).as("not a preventive pair: cannot occur").isEqualTo(".");
            assertThat(cra.getCell(21).getStringCellValue()).isEqualTo(
                    "n = 42, median förändring 3,3, förbättrade 57,1 % Stort glapp: praktiken visar svagare resultat än forskningen");
            Row mi = pairs.getRow(2);
            assertThat(mi.getCell(2).getStringCellValue()).isEqualTo("Riskbruk");
            assertThat(mi.getCell(17).getStringCellValue()).isEqualTo("..");
            assertThat(mi.getCell(18).getStringCellValue()).as("hidden, not 'no data'").isEqualTo("..");
            assertThat(mi.getCell(19).getStringCellValue()).isEqualTo("..");
            assertThat(mi.getCell(20).getStringCellValue()).isEqualTo(".");
            assertThat(mi.getCell(21).getStringCellValue())
                    .isEqualTo(".. (för få klienter, eller dold för att skydda en annan uppgift)");
            Sheet about = workbook.getSheetAt(1);
            Row source = about.getRow(about.getLastRowNum() - 1);
            assertThat(source.getCell(0).getStringCellValue()).isEqualTo("Praktiken i riket, kalenderåret 2025: källa");
            assertThat(source.getCell(1).getStringCellValue())
                    .startsWith("Praktiken: rikets utfallsrapport för WHO-5 under kalenderåret 2025,");
            assertThat(source.getCell(1).getStringCellValue()).contains("\"..\" där rapporten döljer uppgiften")
                    .endsWith(" \"-\" där uppgiften saknas: ingen uppföljning i riket, inte beräknad än, eller en insats "
                            + "i fritext, som uppföljningen inte räknar. \".\" där uppgiften inte kan förekomma: "
                            + "deltagarår för ett par som inte gäller en förebyggande aktivitet, median förändring för "
                            + "ett förebyggande par.");
            Row computed = about.getRow(about.getLastRowNum());
            assertThat(computed.getCell(0).getStringCellValue()).isEqualTo("Praktiken beräknad");
            assertThat(computed.getCell(1).getStringCellValue()).contains("gäller uppgifterna den 2026-03-02 00:30;");
        }
    }

    /**
     * A preventive pair's figures are prevention's national figures over all years, not the follow-up
     * year: page, print and workbook label them so, and the print label's colon comes from the message.
     */
    @Test
    void aPreventivePairsFiguresAreLabelledAllYearsInPagePrintAndWorkbook() throws Exception {
        PriorityProcess process = new PriorityProcess(8, "Äldre", Scope.municipality("1280"), List.of("äldre"),
                "Prioritera förebyggande", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 1, "anna", PUBLISHED, PUBLISHED);
        Pair visits = new Pair(21, 8, "Ensamhet", "Äldre", "visits", null, Benefit.MATTLIG, "Måttlig effekt", CostLevel.LAG,
                "Billig", Certainty.MATTLIG, "Några studier", null, null, false, null, null, null, Recommendation.rank(3),
                null, "anna", PUBLISHED);
        List<PairView> views = List.of(
                new PairView(visits, "Hembesök", new RankProposal(Recommendation.rank(3), List.of())));
        when(processes.published(8, null)).thenReturn(new PublishedList(8, 1, PUBLISHED, "anna", process, views));
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        when(processes.practice(views)).thenReturn(Map.of(21L, new PracticeEvidence("visits", "who5", 5, null, 80.0, false,
                PracticeEvidence.Verdict.TOO_FEW, 40)));

        Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/8")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#pair-21 dt.practice-heading").text())
                .isEqualTo("Praktiken i riket, alla år (förebyggande aktivitet)");
        assertThat(page.select("#pair-21 dt.practice-heading + dd .preventive-reach").text()).isEqualTo(
                "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar).");
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/8").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(english.select("#pair-21 dt.practice-heading").text())
                .isEqualTo("Practice in the nation, all years (preventive activity)");

        Document print = Jsoup.parse(mvc.perform(get("/priorities/lists/8/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(print.select("section.print-band .print-practice > span").first().text())
                .isEqualTo("Praktiken i riket, alla år (förebyggande aktivitet):");
        assertThat(print.select("section.print-band .print-practice").text()).doesNotContain("kalenderåret");

        byte[] bytes = mvc.perform(get("/priorities/lists/8/list.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(pairs.getRow(0).getCell(20).getStringCellValue()).isEqualTo(
                    "Förebyggande aktivitet i riket, alla år: deltagarår (en person räknas en gång per år)");
            assertThat(pairs.getRow(1).getCell(18).getStringCellValue()).as("no median change: cannot occur")
                    .isEqualTo(".");
            assertThat(pairs.getRow(1).getCell(20).getNumericCellValue()).isEqualTo(40.0);
            assertThat(pairs.getRow(1).getCell(21).getStringCellValue()).isEqualTo(
                    "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar). "
                            + "5 anonyma svarspar alla år, 80,0 % förbättrade. För få klienter för att jämföra");
        }
    }

    /**
     * A preventive pair whose share is withheld beside shown pairs (0 % or 100 % of fewer than 10
     * pairs, ADR 0015) shows ".." for the share, not "-", on the page and in the workbook.
     */
    @Test
    void aPreventivePairsWithheldShareReadsTwoDots() throws Exception {
        PriorityProcess process = new PriorityProcess(8, "Äldre", Scope.municipality("1280"), List.of("äldre"),
                "Prioritera förebyggande", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 1, "anna", PUBLISHED, PUBLISHED);
        Pair visits = new Pair(21, 8, "Ensamhet", "Äldre", "visits", null, Benefit.MATTLIG, "Måttlig effekt", CostLevel.LAG,
                "Billig", Certainty.MATTLIG, "Några studier", null, null, false, null, null, null, Recommendation.rank(3),
                null, "anna", PUBLISHED);
        List<PairView> views = List.of(
                new PairView(visits, "Hembesök", new RankProposal(Recommendation.rank(3), List.of())));
        when(processes.published(8, null)).thenReturn(new PublishedList(8, 1, PUBLISHED, "anna", process, views));
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        when(processes.practice(views)).thenReturn(Map.of(21L, new PracticeEvidence("visits", "who5", 7, null, null, false,
                PracticeEvidence.Verdict.WITHHELD, 40)));

        Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/8")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#pair-21 dt.practice-heading + dd").text()).isEqualTo(
                "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar). "
                        + "7 anonyma svarspar alla år, .. % förbättrade.");
        byte[] bytes = mvc.perform(get("/priorities/lists/8/list.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(pairs.getRow(1).getCell(19).getStringCellValue()).isEqualTo("..");
            assertThat(pairs.getRow(1).getCell(21).getStringCellValue()).isEqualTo(
                    "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar). "
                            + "7 anonyma svarspar alla år, .. % förbättrade.");
        }
    }

    /** The diff of a list's first version says, in the reader's language, that there is nothing before it, and links back. */
    @Test
    void theDiffOfTheFirstVersionSaysThereIsNothingToCompareWith() throws Exception {
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("missbruk"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 1, "anna", PUBLISHED, PUBLISHED);
        when(processes.published(7, 1)).thenReturn(new PublishedList(7, 1, PUBLISHED, "anna", process, List.of()));

        Document swedish = Jsoup.parse(mvc.perform(get("/priorities/lists/7/diff").param("version", "1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/7/diff").param("version", "1").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(swedish.selectFirst("main h1").text()).isEqualTo("Version 1 är listans första version");
        assertThat(swedish.selectFirst("#first-version").text()).isEqualTo("Det finns ingen tidigare version att jämföra "
                + "version 1 med, eftersom listan publicerades första gången då. Ändringar visas från och med version 2.");
        assertThat(swedish.selectFirst("#back-to-list").text()).isEqualTo("Tillbaka till listan (version 1)");
        assertThat(swedish.selectFirst("#back-to-list").attr("href")).isEqualTo("/priorities/lists/7?version=1");
        assertThat(english.selectFirst("main h1").text()).isEqualTo("Version 1 is the first version of the list");
        assertThat(english.selectFirst("#back-to-list").text()).isEqualTo("Back to the list (version 1)");
        org.mockito.Mockito.verify(processes, org.mockito.Mockito.never()).diff(7, 1);
    }
}
