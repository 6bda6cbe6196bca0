package se.samsyn.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The knowledge index benchmark ({@link KnowledgeIndexRounds}) scaled down to 500 entries and
 * 60 queries, so it runs in the build and cannot rot: both indexes find exactly the expected hits
 * (the rounds throw otherwise). No timing is asserted.
 */
class KnowledgeIndexBenchmarkTests {

    @Test
    void theScaledDownBenchmarkPassesItsOwnChecks() throws Exception {
        KnowledgeIndexRounds.Result result = new KnowledgeIndexRounds().run(500, 60, 3);
        KnowledgeIndexRounds.print(result, 3);
        assertThat(result.entries()).isEqualTo(500);
        // per round: 4 planted-word checks and one per one-word query (12 of the 16 queries)
        assertThat(result.checks()).isEqualTo(3 * (4 + 12));
    }
}
