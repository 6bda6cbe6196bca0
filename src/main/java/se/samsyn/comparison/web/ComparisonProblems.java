package se.samsyn.comparison.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.comparison.IndicatorNotFound;
import se.samsyn.comparison.IndicatorRejected;
import se.samsyn.comparison.RefreshRunning;

/** The comparison API's domain errors as problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = ComparisonApi.class)
class ComparisonProblems {

    private final MessageSource messages;

    ComparisonProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(IndicatorNotFound.class)
    ProblemDetail notFound(IndicatorNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(IndicatorRejected.class)
    ProblemDetail rejected(IndicatorRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("comparison.error.rejected", null, locale));
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", messages.getMessage(p.messageKey(), null, p.messageKey(), locale)))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A refresh asked for while another runs: 202 Accepted with the running refresh's progress,
     * {@code {"status":"running","done":3,"total":6,"startedAt":"…","detail":"…"}}.
     */
    @ExceptionHandler(RefreshRunning.class)
    org.springframework.http.ResponseEntity<Map<String, Object>> running(RefreshRunning e, Locale locale) {
        RefreshRunning.RefreshProgress p = e.progress();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", "running");
        body.put("done", p.done());
        body.put("total", p.total());
        body.put("startedAt", p.startedAt().toString());
        body.put("detail", messages.getMessage("comparison.refresh.running", new Object[] {p.done(), p.total()}, locale));
        return org.springframework.http.ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }

    @ExceptionHandler({NumberFormatException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage("comparison.error.parameter", null, locale));
    }
}
