package se.samsyn.identity.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.identity.AccountNotFound;
import se.samsyn.identity.AccountRejected;
import se.samsyn.identity.TokenNotFound;

/** Maps identity's domain errors in its APIs to problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = {UserApi.class, TokenApi.class, MeApi.class})
class IdentityProblems {

    private final MessageSource messages;

    IdentityProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({AccountNotFound.class, TokenNotFound.class})
    ProblemDetail notFound(RuntimeException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(AccountRejected.class)
    ProblemDetail rejected(AccountRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, locale));
        problem.setProperty("field", e.field());
        return problem;
    }
}
