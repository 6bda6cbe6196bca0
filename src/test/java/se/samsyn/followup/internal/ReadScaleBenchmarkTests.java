package se.samsyn.followup.internal;

/**
 * The follow-up read benchmark scaled down to 10 and 100 clients with three timed runs, so that
 * it runs in every build (well under a minute) and cannot rot: it fails when an answer differs
 * from the figures expected from the generated clients or a stored report from the one computed
 * on the spot. No timing is asserted; the background refresh, which protects every region, is what
 * grows with the clients here (ADR 0015 gives measured times).
 */
class ReadScaleBenchmarkTests extends ReadScaleBenchmark {

    @Override
    int smallSize() {
        return 10;
    }

    @Override
    int runs() {
        return 3;
    }
}
