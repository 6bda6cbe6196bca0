package se.samsyn.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
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
 * {@code errors: [{field, message}]}, the shape form-style clients read. A request body that fails
 * Bean Validation is answered the same way (422; one entry in {@code errors} per field at fault,
 * sorted by field; {@code field} and {@code detail} are those of the first); a constraint's {@code message} is a message key of the
 * {@code i18n} bundles, resolved in the caller's language (without a key, the validator's own text).
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
            problem.setProperty("errors", List.of(Map.of(
                    "field", rejected.field() == null ? "" : rejected.field(), "message", detail)));
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
        List<FieldError> fields = e.getBindingResult().getFieldErrors().stream()
                .sorted(java.util.Comparator.comparing(FieldError::getField)).toList();
        List<Map<String, String>> errors = fields.stream()
                .map(f -> Map.of("field", f.getField(), "message", text(f, locale))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, errors.isEmpty()
                ? messages.getMessage("error.422", null, "error.422", locale) : errors.get(0).get("message"));
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private String text(FieldError error, Locale locale) {
        String key = error.getDefaultMessage() == null ? "error.422" : error.getDefaultMessage();
        return messages.getMessage(key, null, key, locale);
    }
}
