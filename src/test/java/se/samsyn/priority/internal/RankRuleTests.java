package se.samsyn.priority.internal;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import se.samsyn.priority.Benefit;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.CostLevel;
import se.samsyn.priority.PairCriteria;
import se.samsyn.priority.PriorityMode;
import se.samsyn.priority.RankParameters;
import se.samsyn.priority.RankProposal;
import se.samsyn.priority.RankStep;
import se.samsyn.priority.Recommendation;
import se.samsyn.priority.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proposal rule. The two CSV tables hold every combination of the criteria (and the statutory
 * flag) in each mode with the expected recommendation and the exact Swedish explanation; they were
 * written from ADR 0007, not from the code. The properties below hold for the defaults and for
 * any valid parameters.
 */
class RankRuleTests {

    static final RankRule DEFAULT = new RankRule(RankParameters.DEFAULT);
    static final ResourceBundle SWEDISH = ResourceBundle.getBundle("i18n.priority", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    static final ResourceBundle ENGLISH = ResourceBundle.getBundle("i18n.priority", Locale.ENGLISH,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    @ParameterizedTest(name = "social services: benefit {1}, cost {2}, certainty {3}, statutory {4} → {5}")
    @CsvFileSource(resources = "/priority/rank-rule-social-services.csv", numLinesToSkip = 1, delimiter = '|')
    void socialServicesTable(String severity, String benefit, String cost, String certainty, boolean statutory,
                             String expected, String explanation) {
        RankProposal proposal = DEFAULT.propose(PriorityMode.SOCIAL_SERVICES, criteria(null, benefit, cost, certainty,
                statutory));
        assertThat(proposal.recommendation().code()).isEqualTo(expected);
        assertThat(swedish(proposal)).isEqualTo(explanation);
    }

    @ParameterizedTest(name = "health care: severity {0}, benefit {1}, cost {2}, certainty {3}, statutory {4} → {5}")
    @CsvFileSource(resources = "/priority/rank-rule-health-care.csv", numLinesToSkip = 1, delimiter = '|')
    void healthCareTable(String severity, String benefit, String cost, String certainty, boolean statutory,
                         String expected, String explanation) {
        RankProposal proposal = DEFAULT.propose(PriorityMode.HEALTH_CARE, criteria(severity, benefit, cost, certainty,
                statutory));
        assertThat(proposal.recommendation().code()).isEqualTo(expected);
        assertThat(swedish(proposal)).isEqualTo(explanation);
    }

    @Test
    void theIssueExampleReadsAsWrittenInSwedishAndInEnglish() {
        RankProposal proposal = DEFAULT.propose(PriorityMode.SOCIAL_SERVICES,
                new PairCriteria(Benefit.STOR, CostLevel.HOG, Certainty.LAG, null, false));
        assertThat(proposal.recommendation()).isEqualTo(Recommendation.rank(6));
        assertThat(swedish(proposal)).isEqualTo("nytta stor → nivå 3; kostnad hög → sänkt till 5; evidens låg → sänkt till 6");
        assertThat(render(proposal, ENGLISH))
                .isEqualTo("benefit large → level 3; cost high → lowered to 5; evidence low → lowered to 6");
    }

    @Test
    void healthCareNeedsASeverity() {
        assertThatThrownBy(() -> DEFAULT.propose(PriorityMode.HEALTH_CARE,
                new PairCriteria(Benefit.STOR, CostLevel.LAG, Certainty.HOG, null, false)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersThatWouldBreakTheInvariantsAreRefused() {
        assertThatThrownBy(() -> new RankParameters(List.of(1, 3, 2, 7), List.of(1, 3, 5, 7), List.of(0, 0, 2, 4),
                List.of(0, 0, 1, 2), Certainty.MYCKET_LAG)).isInstanceOf(RankParameters.InvalidParameters.class);
        assertThatThrownBy(() -> new RankParameters(List.of(1, 3, 5, 7), List.of(1, 3, 5, 7), List.of(0, 2, 1, 4),
                List.of(0, 0, 1, 2), Certainty.MYCKET_LAG)).isInstanceOf(RankParameters.InvalidParameters.class);
        assertThatThrownBy(() -> new RankParameters(List.of(0, 3, 5, 7), List.of(1, 3, 5, 7), List.of(0, 0, 2, 4),
                List.of(0, 0, 1, 2), Certainty.MYCKET_LAG)).isInstanceOf(RankParameters.InvalidParameters.class);
        assertThatThrownBy(() -> new RankParameters(List.of(1, 3, 5, 7), List.of(1, 3, 5, 7), List.of(0, 0, 2, 4),
                List.of(0, 0, 1, 2), Certainty.MATTLIG)).isInstanceOf(RankParameters.InvalidParameters.class);
    }

    @Test
    void fouFromSaknasLetsVeryLowCertaintyLowerTheLevelInstead() {
        RankRule rule = new RankRule(new RankParameters(List.of(1, 3, 5, 7), List.of(1, 3, 5, 7), List.of(0, 0, 2, 4),
                List.of(0, 0, 1, 2), Certainty.SAKNAS));
        RankProposal p = rule.propose(PriorityMode.SOCIAL_SERVICES,
                new PairCriteria(Benefit.STOR, CostLevel.LAG, Certainty.MYCKET_LAG, null, false));
        assertThat(p.recommendation()).isEqualTo(Recommendation.rank(5));
        assertThat(rule.propose(PriorityMode.SOCIAL_SERVICES,
                new PairCriteria(Benefit.STOR, CostLevel.LAG, Certainty.SAKNAS, null, false)).recommendation())
                .isEqualTo(Recommendation.fou());
    }

    // ---- properties, over every combination and over many random valid parameter sets ----------

    @Test
    void higherCostNeverImprovesTheRecommendation() {
        for (RankRule rule : rules()) {
            for (PriorityMode mode : PriorityMode.values()) {
                for (Severity s : severities(mode)) {
                    for (Benefit b : Benefit.values()) {
                        for (Certainty e : Certainty.values()) {
                            for (boolean statutory : new boolean[] {false, true}) {
                                for (int c = 1; c < CostLevel.values().length; c++) {
                                    int cheaper = order(rule, mode, s, b, CostLevel.values()[c - 1], e, statutory);
                                    int dearer = order(rule, mode, s, b, CostLevel.values()[c], e, statutory);
                                    assertThat(dearer).isGreaterThanOrEqualTo(cheaper);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void weakerEvidenceNeverImprovesTheRecommendation() {
        for (RankRule rule : rules()) {
            for (PriorityMode mode : PriorityMode.values()) {
                for (Severity s : severities(mode)) {
                    for (Benefit b : Benefit.values()) {
                        for (CostLevel c : CostLevel.values()) {
                            for (boolean statutory : new boolean[] {false, true}) {
                                for (int e = 1; e < Certainty.values().length; e++) {
                                    int stronger = order(rule, mode, s, b, c, Certainty.values()[e - 1], statutory);
                                    int weaker = order(rule, mode, s, b, c, Certainty.values()[e], statutory);
                                    assertThat(weaker).isGreaterThanOrEqualTo(stronger);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void socialServicesNeverReadSeverity() {
        for (RankRule rule : rules()) {
            for (Benefit b : Benefit.values()) {
                for (CostLevel c : CostLevel.values()) {
                    for (Certainty e : Certainty.values()) {
                        for (boolean statutory : new boolean[] {false, true}) {
                            RankProposal without = rule.propose(PriorityMode.SOCIAL_SERVICES,
                                    new PairCriteria(b, c, e, null, statutory));
                            for (Severity s : Severity.values()) {
                                assertThat(rule.propose(PriorityMode.SOCIAL_SERVICES,
                                        new PairCriteria(b, c, e, s, statutory))).isEqualTo(without);
                            }
                            assertThat(without.steps()).noneMatch(step -> step.code().contains("severity"));
                        }
                    }
                }
            }
        }
    }

    @Test
    void inHealthCareTheRankIsNeverBetterThanSeverityImplies() {
        for (RankRule rule : rules()) {
            for (Severity s : Severity.values()) {
                int implied = rule.parameters().severityStart().get(s.ordinal());
                for (Benefit b : Benefit.values()) {
                    for (CostLevel c : CostLevel.values()) {
                        for (Certainty e : Certainty.values()) {
                            for (boolean statutory : new boolean[] {false, true}) {
                                assertThat(order(rule, PriorityMode.HEALTH_CARE, s, b, c, e, statutory))
                                        .isGreaterThanOrEqualTo(implied);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void statutoryPairsNeverGetIckeGoraAndNoBenefitOtherwiseAlwaysDoes() {
        for (RankRule rule : rules()) {
            for (PriorityMode mode : PriorityMode.values()) {
                for (Severity s : severities(mode)) {
                    for (Benefit b : Benefit.values()) {
                        for (CostLevel c : CostLevel.values()) {
                            for (Certainty e : Certainty.values()) {
                                Recommendation statutory = rule.propose(mode, new PairCriteria(b, c, e, s, true))
                                        .recommendation();
                                assertThat(statutory.kind()).isEqualTo(Recommendation.Kind.RANK);
                                Recommendation plain = rule.propose(mode, new PairCriteria(b, c, e, s, false))
                                        .recommendation();
                                if (b == Benefit.INGEN) {
                                    assertThat(plain).isEqualTo(Recommendation.ickeGora());
                                } else if (e.ordinal() >= rule.parameters().fouFrom().ordinal()) {
                                    assertThat(plain).isEqualTo(Recommendation.fou());
                                } else {
                                    assertThat(plain.kind()).isEqualTo(Recommendation.Kind.RANK);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyStepThatMovesTheLevelIsListedAndTheLastStepNamesTheResult() {
        for (PriorityMode mode : PriorityMode.values()) {
            for (Severity s : severities(mode)) {
                for (Benefit b : Benefit.values()) {
                    for (CostLevel c : CostLevel.values()) {
                        for (Certainty e : Certainty.values()) {
                            RankProposal p = DEFAULT.propose(mode, new PairCriteria(b, c, e, s, false));
                            assertThat(p.steps()).isNotEmpty();
                            RankStep last = p.steps().get(p.steps().size() - 1);
                            if (p.recommendation().kind() == Recommendation.Kind.RANK) {
                                assertThat(last.level()).isEqualTo(p.recommendation().rank());
                                for (int i = 1; i < p.steps().size(); i++) {
                                    assertThat(p.steps().get(i).level()).isGreaterThan(p.steps().get(i - 1).level());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static List<RankRule> rules() {
        List<RankRule> rules = new ArrayList<>();
        rules.add(DEFAULT);
        Random random = new Random(20261123);
        Certainty[] fou = {Certainty.LAG, Certainty.MYCKET_LAG, Certainty.SAKNAS};
        for (int i = 0; i < 60; i++) {
            rules.add(new RankRule(new RankParameters(ascending(random, 1, 10), ascending(random, 1, 10),
                    ascending(random, 0, 9), ascending(random, 0, 9), fou[random.nextInt(fou.length)])));
        }
        return rules;
    }

    private static List<Integer> ascending(Random random, int min, int max) {
        List<Integer> values = new ArrayList<>();
        int v = min;
        for (int i = 0; i < 4; i++) {
            v = v + random.nextInt(Math.max(1, (max - v) / 2 + 1));
            values.add(Math.min(v, max));
        }
        return values;
    }

    private static List<Severity> severities(PriorityMode mode) {
        return mode == PriorityMode.HEALTH_CARE ? List.of(Severity.values()) : java.util.Arrays.asList((Severity) null);
    }

    private static int order(RankRule rule, PriorityMode mode, Severity s, Benefit b, CostLevel c, Certainty e,
                             boolean statutory) {
        return rule.propose(mode, new PairCriteria(b, c, e, s, statutory)).recommendation().order();
    }

    private static PairCriteria criteria(String severity, String benefit, String cost, String certainty, boolean statutory) {
        return new PairCriteria(Benefit.fromCode(benefit).orElseThrow(), CostLevel.fromCode(cost).orElseThrow(),
                Certainty.fromCode(certainty).orElseThrow(),
                severity == null || severity.isBlank() ? null : Severity.fromCode(severity).orElseThrow(), statutory);
    }

    static String swedish(RankProposal proposal) {
        return render(proposal, SWEDISH);
    }

    static String render(RankProposal proposal, ResourceBundle bundle) {
        return proposal.explanation((key, args) -> new MessageFormat(bundle.getString(key),
                Locale.ROOT).format(args));
    }
}
