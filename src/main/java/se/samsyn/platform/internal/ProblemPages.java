package se.samsyn.platform.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import se.samsyn.shared.DomainProblem;

/**
 * A {@link DomainProblem} that a page controller does not handle itself (by showing the form
 * again with the message) ends on the error page with the problem's status, in the reader's
 * language, through {@link ErrorPages}. API controllers are answered by {@link ProblemAnswers},
 * which comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemPages {

    @ExceptionHandler(DomainProblem.class)
    void page(DomainProblem e, HttpServletResponse response) throws IOException {
        response.sendError(e.status());
    }
}
