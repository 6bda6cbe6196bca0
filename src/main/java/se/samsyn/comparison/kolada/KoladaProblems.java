package se.samsyn.comparison.kolada;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Illegal parameters in the Kolada APIs, as RFC 9457 problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = {KoladaApi.class, KoladaImportApi.class})
class KoladaProblems {

    private final MessageSource messages;

    KoladaProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(KoladaBadRequest.class)
    ProblemDetail badRequest(KoladaBadRequest e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), null, e.messageKey(), locale));
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler(KoladaUnreachable.class)
    ProblemDetail unreachable(KoladaUnreachable e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                messages.getMessage(e.messageKey(), new Object[] {e.baseUrl()}, e.messageKey(), locale));
        problem.setProperty("baseUrl", e.baseUrl());
        return problem;
    }
}
