package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
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
import se.samsyn.WebSliceTest;
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
 * A published list whose pairs have no practice figures to show: a twelve-step treatment written in
 * free text (follow-up counts only the catalogue's interventions, so there is no row to read), a
 * catalogue intervention nobody followed up in the nation, and one whose figures are hidden. The
 * workbook's practice cells never stay empty: "-" where there is no figure, ".." where it is hidden,
 * each beside the page's words for it, in Swedish and English.
 */
@WebSliceTest(ListPages.class)
@WithMockUser
class ListWithoutFiguresWebTests {

    static final Instant PUBLISHED = Instant.parse("2026-02-01T09:30:00Z");

    static final String FREE_TEXT_SV = "Ingen uppföljning i riket: åtgärden är skriven i fritext, inte vald ur "
            + "insatskatalogen, och uppföljningen räknar bara katalogens insatser.";
    static final String FREE_TEXT_EN = "No follow-up in the nation: the intervention is written as free text, not "
            + "chosen from the catalogue of interventions, and follow-up counts only the catalogue's interventions.";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    PriorityProcesses processes;

    private void listGiven() {
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.nation(), List.of("missbruk"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.PUBLISHED,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 1, "anna", PUBLISHED, PUBLISHED);
        Pair twelveStep = new Pair(11, 7, "Alkoholberoende", "Vuxna som vill ha gruppstöd", null,
                "Tolvstegsbehandling (12-steg)", Benefit.MATTLIG, "Måttlig", CostLevel.MATTLIG, "Måttlig", Certainty.LAG,
                "Låg", null, null, false, null, null, null, null, null, null, null);
        Pair budget = new Pair(12, 7, "Skuldsättning", "Vuxna", "BUDGET", null, Benefit.MATTLIG, "Måttlig", CostLevel.LAG,
                "Billig", Certainty.LAG, "Låg", null, null, false, null, null, null, null, null, null, null);
        Pair mi = new Pair(13, 7, "Riskbruk", "Vuxna", "MI", null, Benefit.MATTLIG, "Måttlig", CostLevel.LAG, "Billig",
                Certainty.LAG, "Låg", null, null, false, null, null, null, null, null, null, null);
        List<PairView> views = List.of(
                new PairView(twelveStep, "Tolvstegsbehandling (12-steg)", new RankProposal(Recommendation.rank(6), List.of())),
                new PairView(budget, "Budget- och skuldrådgivning", new RankProposal(Recommendation.rank(6), List.of())),
                new PairView(mi, "Motiverande samtal", new RankProposal(Recommendation.rank(6), List.of())));
        when(processes.published(7, null)).thenReturn(new PublishedList(7, 1, PUBLISHED, "anna", process, views));
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        // as the register gives them: nothing for the free text, no data for BUDGET, hidden for MI
        when(processes.practice(views)).thenReturn(Map.of(
                12L, new PracticeEvidence("BUDGET", "who5", null, null, null, false, PracticeEvidence.Verdict.NO_DATA),
                13L, new PracticeEvidence("MI", "who5", null, null, null, true, PracticeEvidence.Verdict.WITHHELD)));
        when(processes.practiceAsOf()).thenReturn(java.util.Optional.of(Instant.parse("2026-03-01T23:30:00Z")));
    }

    @Test
    void theWorkbookSaysNoFigureOrHiddenInEveryPracticeCell() throws Exception {
        listGiven();
        try (XSSFWorkbook workbook = workbook("sv")) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(practice(pairs, "Tolvstegsbehandling (12-steg)")).containsExactly("-", "-", "-", ".",
                    FREE_TEXT_SV);
            assertThat(practice(pairs, "Budget- och skuldrådgivning")).containsExactly("-", "-", "-", ".",
                    "Ingen uppföljning i riket");
            assertThat(practice(pairs, "Motiverande samtal")).containsExactly("..", "..", "..", ".",
                    ".. (för få klienter, eller dold för att skydda en annan uppgift)");
        }
        try (XSSFWorkbook workbook = workbook("en")) {
            Sheet pairs = workbook.getSheetAt(0);
            assertThat(practice(pairs, "Tolvstegsbehandling (12-steg)")).containsExactly("-", "-", "-", ".",
                    FREE_TEXT_EN);
            assertThat(practice(pairs, "Budget- och skuldrådgivning")).containsExactly("-", "-", "-", ".",
                    "No follow-up in the nation");
            assertThat(practice(pairs, "Motiverande samtal")).containsExactly("..", "..", "..", ".",
                    ".. (too few clients, or hidden to protect another figure)");
            Sheet about = workbook.getSheetAt(1);
            assertThat(IntStream.rangeClosed(0, about.getLastRowNum()).mapToObj(i -> about.getRow(i).getCell(1)
                    .getStringCellValue()).filter(t -> t.contains("\".\" where")).toList()).singleElement().asString()
                    .endsWith("\"-\" where there is no figure: no follow-up in the nation, not computed yet, or an "
                            + "intervention in free text, which follow-up does not count. \".\" where the figure cannot "
                            + "occur: participant-years of a pair that is not a preventive activity, the median change "
                            + "of a preventive pair.");
        }
    }

    /** The page, its print view and the workbook say the same of the free-text pair. */
    @Test
    void thePageAndThePrintViewSayWhyTheFreeTextPairHasNoFigures() throws Exception {
        listGiven();
        Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/7")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("#pair-11 dt.practice-heading").text()).isEqualTo("Praktiken i riket, kalenderåret 2025");
        assertThat(page.select("#pair-11 dt.practice-heading + dd").text()).isEqualTo(FREE_TEXT_SV);
        assertThat(page.select("#pair-12 dt.practice-heading + dd").text()).isEqualTo("Ingen uppföljning i riket");
        Document english = Jsoup.parse(mvc.perform(get("/priorities/lists/7").param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(english.select("#pair-11 dt.practice-heading + dd").text()).isEqualTo(FREE_TEXT_EN);

        Document print = Jsoup.parse(mvc.perform(get("/priorities/lists/7/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        // the print view orders a band's pairs by condition: Alkoholberoende, Riskbruk, Skuldsättning
        assertThat(print.select("section.print-band .print-practice").eachText()).containsExactly(
                "Praktiken i riket, kalenderåret 2025: " + FREE_TEXT_SV,
                "Praktiken i riket, kalenderåret 2025: .. (för få klienter, eller dold för att skydda en annan uppgift)",
                "Praktiken i riket, kalenderåret 2025: Ingen uppföljning i riket");
    }

    private XSSFWorkbook workbook(String language) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(mvc.perform(get("/priorities/lists/7/list.xlsx")
                .param("lang", language)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()));
    }

    /** The five practice cells (n, median change, share improved, persons reached, text) of the pair's row; null for no cell; persons reached is "." outside preventive pairs. */
    private static List<String> practice(Sheet pairs, String intervention) {
        Row row = IntStream.rangeClosed(1, pairs.getLastRowNum()).mapToObj(pairs::getRow)
                .filter(r -> r.getCell(4).getStringCellValue().equals(intervention)).findFirst().orElseThrow();
        return IntStream.range(17, 22).mapToObj(i -> row.getCell(i) == null ? null : row.getCell(i).getStringCellValue())
                .toList();
    }
}
