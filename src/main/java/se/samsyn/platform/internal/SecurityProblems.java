package se.samsyn.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain's answers to an API call that is not signed in (401, with
 * {@code WWW-Authenticate: Bearer}) or not allowed (403): RFC 9457 problem details
 * ({@code type, title, status, detail, instance}) with title and detail in the caller's language
 * ({@code problem.title.<status>}, {@code error.api.401}, {@code error.api.403}). The language
 * comes from the locale resolver, since these answers are written before Spring MVC runs.
 */
final class SecurityProblems implements se.samsyn.shared.ProblemWriter {

    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageSource messages;
    private final LocaleResolver locales;

    SecurityProblems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, 401, "error.api.401");
    }

    void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, 403, "error.api.403");
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String detailKey)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ProblemTitles.title(messages, status, locale, String.valueOf(status)));
        problem.put("status", status);
        problem.put("detail", messages.getMessage(detailKey, null, detailKey, locale));
        problem.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
