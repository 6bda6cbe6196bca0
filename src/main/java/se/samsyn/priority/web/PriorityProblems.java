package se.samsyn.priority.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.priority.PriorityNotFound;
import se.samsyn.priority.PriorityRejected;

/** Priority setting's domain errors in its API, as problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = PriorityApi.class)
class PriorityProblems {

    private final MessageSource messages;

    PriorityProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PriorityNotFound.class)
    ProblemDetail notFound(PriorityNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(PriorityRejected.class)
    ProblemDetail rejected(PriorityRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setProperty("field", e.field());
        return problem;
    }
}
