package se.samsyn.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.shared.DomainProblem;
import se.samsyn.shared.Rejected;

/**
 * The one place where a {@link DomainProblem} thrown by any API controller becomes an RFC 9457
 * problem answer: its status, its message key resolved in the caller's language as
 * {@code detail}, and its properties. A {@link Rejected} also carries
 * {@code errors: [{field, message}]}, the shape form-style clients read.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ProblemAnswers {

    private final MessageSource messages;

    ProblemAnswers(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> problem(DomainProblem e, Locale locale) {
        HttpStatus status = HttpStatus.resolve(e.status());
        String detail = messages.getMessage(e.messageKey(), e.messageArguments(), e.messageKey(), locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status == null ? HttpStatus.UNPROCESSABLE_CONTENT : status, detail);
        e.properties().forEach(problem::setProperty);
        if (e instanceof Rejected rejected) {
            problem.setProperty("errors", rejected.problems().stream().map(p -> Map.of(
                    "field", p.field() == null ? "" : p.field(),
                    "message", messages.getMessage(p.messageKey(), null, p.messageKey(), locale))).toList());
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A request body that fails Bean Validation on its edge record: 422 with
     * {@code errors: [{field, message}]}, one per field error in the order found. A constraint's
     * {@code message} is a message key (for example {@code comparison.error.title}) resolved in the
     * caller's language; the detail is {@code error.validation}.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("error.validation", null, "error.validation", locale));
        problem.setProperty("errors", e.getBindingResult().getFieldErrors().stream().map(f -> Map.of(
                "field", f.getField(),
                "message", messages.getMessage(String.valueOf(f.getDefaultMessage()), null,
                        String.valueOf(f.getDefaultMessage()), locale))).toList());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
