package se.samsyn.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;
import se.samsyn.organisation.FocusArea;
import se.samsyn.organisation.NewUnit;
import se.samsyn.organisation.Units;
import se.samsyn.prevention.ActivityDraft;
import se.samsyn.prevention.PreventiveActivities;
import se.samsyn.prevention.ReachRow;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published list's preventive pair (ADR 0015, "Preventive pairs") on the page, in the API and in the
 * workbook, from recorded activities through the real chain. Fixture: two preventive home visits of
 * one unit, 40 persons reached; WHO-5 pairs (MID 10) from 40 to 60 (improved) or 40 to 40: A 12 pairs,
 * 7 improved (A shows its own), B 3 pairs, 2 improved (B withholds its own). The kind's 15 pairs, 9
 * improved would give B's 2 as 9 − 7, so the pair shows ".." beside the persons reached. With 2 more
 * pairs of B (1 improved), B shows its 5 and 3 and the pair shows 17 pairs, 10 improved: 58,8 %. A third
 * activity C with 5 pairs, all improved, withholds its share, and the pair shows ".." again, verdict withheld.
 */
@SpringBootTest(properties = {"samsyn.demo=false", "samsyn.data-dir=target/test-data"})
@AutoConfigureMockMvc
class PreventivePracticeIntegrationTests {

