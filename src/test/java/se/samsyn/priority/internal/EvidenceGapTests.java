package se.samsyn.priority.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.samsyn.priority.Certainty;
import se.samsyn.priority.PracticeEvidence.Verdict;

class EvidenceGapTests {

    @ParameterizedTest(name = "certainty {0}, n {1}, improved {2} % → {3}")
    @CsvSource(nullValues = "null", value = {
            "hog, null, null, NO_DATA",
            "hog, 19, 10.0, TOO_FEW",
            "hog, 19, null, TOO_FEW",
            "hog, 20, null, WITHHELD",
            "hog, 20, 45.0, CONSISTENT",
            "hog, 20, 44.9, PRACTICE_WEAKER",
            "hog, 20, 29.9, PRACTICE_WEAKER",
            "mattlig, 40, 29.9, PRACTICE_WEAKER",
            "mattlig, 40, 30.0, CONSISTENT",
            "lag, 40, 60.0, PRACTICE_STRONGER",
            "lag, 40, 59.9, CONSISTENT",
            "mycket-lag, 40, 45.0, PRACTICE_STRONGER",
            "saknas, 40, 44.9, CONSISTENT",
            "hog, 100, 60.0, CONSISTENT"})
    void largeGapIsTwoStepsOrMore(String certainty, Integer n, Double share, Verdict expected) {
        assertThat(EvidenceGap.judge(Certainty.fromCode(certainty).orElseThrow(), n, share)).isEqualTo(expected);
    }
}
