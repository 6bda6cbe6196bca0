package se.samsyn.platform.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import se.samsyn.shared.StartRefused;

/**
 * Turns a {@link StartRefused} anywhere in a start-up failure's causes into Spring Boot's readable
 * "APPLICATION FAILED TO START" report with its description and action, instead of a stack trace.
 * Registered in {@code META-INF/spring.factories}; public because Spring Boot creates it from that
 * class name (and tests of a refused start call it to read the report); no production code calls it.
 */
public class StartRefusedAnalyzer extends AbstractFailureAnalyzer<StartRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartRefused cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
