package se.samsyn.knowledge.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.knowledge.EntryNotFound;
import se.samsyn.knowledge.EntryReferenced;
import se.samsyn.knowledge.EntryRejected;

/** The guide's domain errors in its API, as problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = GuideApi.class)
class GuideProblems {

    private final MessageSource messages;

    GuideProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(EntryNotFound.class)
    ProblemDetail notFound(EntryNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(EntryRejected.class)
    ProblemDetail rejected(EntryRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(EntryReferenced.class)
    ProblemDetail referenced(EntryReferenced e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("guide.error.referenced", new Object[] {e.references().size()}, locale));
        problem.setProperty("references", e.references());
        return problem;
    }
}
