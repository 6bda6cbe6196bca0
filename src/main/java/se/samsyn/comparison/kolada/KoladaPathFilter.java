package se.samsyn.comparison.kolada;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before Spring Security: a request to the Kolada-compatible API whose path holds {@code //} (some
 * Kolada clients always build {@code v2//kpi}) is handled as if each run of slashes were one, as
 * Kolada does; Spring Security's strict firewall stays on for every other path and still sees no
 * {@code //} here. Answers of the Kolada API also vary by the forwarding headers their page links
 * are built from, so that a shared cache keeps one answer per proxy host and scheme.
 */
class KoladaPathFilter extends OncePerRequestFilter {

    static final String PREFIX = "/api/kolada/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        String path = uri == null ? "" : uri.substring(request.getContextPath().length());
        String single = path.replaceAll("/{2,}", "/");
        if (!single.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        response.addHeader(HttpHeaders.VARY, "Forwarded, X-Forwarded-Host, X-Forwarded-Proto, X-Forwarded-Port");
        chain.doFilter(single.equals(path) ? request : new SingleSlashes(request), response);
    }

    /** The request with every run of slashes in its path made one. */
    private static final class SingleSlashes extends HttpServletRequestWrapper {

        SingleSlashes(HttpServletRequest request) {
            super(request);
        }

        private static String single(String s) {
            return s == null ? null : s.replaceAll("/{2,}", "/");
        }

        @Override
        public String getRequestURI() {
            return single(super.getRequestURI());
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            int start = url.indexOf("://");
            int pathStart = url.indexOf("/", start < 0 ? 0 : start + 3);
            if (pathStart < 0) {
                return url;
            }
            return new StringBuffer(url.substring(0, pathStart)).append(single(url.substring(pathStart)));
        }

        @Override
        public String getServletPath() {
            return single(super.getServletPath());
        }

        @Override
        public String getPathInfo() {
            return single(super.getPathInfo());
        }
    }
}
