package se.samsyn.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writes an RFC 9457 problem-details answer ({@code type, title, status, detail, instance}) from a
 * servlet filter, before Spring MVC runs, with title and detail in the caller's language. The
 * platform provides the one implementation; filters of other modules receive it in their
 * constructor, so that every answer of the security chain speaks the same shape and language.
 */
@FunctionalInterface
public interface ProblemWriter {

    /**
     * Sets {@code status} on the response and writes the problem as {@code application/problem+json}.
     *
     * @param status    the HTTP status, for example 401 or 403; its title is {@code problem.title.<status>}
     * @param detailKey the message key of the detail, for example {@code error.api.token-invalid}
     * @throws IOException when the response cannot be written
     */
    void write(HttpServletRequest request, HttpServletResponse response, int status, String detailKey)
            throws IOException;
}