    static final String UNIT = "1280-PV";
    static final Actor NATIONAL = new Actor("pv-national", Role.NATIONAL_ANALYST, Scope.nation());
    static final Actor MANAGER = new Actor("pv-manager", Role.UNIT_MANAGER, Scope.unit(UNIT));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "preventive_practice");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    PriorityProcesses processes;

    @Autowired
    PreventiveActivities activities;

    @Autowired
    Units units;

    @Autowired
    Clock clock;

    private void answers(long activity, YearMonth month, int improved, int same) {
        for (int i = 0; i < improved; i++) {
            activities.recordAnswers(MANAGER, activity, month, List.of(2, 2, 2, 2, 2), List.of(3, 3, 3, 3, 3));
        }
        for (int i = 0; i < same; i++) {
            activities.recordAnswers(MANAGER, activity, month, List.of(2, 2, 2, 2, 2), List.of(2, 2, 2, 2, 2));
        }
    }

    private long activity(String title, YearMonth month) {
        return activities.create(MANAGER, new ActivityDraft(UNIT, null, "preventive-home-visit", title, "T",
                List.of("80+"), null, null, month.minusMonths(2).atDay(1), null, "who-5")).id();
    }

    private JsonNode apiPractice(long listId, long pairId) throws Exception {
        JsonNode list = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/priorities/lists/" + listId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        for (JsonNode band : list.path("bands")) {
            for (JsonNode result : band) {
                if (result.path("pair").path("id").asLong() == pairId) {
                    return result.path("practice");
                }
            }
        }
        throw new AssertionError("pair " + pairId + " not in the API's list");
    }

    private Row workbookRow(long listId) throws Exception {
        byte[] bytes = mvc.perform(get("/priorities/lists/" + listId + "/list.xlsx")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            return workbook.getSheetAt(0).getRow(1);
        }
    }

    @Test
    void theKindsShareIsHiddenWhileAnActivityWithholdsItsOwnAndShownOnceEveryActivityShowsIt() throws Exception {
        units.register(new Actor("pv-setup", Role.ADMINISTRATOR, Scope.nation()),
                new NewUnit("1280", UNIT, "Förebyggande Malmö", Set.of(FocusArea.ELDERLY_CARE)));
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        long a = activity("Hembesök A", month);
        long b = activity("Hembesök B", month);
        activities.recordReach(MANAGER, a, month, List.of(new ReachRow(month, "K", "80+", 30, 40)));
        activities.recordReach(MANAGER, b, month, List.of(new ReachRow(month, "M", "80+", 10, 12)));
        answers(a, month, 7, 5);
        answers(b, month, 2, 1);

        PriorityProcess process = processes.create(NATIONAL, new ProcessDraft("Förebyggande äldre", Scope.nation(),
                List.of("elderly-care"), "Rangordna förebyggande arbete", "Socialchefer", PriorityMode.SOCIAL_SERVICES,
                RankParameters.DEFAULT, new CostBands("kr", List.of(50_000L, 200_000L, 500_000L))));
        Pair pair = processes.addPair(NATIONAL, process.id(), new PairDraft("Äldre som bor ensamma, risk för fall",
                "Personer 80 år och äldre", null, null, Benefit.STOR, "Färre fall", CostLevel.LAG, "Ett besök",
                Certainty.LAG, "Få studier", null, null, false, null, null, null, "population-risk",
                "preventive-home-visit"));
        processes.moveTo(NATIONAL, process.id(), ProcessStatus.CONSULTATION);
        processes.decide(NATIONAL, pair.id(), "3", "Gruppens bedömning");
        processes.moveTo(NATIONAL, process.id(), ProcessStatus.PUBLISHED);
        long id = process.id();

        Document page = Jsoup.parse(mvc.perform(get("/priorities/lists/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        String figures = "#pair-" + pair.id() + " dt.practice-heading + dd";
        assertThat(page.select(figures).text()).isEqualTo(".. (för få klienter, eller dold för att skydda en annan uppgift) "
                + "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar).");
        JsonNode practice = apiPractice(id, pair.id());
        assertThat(practice.path("suppressed").asBoolean()).isTrue();
        assertThat(practice.path("shareImproved").isNull()).isTrue();
        assertThat(practice.path("clients").isNull()).isTrue();
        assertThat(practice.path("reached").asInt()).isEqualTo(40);
        Row row = workbookRow(id);
        assertThat(row.getCell(17).getStringCellValue()).isEqualTo("..");
        assertThat(row.getCell(18).getStringCellValue()).as("no median change for a preventive pair").isEqualTo(".");
        assertThat(row.getCell(19).getStringCellValue()).as("hidden, not 'no data'").isEqualTo("..");
        assertThat(row.getCell(20).getNumericCellValue()).isEqualTo(40.0);

        answers(b, month, 1, 1);
        page = Jsoup.parse(mvc.perform(get("/priorities/lists/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(figures).text()).isEqualTo(
                "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar). "
                        + "17 anonyma svarspar alla år, 58,8 % förbättrade. För få klienter för att jämföra");
        practice = apiPractice(id, pair.id());
        assertThat(practice.path("suppressed").asBoolean()).isFalse();
        assertThat(practice.path("clients").asInt()).isEqualTo(17);
        assertThat(practice.path("shareImproved").asDouble()).isEqualTo(100.0 * 10 / 17);
        row = workbookRow(id);
        assertThat(row.getCell(17).getNumericCellValue()).isEqualTo(17.0);
        assertThat(row.getCell(19).getNumericCellValue()).isEqualTo(58.8);

        // C: 5 pairs, all improved; its page withholds the share (0 % or 100 % of fewer than 10, ADR 0015),
        // and the kind's 22 pairs, 15 improved less A's 7 and B's 3 would give C's 5 of 5: hidden again
        long c = activity("Hembesök C", month);
        answers(c, month, 5, 0);
        page = Jsoup.parse(mvc.perform(get("/priorities/lists/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select(figures).text()).isEqualTo(".. (för få klienter, eller dold för att skydda en annan uppgift) "
                + "40 deltagarår i landet, alla år sammanlagda (en person räknas en gång per år hon deltar).");
        practice = apiPractice(id, pair.id());
        assertThat(practice.path("suppressed").asBoolean()).isTrue();
        assertThat(practice.path("shareImproved").isNull()).isTrue();
        assertThat(practice.path("verdict").asString()).isEqualTo("withheld");
        row = workbookRow(id);
        assertThat(row.getCell(19).getStringCellValue()).isEqualTo("..");
    }
}
