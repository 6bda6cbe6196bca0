package se.samsyn.platform.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error that reaches the servlet container ends here. API paths and non-HTML clients get
 * RFC 9457 problem details with the title in the caller's language; browsers get a page in their
 * language. Neither shows an exception's message or a stack trace, and neither repeats a failed
 * address that {@link FailedAddress#echoable} refuses.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response, Locale locale) throws IOException {
        secure(response);
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith("/api/")) {
            // A browser asked an API path for HTML: the API still answers with problem details.
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            ProblemDetail problem = problemFor(request, locale).getBody();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", ABOUT_BLANK.toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            if (problem.getInstance() != null) {
                body.put("instance", problem.getInstance().toString());
            }
            json.writeValue(response.getWriter(), body);
            return null;
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        Object guardKey = request.getAttribute(RequestGuard.MESSAGE_KEY);
        page.addObject("messageKey", guardKey != null ? guardKey : switch (status.value()) {
            case 400, 401, 403, 404, 405, 413, 422 -> "error." + status.value();
            default -> "error.other";
        });
        return page;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        secure(response);
        return problemFor(request, locale);
    }

    /**
     * The security headers of every page, also on an answer the security chain never saw (a request
     * refused by the firewall or by {@link RequestGuard} before it): set only where not set yet.
     */
    private static void secure(HttpServletResponse response) {
        header(response, "Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        header(response, "X-Content-Type-Options", "nosniff");
        header(response, "X-Frame-Options", "DENY");
        header(response, "Referrer-Policy", "same-origin");
    }

    private static void header(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }

    private ResponseEntity<ProblemDetail> problemFor(HttpServletRequest request, Locale locale) {
        HttpStatus status = status(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ABOUT_BLANK);
        problem.setTitle(ProblemTitles.title(messages, status.value(), locale, status.getReasonPhrase()));
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (FailedAddress.echoable(uri)) {
            problem.setInstance(URI.create(uri.replace(" ", "%20")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
