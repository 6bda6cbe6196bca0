package se.samsyn.comparison.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.DigestUtils;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import se.samsyn.cluster.ChangeSignals;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicator;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.SwedishTime;

/**
 * The public indicator page ({@code GET /comparisons/indicators/{id}}) as an anonymous reader gets
 * it, rendered once and then answered from memory: under load (issue 19, 64 connections) the page
 * costs one indexed read of the indicator instead of its queries and the rendering of every
 * municipality's row.
 *
 * <p>An answer is kept per indicator as read on this request (so a changed title, direction,
 * publication or refresh time is another entry, and an unpublished indicator is never served from
 * here), query string, language and the current calendar year in Sweden (from the application's
 * {@link Clock}: without a chosen year the page opens on the latest finished year and says whether
 * the current one is still running, so a page kept on 31 December is not served on 1 January). Only an anonymous reader without a session (so no flash
 * message) and without {@code ?lang=} (which sets the language cookie) is served from or fills the
 * cache, and only a 200 HTML answer that sets no cookie is kept. Signed-in readers always get the
 * page rendered for them. Readers who ask for a page while it is being rendered (after the cache was
 * emptied, all 64 connections at once) wait for that rendering instead of each rendering it: the
 * pages are a Caffeine {@link AsyncCache}, which maps a key to one future for all concurrent
 * callers; the first reader's request renders it and completes the future, and a rendering that
 * may not be kept completes it with nothing, which Caffeine removes, so each waiting reader then
 * gets the page rendered for it.
 *
 * <p>Freshness: emptied when this instance refreshes results ({@link ResultsRefreshed}, after
 * commit), when any instance does (change signal {@link Comparisons#RESULTS_CHANGED}) and when
 * reference data changes ({@link Organisation#REFERENCE_DATA_CHANGED}), like the tables behind the
 * page ({@link ComparisonTables}). A page rendered while the cache was emptied is not kept.
 *
 * <p>HTTP: the answer carries a strong {@code ETag} (MD5 of the body) and {@code Cache-Control:
 * no-cache} with {@code Vary: Cookie}, so a browser may keep it but asks again each time; a
 * matching {@code If-None-Match} is answered 304 without a body. At most {@link #MAX_BYTES} of
 * pages are kept (about 140 pages of 230 kB), the least used dropped first.
 *
 * <p>A bean of {@link IndicatorPageCacheConfiguration}, registered after the security filters (so
 * that it knows who is signed in); not a component, so that web slice tests do not pick it up.
 */
class IndicatorPageCache implements Filter {

    /** The most bytes of page bodies kept. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final Pattern PAGE = Pattern.compile("/comparisons/indicators/([A-Za-z0-9_-]{1,40})");

    private record Key(String query, String language, int currentYear, Indicator indicator) {
    }

    private record Page(byte[] body, String contentType, String contentLanguage, String etag) {
    }

    private final ComparisonRepository repository;
    private final LocaleResolver locales;
    private final Clock clock;
    /** Kept pages and those being rendered now (a future not yet complete, weighing nothing). */
    private final AsyncCache<Key, Page> pages = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .weigher((Key key, Page page) -> page.body().length).buildAsync();
    private final AtomicLong generation = new AtomicLong();

    /** The longest a reader waits for another's rendering of the same page before rendering it itself. */
    static final Duration WAIT = Duration.ofSeconds(30);

    IndicatorPageCache(ComparisonRepository repository, LocaleResolver locales, ChangeSignals signals, Clock clock) {
        this.repository = repository;
        this.locales = locales;
        this.clock = clock;
        signals.onChange(Comparisons.RESULTS_CHANGED, this::forget);
        signals.onChange(Organisation.REFERENCE_DATA_CHANGED, this::forget);
    }

    /** Empties the cache after this instance's refresh has committed (or at once without a transaction). */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ResultsRefreshed event) {
        forget();
    }

    /** Empties the cache; a page being rendered meanwhile is not kept. */
    void forget() {
        generation.incrementAndGet();
        pages.synchronous().invalidateAll();
    }

    /** How many pages are kept now (for tests). */
    long size() {
        pages.synchronous().cleanUp();
        return pages.synchronous().estimatedSize();
    }

    // a plain Filter, not a GenericFilterBean: the bean may be proxied, and the latter's final methods
    // would then run on the proxy without their logger
    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        if (!(servletRequest instanceof HttpServletRequest request)
                || !(servletResponse instanceof HttpServletResponse response)) {
            chain.doFilter(servletRequest, servletResponse);
            return;
        }
        Matcher path = PAGE.matcher(request.getRequestURI());
        if (!"GET".equals(request.getMethod()) || !path.matches() || !anonymous()
                || request.getParameter("lang") != null || request.getSession(false) != null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Indicator> indicator = repository.indicator(path.group(1)).filter(Indicator::published);
        if (indicator.isEmpty()) {
            chain.doFilter(request, response); // the page answers 404 as usual
            return;
        }
        Key key = new Key(request.getQueryString(), locales.resolveLocale(request).getLanguage(),
                SwedishTime.today(clock).getYear(), indicator.get());
        long before = generation.get();
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> entry = pages.get(key, (k, executor) -> mine);
        if (entry != mine) {
            // kept, or being rendered for another reader: wait for that rendering rather than render it again
            Page shared = awaited(entry);
            if (shared != null) {
                answer(shared, request, response);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        try {
            render(request, response, chain, mine);
        } finally {
            // completed with null (not to be kept, or failed), Caffeine removes the entry
            mine.complete(null);
            if (generation.get() != before) {
                pages.asMap().remove(key, mine); // results changed while it was rendered
            }
        }
    }

    /**
     * Renders the page for this reader and completes {@code shared} with the page to keep (null when
     * it may not be kept) before the body is written to this reader, so readers waiting for the same
     * page do not wait for this reader's connection.
     */
    private void render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                        CompletableFuture<Page> shared) throws IOException, ServletException {
        ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, rendered);
        String type = rendered.getContentType();
        Page page = null;
        if (rendered.getStatus() == HttpStatus.OK.value() && type != null && type.startsWith("text/html")
                && rendered.getHeaders(HttpHeaders.SET_COOKIE).isEmpty()) {
            byte[] body = rendered.getContentAsByteArray();
            page = new Page(body, type, rendered.getHeader(HttpHeaders.CONTENT_LANGUAGE),
                    "\"" + DigestUtils.md5DigestAsHex(body) + "\"");
            headers(page, response);
        }
        shared.complete(page);
        if (page != null && new ServletWebRequest(request, response).checkNotModified(page.etag())) {
            return; // 304: the reader holds this very page already (rendered again after a refresh)
        }
        rendered.copyBodyToResponse();
    }

    private static Page awaited(CompletableFuture<Page> other) {
        try {
            return other.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static boolean anonymous() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken;
    }

    private static void answer(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        headers(page, response);
        if (new ServletWebRequest(request, response).checkNotModified(page.etag())) {
            return; // 304
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(page.contentType());
        if (page.contentLanguage() != null) {
            response.setHeader(HttpHeaders.CONTENT_LANGUAGE, page.contentLanguage());
        }
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    private static void headers(Page page, HttpServletResponse response) {
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        response.setHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }
}
