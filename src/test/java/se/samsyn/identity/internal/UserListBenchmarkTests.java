package se.samsyn.identity.internal;

/**
 * The account list benchmark scaled down to 1,000 and 10,000 accounts with three timed runs, so
 * that it runs in every build and cannot rot: it fails when a page differs from the one expected.
 * No timing is asserted.
 */
class UserListBenchmarkTests extends UserListBenchmark {

    @Override
    int smallSize() {
        return 1_000;
    }

    @Override
    int runs() {
        return 3;
    }
}
