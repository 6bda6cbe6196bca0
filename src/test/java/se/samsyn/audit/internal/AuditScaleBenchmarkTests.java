package se.samsyn.audit.internal;

/**
 * The audit read benchmark scaled down to 2,000 and 20,000 events with one timed run, so that it
 * runs in every build and cannot rot: it fails when the page, the (capped) count, the verification
 * of an intact and of an altered chain or the export give a wrong answer. No timing is asserted.
 */
class AuditScaleBenchmarkTests extends AuditScaleBenchmark {

    @Override
    int smallSize() {
        return 2_000;
    }

    @Override
    int runs() {
        return 1;
    }
}
