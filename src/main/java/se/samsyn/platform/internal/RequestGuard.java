package se.samsyn.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import se.samsyn.shared.PersonalNumberShape;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before anything else reads the request (sessions, security, audit, logging), a request
 * whose path, query string or parameters hold text shaped like a personal identity number
 * ({@link PersonalNumberShape}; issue 12 point 3). The answer is 400: RFC 9457 problem details
 * (title {@code problem.title.400}, detail {@code error.personal-number}) for API paths and
 * non-HTML clients, the error page with the same text for browsers. The answer never repeats the
 * path. Form bodies of POST requests are checked on the login form only, whose user name flows
 * into security events; other forms (the follow-up page's client look-up, a staff register's
 * employee number) refuse such a value themselves with their own message and keep what was typed,
 * and the audit writer and the log mask any number that gets further. JSON bodies are not read. It also refuses a GET parameter longer than 1,000 characters with 400
 * ({@code error.parameter-too-long}).
 */
class RequestGuard extends OncePerRequestFilter {

    /** Request attribute naming the message key the error page shows instead of the status's own. */
    static final String MESSAGE_KEY = RequestGuard.class.getName() + ".messageKey";
    /** The one form whose POST body is checked: its user name reaches the security events. */
    static final String LOGIN = "/login";
    /** The longest parameter value a GET request may carry. */
    static final int MAX_QUERY_PARAMETER = 1000;

    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageSource messages;
    private final LocaleResolver locales;

    RequestGuard(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (holdsPersonalNumber(request)) {
            refuse(request, response, "error.personal-number");
            return;
        }
        if (oversized(request)) {
            refuse(request, response, "error.parameter-too-long");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean holdsPersonalNumber(HttpServletRequest request) {
        if (PersonalNumberShape.foundIn(decoded(request.getRequestURI()))
                || PersonalNumberShape.foundIn(decoded(request.getQueryString()))) {
            return true;
        }
        boolean formBody = "POST".equalsIgnoreCase(request.getMethod())
                && !LOGIN.equals(request.getRequestURI().substring(request.getContextPath().length()));
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (PersonalNumberShape.foundIn(parameter.getKey())) {
                return true;
            }
            if (formBody) {
                continue;
            }
            for (String value : parameter.getValue()) {
                if (PersonalNumberShape.foundIn(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a GET or HEAD request has a parameter value longer than {@value #MAX_QUERY_PARAMETER}
     * characters (a search or suggestion query, a filter): answered 400 instead of reaching a parser
     * (issue 12 point 5). Form bodies (POST) carry long texts such as a guide entry and are not limited here.
     */
    private static boolean oversized(HttpServletRequest request) {
        if (!"GET".equalsIgnoreCase(request.getMethod()) && !"HEAD".equalsIgnoreCase(request.getMethod())) {
            return false;
        }
        return request.getParameterMap().values().stream()
                .anyMatch(values -> java.util.Arrays.stream(values).anyMatch(v -> v.length() > MAX_QUERY_PARAMETER));
    }

    private static String decoded(String text) {
        if (text == null) {
            return null;
        }
        try {
            // '+' stays '+' in a path, so decode it as such: "19121212+1212" must still be found
            return text + " " + URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detailKey)
            throws IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean page = !request.getRequestURI().startsWith("/api/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
        if (page) {
            request.setAttribute(MESSAGE_KEY, detailKey);
            response.sendError(400);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ProblemTitles.title(messages, 400, locale, "Bad Request"));
        problem.put("status", 400);
        problem.put("detail", messages.getMessage(detailKey, null, detailKey, locale));
        response.setStatus(400);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
