package se.samsyn.priority.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import se.samsyn.WebSliceTest;
import se.samsyn.SignedIn;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.ListSummary;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairView;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.ProcessView;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.RankStep;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.PriorityRejected;
import se.samsyn.priority.ResourceScenarios;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * The priority-setting pages on the web layer alone: the published lists and what a signed-in
 * user may start, the new-process form kept from roles that do not run processes (the controller
 * checks), a refused process shown on its form in Swedish, and the pair form's knowledge-guide
 * entries: offered by title, an unpublished one refused with 422 on its field, shown by title.
 */
@WebSliceTest(PriorityPages.class)
class PriorityPagesWebTests {

    static final Actor DIRECTOR = new Actor("chef", Role.SOCIAL_DIRECTOR, Scope.municipality("1280"));
    static final Actor CASE_WORKER = new Actor("handlaggare", Role.CASE_WORKER, Scope.unit("U-ORE-1"));


    @Autowired
    MockMvc mvc;

    @MockitoBean
    PriorityProcesses processes;
    @MockitoBean
    ResourceScenarios scenarios;

    static Authentication as(Actor actor) {
        return SignedIn.authenticationOf(actor);
    }

    @Test
    void theIndexShowsThePublishedListsAndWhatTheUserMayStart() throws Exception {
        when(processes.publishedLists()).thenReturn(List.of(new ListSummary(7, "Missbruk", Scope.municipality("1280"),
                PriorityMode.SOCIAL_SERVICES, 2, Instant.parse("2026-02-01T09:30:00Z"), 12)));
        when(processes.mayCreate(DIRECTOR)).thenReturn(true);
        Document page = Jsoup.parse(mvc.perform(get("/priorities").with(authentication(as(DIRECTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("li.card h3 a").eachText()).containsExactly("Missbruk");
        assertThat(page.selectFirst("li.card h3 a").attr("href")).isEqualTo("/priorities/lists/7");
        assertThat(page.selectFirst("#new-process").text()).isEqualTo("Starta en prioriteringsprocess");
        assertThat(page.selectFirst("#scenarios-link")).isNull();
    }

    @Test
    void aCaseWorkerDoesNotGetTheNewProcessForm() throws Exception {
        when(processes.mayCreate(CASE_WORKER)).thenReturn(false);
        mvc.perform(get("/priorities/processes/new").with(authentication(as(CASE_WORKER))))
                .andExpect(status().isForbidden());
    }

    @Test
    void aProcessWithoutAModeIsRefusedOnItsFormInSwedish() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/priorities/processes").param("name", "Våld i nära relationer")
                        .param("scopeType", "MUNICIPALITY").param("scopeCode", "1280")
                        .with(authentication(as(DIRECTOR))).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("h1").text()).isEqualTo("Starta en prioriteringsprocess");
        assertThat(page.selectFirst("p.flash.error").text()).isEqualTo("Välj ett läge.");
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("Våld i nära relationer");
        verify(processes, never()).create(any(), any());
    }

    @Test
    void aProcessTheRegisterRefusesIsShownOnItsFormInSwedish() throws Exception {
        when(processes.create(eq(DIRECTOR), any())).thenThrow(new PriorityRejected("scope", "priority.error.scope"));
        Document page = Jsoup.parse(mvc.perform(post("/priorities/processes").param("name", "Våld")
                        .param("scopeType", "MUNICIPALITY").param("scopeCode", "9999").param("focusAreas", "violence")
                        .param("purpose", "Syfte").param("mode", "social-services").param("benefitStart", "1,3,5,7")
                        .param("severityStart", "1,3,5,7").param("costPenalty", "0,0,2,4")
                        .param("certaintyPenalty", "0,0,1,2").param("fouFrom", "mycket-lag").param("costUnit", "kr")
                        .param("costLow", "1").param("costModerate", "2").param("costHigh", "3")
                        .with(authentication(as(DIRECTOR))).with(csrf()))
                .andExpect(status().is(422)).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("p.flash.error").text())
                .isEqualTo("Det finns ingen sådan nivå. Välj riket, en region eller en kommun i listan.");
        assertThat(page.selectFirst("#name").attr("value")).isEqualTo("Våld");
        assertThat(page.selectFirst("#scopeCode").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void theProcessPageShowsItsStepThePairsProposalWithReasonsAndTheDecisionThatDiffers() throws Exception {
        Instant at = Instant.parse("2026-02-01T09:30:00Z");
        PriorityProcess process = new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("substance-use"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.CONSULTATION,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 0, "anna", at, at);
        Pair decided = new Pair(11, 7, "Beroende", "Vuxna", "CRA", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.HOG, "Flera studier", null, null, false, null, null, null, Recommendation.rank(2),
                "Beslutat av gruppen", "anna", at);
        Pair open = new Pair(12, 7, "Hemlöshet", "Vuxna", null, "Bostad först", Benefit.STOR, "a", CostLevel.LAG, "b",
                Certainty.HOG, "c", null, null, false, null, null, null, null, null, null, null);
        RankProposal three = new RankProposal(Recommendation.rank(3),
                List.of(new RankStep("start-benefit", "priority.benefit.stor", 3)));
        ProcessView view = new ProcessView(process, List.of(new PairView(decided, "Community Reinforcement Approach", three),
                new PairView(open, "Bostad först", three)));
        when(processes.process(DIRECTOR, 7)).thenReturn(view);
        when(processes.mayEdit(DIRECTOR, process)).thenReturn(true);
        when(processes.practice(view.pairs())).thenReturn(Map.of());
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));

        Document page = Jsoup.parse(mvc.perform(get("/priorities/processes/7").with(authentication(as(DIRECTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#practice-column").text()).isEqualTo("Praktiken i riket, kalenderåret 2025");

        assertThat(page.selectFirst("h1").text()).isEqualTo("Missbruk");
        assertThat(page.select("ol.lifecycle li").eachText()).containsExactly("Utkast", "På remiss", "Publicerad");
        assertThat(page.selectFirst("ol.lifecycle li.current").text()).isEqualTo("På remiss");
        assertThat(page.selectFirst("#publish").text()).isEqualTo("Publicera");
        assertThat(page.selectFirst("form:has(#publish)").attr("data-confirm")).isEqualTo(
                "Publicera listan Missbruk? Den blir synlig för alla och kan inte ändras, bara ersättas av en ny version.");
        assertThat(page.selectFirst("form:has(#back-to-draft)").hasAttr("data-confirm")).isFalse();
        assertThat(page.selectFirst("#back-to-draft").text()).isEqualTo("Tillbaka till utkast");
        assertThat(page.selectFirst("#to-consultation")).isNull();
        assertThat(page.select("#pair-11 td").get(0).text()).isEqualTo("Community Reinforcement Approach");
        assertThat(page.selectFirst("#pair-11 strong.rec").text()).isEqualTo("nivå 3");
        assertThat(page.selectFirst("#pair-11 small.reasons").text()).isEqualTo("nytta stor → nivå 3");
        assertThat(page.selectFirst("#pair-11 strong.decided").text()).isEqualTo("nivå 2");
        assertThat(page.selectFirst("#pair-11 small.rationale").text()).isEqualTo("Beslutat av gruppen");
        assertThat(page.selectFirst("#pair-12 strong.decided")).isNull();
        assertThat(page.select("#pair-12 td").last().select("a").eachAttr("href")).containsExactly("/priorities/pairs/12#decide");
        assertThat(page.select("p.note").eachText()).contains(
                "Gruppen har inte beslutat om 1 par. Alla par måste ha ett beslut innan listan kan publiceras.");
    }

    static final Map<String, String> GUIDE = new java.util.LinkedHashMap<>();

    static {
        GUIDE.put("motiverande-samtal", "Motiverande samtal (MI)");
        GUIDE.put("nationella-riktlinjer-missbruk-och-beroende",
                "Nationella riktlinjer för vård och stöd vid missbruk och beroende");
    }

    static PriorityProcess draftProcess() {
        Instant at = Instant.parse("2026-02-01T09:30:00Z");
        return new PriorityProcess(7, "Missbruk", Scope.municipality("1280"), List.of("substance-use"),
                "Prioritera insatser vid beroende", null, PriorityMode.SOCIAL_SERVICES, ProcessStatus.DRAFT,
                RankParameters.DEFAULT, new CostBands("kr", List.of(1L, 2L, 3L)), 0, "anna", at, at);
    }

    @Test
    void theNewPairFormOffersThePublishedGuideEntriesByTitle() throws Exception {
        PriorityProcess process = draftProcess();
        when(processes.process(DIRECTOR, 7)).thenReturn(new ProcessView(process, List.of()));
        when(processes.mayEdit(DIRECTOR, process)).thenReturn(true);
        when(processes.guideEntries()).thenReturn(GUIDE);

        Document page = Jsoup.parse(mvc.perform(get("/priorities/processes/7/pairs/new").with(authentication(as(DIRECTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        for (String field : List.of("methodEntry", "guidelineEntry")) {
            assertThat(page.select("select#" + field + " option").eachText()).containsExactly("Inget uppslag",
                    "Motiverande samtal (MI)", "Nationella riktlinjer för vård och stöd vid missbruk och beroende");
            assertThat(page.select("select#" + field + " option").eachAttr("value"))
                    .containsExactly("", "motiverande-samtal", "nationella-riktlinjer-missbruk-och-beroende");
            assertThat(page.select("select#" + field + " option[selected]").eachText()).isEmpty();
            assertThat(page.selectFirst("select#" + field).hasAttr("aria-invalid")).isFalse();
        }
    }

    @Test
    void aPairNamingAnEntryTheGuideDoesNotPublishComesBackWith422TheMessageOnTheFieldAndEveryFieldKept() throws Exception {
        PriorityProcess process = draftProcess();
        when(processes.process(DIRECTOR, 7)).thenReturn(new ProcessView(process, List.of()));
        when(processes.mayEdit(DIRECTOR, process)).thenReturn(true);
        when(processes.guideEntries()).thenReturn(GUIDE);
        when(processes.addPair(eq(DIRECTOR), eq(7L), any()))
                .thenThrow(new PriorityRejected("methodEntry", "priority.error.guide-entry"));

        Document page = Jsoup.parse(mvc.perform(post("/priorities/processes/7/pairs").param("condition", "Riskbruk av alkohol")
                        .param("targetGroup", "Vuxna").param("conditionKind", "individual").param("interventionCode", "")
                        .param("interventionText", "Återfallsprevention i grupp").param("benefit", "stor")
                        .param("benefitRationale", "Stor effekt").param("cost", "lag").param("costRationale", "Billig")
                        .param("certainty", "mattlig").param("certaintyRationale", "Flera studier")
                        .param("statutoryReference", "").param("methodEntry", "finns-inte")
                        .param("guidelineEntry", "nationella-riktlinjer-missbruk-och-beroende")
                        .with(authentication(as(DIRECTOR))).with(csrf()))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString());

        String message = "Uppslaget finns inte bland kunskapsguidens publicerade uppslag. Välj ett uppslag i listan eller Inget uppslag.";
        assertThat(page.selectFirst("#methodEntry-error").text()).isEqualTo(message);
        assertThat(page.selectFirst("#guidelineEntry-error")).isNull();
        assertThat(page.selectFirst("select#methodEntry").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("select#methodEntry").attr("aria-describedby")).isEqualTo("guide-entry-hint methodEntry-error");
        assertThat(page.select("select#methodEntry option[selected]").eachText())
                .containsExactly("finns-inte (finns inte publicerat i kunskapsguiden)");
        assertThat(page.select("select#methodEntry option[selected]").eachAttr("value")).containsExactly("finns-inte");
        assertThat(page.select("select#guidelineEntry option[selected]").eachText())
                .containsExactly("Nationella riktlinjer för vård och stöd vid missbruk och beroende");
        assertThat(page.selectFirst("#condition").attr("value")).isEqualTo("Riskbruk av alkohol");
        assertThat(page.selectFirst("#targetGroup").attr("value")).isEqualTo("Vuxna");
        assertThat(page.selectFirst("#interventionText").attr("value")).isEqualTo("Återfallsprevention i grupp");
        assertThat(page.select("select#benefit option[selected]").eachAttr("value")).containsExactly("stor");
        assertThat(page.select("select#cost option[selected]").eachAttr("value")).containsExactly("lag");
        assertThat(page.select("select#certainty option[selected]").eachAttr("value")).containsExactly("mattlig");
        assertThat(page.selectFirst("#benefitRationale").text()).isEqualTo("Stor effekt");
        assertThat(page.selectFirst("#costRationale").text()).isEqualTo("Billig");
        assertThat(page.selectFirst("#certaintyRationale").text()).isEqualTo("Flera studier");
    }

    /**
     * The guide-entry picker (fragments/guide-entry.html) on a saved pair whose method entry the guide no
     * longer publishes: the empty choice, the saved slug kept as its own chosen option, then the published
     * titles; the guideline picker chooses its published entry by title.
     */
    @Test
    void aSavedPairKeepsAnEntryNoLongerPublishedAsItsOwnOptionBeforeThePublishedTitles() throws Exception {
        PriorityProcess process = draftProcess();
        Pair pair = new Pair(11, 7, "Riskbruk av alkohol", "Vuxna", "MI", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.HOG, "Flera studier", null, null, false, null, "tidigare-metod",
                "nationella-riktlinjer-missbruk-och-beroende", null, null, null, null);
        PairView view = new PairView(pair, "Motiverande samtal",
                new RankProposal(Recommendation.rank(3), List.of(new RankStep("start-benefit", "priority.benefit.stor", 3))));
        when(processes.pair(DIRECTOR, 11)).thenReturn(view);
        when(processes.process(DIRECTOR, 7)).thenReturn(new ProcessView(process, List.of(view)));
        when(processes.mayEdit(DIRECTOR, process)).thenReturn(true);
        when(processes.guideEntries()).thenReturn(GUIDE);
        when(processes.practicePeriod()).thenReturn(new se.samsyn.followup.PublishedYears(2025, 2025));
        when(processes.practice(List.of(view))).thenReturn(Map.of(11L, new se.samsyn.priority.PracticeEvidence("MI", "who5",
                null, null, null, true, se.samsyn.priority.PracticeEvidence.Verdict.WITHHELD)));

        Document page = Jsoup.parse(mvc.perform(get("/priorities/pairs/11").with(authentication(as(DIRECTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.selectFirst("#practice-heading").text()).isEqualTo("Praktiken i riket, kalenderåret 2025");
        assertThat(page.selectFirst("#practice-heading").parent().text())
                .isEqualTo("Praktiken i riket, kalenderåret 2025: .. (för få klienter, eller dold för att skydda en annan uppgift)");

        assertThat(page.select("select#methodEntry option").eachText()).containsExactly("Inget uppslag",
                "tidigare-metod (finns inte publicerat i kunskapsguiden)", "Motiverande samtal (MI)",
                "Nationella riktlinjer för vård och stöd vid missbruk och beroende");
        assertThat(page.select("select#methodEntry option").eachAttr("value")).containsExactly("", "tidigare-metod",
                "motiverande-samtal", "nationella-riktlinjer-missbruk-och-beroende");
        assertThat(page.select("select#methodEntry option[selected]").eachAttr("value")).containsExactly("tidigare-metod");
        assertThat(page.selectFirst("select#methodEntry").attr("name")).isEqualTo("methodEntry");
        assertThat(page.selectFirst("select#methodEntry").attr("aria-describedby")).isEqualTo("guide-entry-hint");
        assertThat(page.selectFirst("select#methodEntry").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select("select#guidelineEntry option").eachText()).containsExactly("Inget uppslag",
                "Motiverande samtal (MI)", "Nationella riktlinjer för vård och stöd vid missbruk och beroende");
        assertThat(page.select("select#guidelineEntry option[selected]").eachText())
                .containsExactly("Nationella riktlinjer för vård och stöd vid missbruk och beroende");
        assertThat(page.selectFirst("select#guidelineEntry").attr("name")).isEqualTo("guidelineEntry");
    }

    @Test
    void theProcessPageNamesAPairsGuideEntriesByTitleLinkedToTheEntry() throws Exception {
        PriorityProcess process = draftProcess();
        Pair pair = new Pair(11, 7, "Riskbruk av alkohol", "Vuxna", "MI", null, Benefit.STOR, "Stor effekt", CostLevel.LAG,
                "Billig", Certainty.HOG, "Flera studier", null, null, false, null, "motiverande-samtal",
                "nationella-riktlinjer-missbruk-och-beroende", null, null, null, null);
        ProcessView view = new ProcessView(process, List.of(new PairView(pair, "Motiverande samtal",
                new RankProposal(Recommendation.rank(3), List.of(new RankStep("start-benefit", "priority.benefit.stor", 3))))));
        when(processes.process(DIRECTOR, 7)).thenReturn(view);
        when(processes.mayEdit(DIRECTOR, process)).thenReturn(true);
        when(processes.guideEntries()).thenReturn(GUIDE);

        Document page = Jsoup.parse(mvc.perform(get("/priorities/processes/7").with(authentication(as(DIRECTOR))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#pair-11 td.intervention .guide-ref").eachText()).containsExactly(
                "Metod: Motiverande samtal (MI)",
                "Riktlinje: Nationella riktlinjer för vård och stöd vid missbruk och beroende");
        assertThat(page.select("#pair-11 td.intervention a").eachAttr("href")).containsExactly(
                "/guide/entries/motiverande-samtal", "/guide/entries/nationella-riktlinjer-missbruk-och-beroende");
        assertThat(page.selectFirst("#pair-table").text()).doesNotContain("motiverande-samtal", "nationella-riktlinjer-");
    }

    @Test
    void aMoveTheLifecycleRefusesComesBackAsAFlashOnTheProcess() throws Exception {
        when(processes.moveTo(DIRECTOR, 7, ProcessStatus.PUBLISHED))
                .thenThrow(new PriorityRejected("status", "priority.error.undecided"));
        mvc.perform(post("/priorities/processes/7/status").param("target", "published")
                        .with(authentication(as(DIRECTOR))).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/priorities/processes/7"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .flash().attribute("flashError", "priority.error.undecided"));
    }
}
