package se.samsyn.platform.internal;

import java.lang.reflect.Field;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
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
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;
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
 * Bean Validation gets the same shape: 422, {@code field} and {@code detail} from the first
 * error and one {@code errors} entry per field, the message in the caller's language. The
 * {@code title} follows the caller's language too ({@code problem.title.<status>} in the i18n
 * bundles, Swedish by default).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ProblemAnswers {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

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
        return answer(problem, locale);
    }

    /**
     * A request body that fails Bean Validation on its edge record: 422 in the same shape as a
     * {@link Rejected}: {@code field} from the first error, {@code errors: [{field, message}]} for
     * every field error in the order the record declares its fields (top to bottom, as a form shows
     * them), and as {@code detail} the first error's message ({@code error.422} if there is none). A constraint's {@code message} is
     * either {@code {key}} (interpolated by the validator) or a bare message key such as
     * {@code comparison.error.title}; both end in the caller's language.
     */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
        Object target = e.getBindingResult().getTarget();
        List<String> order = target == null ? List.of()
                : Arrays.stream(target.getClass().getDeclaredFields()).map(Field::getName).toList();
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError f) -> order.indexOf(f.getField()))
                        .thenComparing(FieldError::getField).thenComparing(f -> String.valueOf(f.getDefaultMessage())))
                .toList();
        List<Map<String, String>> answers = errors.stream().map(f -> {
            String text = messages.getMessage(f, locale);
            return Map.of("field", f.getField(), "message", messages.getMessage(text, null, text, locale));
        }).distinct().toList();
        String detail = answers.isEmpty() ? messages.getMessage("error.422", null, "error.422", locale)
                : answers.get(0).get("message");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        if (!answers.isEmpty()) {
            problem.setProperty("field", answers.get(0).get("field"));
        }
        problem.setProperty("errors", answers);
        return answer(problem, locale);
    }

    /**
     * A request body that is not JSON, or whose field has the wrong type ({@code "score":"abc"}):
     * 400 with the field named (its JSON path, for example {@code score} or {@code items[2]}) when
     * the JSON reader knows it, in the caller's language, never the reader's own message.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        String field = e.getCause() instanceof DatabindException mapping ? path(mapping) : null;
        String detail = field == null ? messages.getMessage("error.body", null, "error.body", locale)
                : messages.getMessage("error.body.field", new Object[] {field}, "error.body.field", locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return answer(problem, locale);
    }

    /** A path or query parameter of the wrong form ({@code /clients/abc}): 400 naming it. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e, Locale locale) {
        String detail = messages.getMessage("error.parameter", new Object[] {e.getName()}, "error.parameter", locale);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("parameter", e.getName());
        return answer(problem, locale);
    }

    /**
     * The answer with {@code type} {@code about:blank} (RFC 9457 section 4.2.1: the status says it
     * all), as every other problem answer of the API carries it (403, 404 and the filters' answers),
     * and its {@code title} in the caller's language ({@code problem.title.<status>}, Swedish by
     * default), like its {@code detail}; a status without a title of ours keeps the HTTP reason phrase.
     */
    private ResponseEntity<ProblemDetail> answer(ProblemDetail problem, Locale locale) {
        problem.setType(ABOUT_BLANK);
        problem.setTitle(ProblemTitles.title(messages, problem.getStatus(), locale, problem.getTitle()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }
}
