package se.samsyn.followup.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samsyn.followup.BaselineNeedsConfirmation;
import se.samsyn.followup.ClientNotFound;
import se.samsyn.followup.ItemsUnanswered;
import se.samsyn.followup.FollowupRejected;

/**
 * Follow-up's domain errors in its API, as RFC 9457 problem details in the caller's language:
 * 404 for a client outside the unit, 422 for rejected input, 409 for a baseline that needs
 * confirmation.
 */
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

    /** 422 naming every unanswered item: {@code code} "items-unanswered", {@code items} [2, 4]. */
    @ExceptionHandler(ItemsUnanswered.class)
    ProblemDetail unanswered(ItemsUnanswered e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage(e.messageKey(), new Object[] {e.itemList()}, locale));
        problem.setProperty("code", "items-unanswered");
        problem.setProperty("field", e.field());
        problem.setProperty("items", e.items());
        return problem;
    }

    /**
     * 409 for a second or late baseline: {@code code} "baseline-needs-confirmation", {@code reason}
     * "second-baseline" or "after-followup", {@code existingOn}; send confirm=true to store it anyway.
     */
    @ExceptionHandler(BaselineNeedsConfirmation.class)
    ProblemDetail needsConfirmation(BaselineNeedsConfirmation e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage(e.reason().messageKey(), new Object[] {e.existingOn(), e.measuredOn()}, locale)
                        + " " + messages.getMessage("followup.baseline.confirm.api", null, locale));
        problem.setProperty("code", e.code());
        problem.setProperty("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        problem.setProperty("existingOn", e.existingOn().toString());
        return problem;
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
