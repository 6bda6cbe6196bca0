package se.samsyn.organisation.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.organisation.MunicipalityNotFound;
import se.samsyn.organisation.UnitNotFound;
import se.samsyn.organisation.UnitRejected;

/** Maps the organisation's domain errors in its APIs to problem details in the caller's language. */
@RestControllerAdvice(assignableTypes = {MunicipalityApi.class, UnitApi.class, ReferenceDataApi.class})
class OrganisationProblems {

    private final MessageSource messages;

    OrganisationProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({MunicipalityNotFound.class, UnitNotFound.class})
    ProblemDetail notFound(RuntimeException e, Locale locale) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                messages.getMessage("error.404", null, locale));
    }

    @ExceptionHandler(UnitRejected.class)
    ProblemDetail rejected(UnitRejected e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), null, locale));
        problem.setProperty("field", e.field());
        return problem;
    }
}
