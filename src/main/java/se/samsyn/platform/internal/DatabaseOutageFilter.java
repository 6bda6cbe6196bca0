package se.samsyn.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 when a request fails because the database cannot be reached, read or written
 * ({@link DatabaseOutage}), wherever the failure happens: in a page, in the API, or in the
 * session and security filters, which read the database before any controller runs. Browsers get
 * a self-contained page in their language (template {@code unavailable}, which needs nothing from
 * the database); API paths and other clients get RFC 9457 problem details with
 * {@code code: "database-unavailable"}. Both carry {@code Retry-After: 30}. Nothing the request
 * sent is stored: its transaction has been rolled back. It runs before every other filter; other
 * errors pass through unchanged. The log says at ERROR, at most once a minute, what is wrong and
 * what to do.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final long LOG_INTERVAL_MS = Duration.ofMinutes(1).toMillis();

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicLong lastLogged = new AtomicLong();

    DatabaseOutageFilter(ITemplateEngine templates, MessageSource messages, LocaleResolver locales) {
        this.templates = templates;
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseOutage.isOutage(e) || response.isCommitted()) {
                throw e;
            }
            logOutage(request, e);
            answer(request, response);
        }
    }

    private void logOutage(HttpServletRequest request, Exception e) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last >= LOG_INTERVAL_MS && lastLogged.compareAndSet(last, now)) {
            log.error("The database cannot be reached, read or written; answering 503 to {} {}. Check the database "
                    + "and the free space in the data folder. An embedded H2 database that closed itself after a full "
                    + "disk is opened again by the next connection once space is freed; if readiness stays DOWN after "
                    + "that, restart Samsyn.", request.getMethod(), request.getRequestURI(), e);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = localeOf(request);
        response.reset();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setCharacterEncoding("UTF-8");
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !accept.contains("text/html")) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage("error.database.title", null, locale));
            problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
            problem.put("detail", messages.getMessage("error.database", null, locale));
            problem.put("instance", URI.create(request.getRequestURI().replace(" ", "%20")).toString());
            problem.put("code", "database-unavailable");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getWriter(), problem);
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        Context context = new Context(locale, Map.of("contextPath", request.getContextPath(),
                "lang", locale.getLanguage()));
        templates.process("unavailable", context, response.getWriter());
    }

    private Locale localeOf(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if ("en".equals(lang) || "sv".equals(lang)) {
            return Locale.forLanguageTag(lang);
        }
        return locales.resolveLocale(request);
    }
}
