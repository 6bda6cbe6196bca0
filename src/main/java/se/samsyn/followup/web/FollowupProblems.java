package se.samsyn.followup.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.followup.FollowupRejected;

/** Follow-up's domain errors in its API, as problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = FollowupApi.class)
class FollowupProblems {

    private final MessageSource messages;

    FollowupProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ClientNotFound.class)
    ProblemDetail notFound(ClientNotFound e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(FollowupRejected.class)
    ProblemDetail rejected(FollowupRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setProperty("field", e.field());
        problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", e.field() == null ? "" : e.field(),
                "message", problem.getDetail())));
        return problem;
    }
}
