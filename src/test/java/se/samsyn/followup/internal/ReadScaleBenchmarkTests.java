package se.samsyn.followup.internal;

/**
 * The follow-up read benchmark scaled down to 300 and 3,000 clients with three timed runs, so that
 * it runs in every build and cannot rot: it fails when an answer differs from the figures expected
 * from the generated clients. No timing is asserted.
 */
class ReadScaleBenchmarkTests extends ReadScaleBenchmark {

    @Override
    int smallSize() {
        return 300;
    }

    @Override
    int runs() {
        return 3;
    }
}
