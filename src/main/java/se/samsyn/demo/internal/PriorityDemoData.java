package se.samsyn.demo.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.samsyn.cluster.ClusterLocks;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostBands;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.Pair;
import se.samsyn.priority.PairDraft;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.PriorityProcess;
import se.samsyn.priority.PriorityProcesses;
import se.samsyn.priority.ProcessDraft;
import se.samsyn.priority.ProcessStatus;
import se.samsyn.priority.RankParameters;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;

/**
 * One published national social-services list on substance use and homelessness, with pairs on
 * the seeded catalogue interventions. The criteria are illustrative demo judgements, not
 * Socialstyrelsen's. Runs once: a process of the same name is left alone.
 */
@Component
@Order(40)
class PriorityDemoData implements ApplicationRunner {

    static final String NAME = "Missbruk och hemlöshet (demo)";
    private static final Logger log = LoggerFactory.getLogger(PriorityDemoData.class);

    private final PriorityProcesses processes;
    private final DemoMode mode;

    private final ClusterLocks locks;

    PriorityDemoData(PriorityProcesses processes, @Value("${samsyn.demo:auto}") String setting,
                     @Value("${spring.datasource.url:}") String url,
            ClusterLocks locks) {
        this.locks = locks;
        this.processes = processes;
        this.mode = new DemoMode(setting, url);
    }

    record DemoPair(String condition, String target, String code, String text, Benefit benefit, CostLevel cost,
                    Certainty certainty, String statute, String decision, String rationale) {
    }

    static final List<DemoPair> PAIRS = List.of(
            new DemoPair("Riskbruk av alkohol", "Vuxna", "MI", null, Benefit.STOR, CostLevel.LAG, Certainty.MATTLIG,
                    null, null, null),
            new DemoPair("Alkoholberoende", "Vuxna", "ABBV", null, Benefit.STOR, CostLevel.MATTLIG, Certainty.MATTLIG,
                    null, null, null),
            new DemoPair("Alkohol- eller narkotikaberoende", "Vuxna", "CRA", null, Benefit.MYCKET_STOR, CostLevel.MATTLIG,
                    Certainty.MATTLIG, null, null, null),
            new DemoPair("Alkoholberoende", "Vuxna som vill ha gruppstöd", null, "Tolvstegsbehandling (12-steg)",
                    Benefit.MATTLIG, CostLevel.MATTLIG, Certainty.LAG, null, null, null),
            new DemoPair("Hemlöshet med samtidigt missbruk", "Vuxna i akut hemlöshet", "HF", null, Benefit.STOR,
                    CostLevel.HOG, Certainty.MATTLIG, null, "3",
                    "Behovet är mycket stort och målgruppen har svårt att göra sin röst hörd; gruppen väger behovsprincipen före kostnaden."),
            new DemoPair("Missbruk med svag förankring på arbetsmarknaden", "Vuxna", "IPS", null, Benefit.STOR,
                    CostLevel.MATTLIG, Certainty.LAG, null, null, null),
            new DemoPair("Missbruk och behov av vård utanför hemmet", "Vuxna", "HVB", null, Benefit.LITEN,
                    CostLevel.MYCKET_HOG, Certainty.LAG, "SoL 4 kap. 1 §", null, null),
            new DemoPair("Skuldsättning vid missbruk", "Vuxna", "BUDGET", null, Benefit.MATTLIG, CostLevel.LAG,
                    Certainty.SAKNAS, null, null, null));

    /** The national guideline behind every pair of the demo list, an entry of the guide's starting set. */
    static final String GUIDELINE_ENTRY = "nationella-riktlinjer-missbruk-och-beroende";

    /**
     * The method entry of each pair, by catalogue code or, for a free-text intervention, by its text:
     * entries of the guide's starting set ({@code knowledge/seed-entries.json}). Residential care
     * (HVB) is no method and has none.
     */
    static final java.util.Map<String, String> METHOD_ENTRIES = java.util.Map.of("MI", "motiverande-samtal",
            "ABBV", "aterfallsprevention", "CRA", "community-reinforcement-approach",
            "Tolvstegsbehandling (12-steg)", "tolvstegsbehandling", "HF", "bostad-forst",
            "IPS", "individanpassat-stod-till-arbete", "BUDGET", "budget-och-skuldradgivning");

    @Override
    public void run(ApplicationArguments args) {
        locks.runExclusively(ClusterLocks.SEEDING, ClusterLocks.SEEDING_WAIT, this::seed);
    }

    private void seed() {
        if (!mode.enabled() || processes.publishedLists().stream().anyMatch(l -> l.name().equals(NAME))) {
            return;
        }
        Actor national = new Actor(Actor.SYSTEM, Role.NATIONAL_ANALYST, Scope.nation());
        // a pair may name only published entries: with the guide's starting set turned off, the pairs name none
        java.util.Map<String, String> published = processes.guideEntries();
        PriorityProcess process = processes.create(national, new ProcessDraft(NAME, Scope.nation(),
                List.of("substance-use", "homelessness"),
                "Rangordna socialtjänstens insatser vid missbruk och hemlöshet, så att kommunerna kan fördela resurserna öppet.",
                "Socialchefer, forskare, brukarföreträdare och analytiker (demo)", PriorityMode.SOCIAL_SERVICES,
                RankParameters.DEFAULT, new CostBands("kr per förbättrad klient", List.of(50_000L, 200_000L, 500_000L))));
        for (DemoPair d : PAIRS) {
            Pair pair = processes.addPair(national, process.id(), new PairDraft(d.condition(), d.target(), d.code(), d.text(),
                    d.benefit(), "Demo: nyttan enligt sammanställd forskning och brukarerfarenhet.", d.cost(),
                    "Demo: kostnad per förbättrad klient jämförd med processens band.", d.certainty(),
                    "Demo: samlad bedömning av tillförlitligheten enligt GRADE.", null, null, d.statute() != null,
                    d.statute(), entry(published, METHOD_ENTRIES.get(d.code() != null ? d.code() : d.text())),
                    entry(published, GUIDELINE_ENTRY)));
            String decision = d.decision() != null ? d.decision()
                    : processes.pair(national, pair.id()).proposal().recommendation().code();
            processes.decide(national, pair.id(), decision, d.rationale());
        }
        processes.moveTo(national, process.id(), ProcessStatus.CONSULTATION);
        processes.moveTo(national, process.id(), ProcessStatus.PUBLISHED);
        log.info("Demo priority list published: {} with {} pairs", NAME, PAIRS.size());
    }

    private static String entry(java.util.Map<String, String> published, String slug) {
        return slug != null && published.containsKey(slug) ? slug : null;
    }
}
