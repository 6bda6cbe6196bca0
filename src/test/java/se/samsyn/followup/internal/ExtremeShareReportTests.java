package se.samsyn.followup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samsyn.followup.Instrument;
import se.samsyn.followup.OutcomeReport;
import se.samsyn.followup.ScoringRule;
import se.samsyn.followup.internal.OutcomePairs.PairRow;
import se.samsyn.shared.Scope;

/**
 * The attribute-disclosure rule in outcome reports outside the owning unit (ADR 0015): a share
 * improved of 0 % or 100 % on fewer than 2t clients is withheld, its n and medians shown.
 */
class ExtremeShareReportTests {

    private static final Instrument WHO5 = new Instrument("who5", "WHO-5", "WHO-5", ScoringRule.SUM, 4, 0, 100, true,
            10, "WHO", List.of());
    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-12-31");

    /** {@code improved} clients gaining 20 points and the rest none, all women, of intervention HF. */
    private static List<PairRow> pairs(int clients, int improved) {
        List<PairRow> pairs = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            pairs.add(new PairRow(i + 1, "1880", "1880-IFO", "K", "HF", 40, i < improved ? 60 : 40));
        }
        return pairs;
    }

    private static OutcomeReport.Cell total(List<PairRow> pairs, boolean suppress) {
        OutcomeReport report = PairedReports.report(pairs, WHO5, null, "m:1880", Map.of("HF", "Housing First"),
                FROM, TO, Scope.municipality("1880"), suppress, 5, true);
        return report.rows().get(0).cells().get("T");
    }

    @Test
    void allOfNineImprovedIsWithheldOutsideTheOwningUnitButNotItsNOrMedians() {
        OutcomeReport.Cell cell = total(pairs(9, 9), true);
        assertThat(cell).isEqualTo(new OutcomeReport.Cell(9, 40.0, 60.0, 20.0, null, false));
    }

    @Test
    void noneOfSixImprovedIsWithheldToo() {
        assertThat(total(pairs(6, 0), true).shareImproved()).isNull();
        assertThat(total(pairs(6, 0), true).n()).isEqualTo(6);
    }

    @Test
    void tenClientsOrASharePartWayAreShown() {
        assertThat(total(pairs(10, 10), true).shareImproved()).isEqualTo(100.0);
        assertThat(total(pairs(9, 8), true).shareImproved()).isEqualTo(88.9);
    }

    @Test
    void theOwningUnitSeesItsOwnShare() {
        assertThat(total(pairs(9, 9), false).shareImproved()).isEqualTo(100.0);
    }
}
