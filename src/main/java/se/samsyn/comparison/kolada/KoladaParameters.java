package se.samsyn.comparison.kolada;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.util.ForwardedHeaderUtils;
import se.samsyn.comparison.kolada.KoladaAnswers.Version;

/**
 * The parameters of the Kolada-compatible API, checked as Kolada's API has them, and its paging.
 * Every malformed id, year, date or number, and every parameter an endpoint does not know, is a
 * {@link KoladaBadRequest} (400, naming the parameter); parameters whose name starts with
 * {@code _} (cache busters of browser libraries) are let through. Page links are absolute and
 * honour {@code Forwarded} and {@code X-Forwarded-Proto}/{@code -Host}/{@code -Port}
 * (Spring's {@link ForwardedHeaderUtils}), so that they point at the proxy a client called.
 */
final class KoladaParameters {

    /** The largest page, as in Kolada's API. */
    static final int MAX_PER_PAGE = 5000;
    /** KPI ids: a capital letter and up to 19 capitals or digits (Kolada's N31807, Samsyn's S00001). */
    static final Pattern KPI_ID = Pattern.compile("[A-Z][A-Z0-9]{1,19}");
    /** Municipalities and regions (four digits) and municipality groups (G and digits). */
    static final Pattern AREA_ID = Pattern.compile("[0-9]{4}|G[0-9]{1,10}");
    /** Unit (ou) ids: Samsyn's unit codes. */
    static final Pattern OU_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    /** KPI group ids: lower-case words joined by hyphens. */
    static final Pattern KPI_GROUP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final int MAX_IDS = 5000;
    /**
     * The longest URL (path and query) the API answers, in characters; longer ones get 400 problem
     * details. The server reads request lines up to {@code server.max-http-request-header-size}
     * (32 KB), so that such URLs reach the API rather than the container's own error page.
     */
    static final int MAX_URL = 8192;

    private KoladaParameters() {
    }

    /** A comma-separated id list, each id matching {@code pattern}; at most 5000 ids. */
    static Set<String> ids(String list, Pattern pattern, String parameter) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : list.split(",", -1)) {
            String s = id.strip();
            if (!pattern.matcher(s).matches()) {
                throw new KoladaBadRequest(parameter, "kolada.api.error.ids");
            }
            ids.add(s);
        }
        if (ids.size() > MAX_IDS) {
            throw new KoladaBadRequest(parameter, "kolada.api.error.too-many");
        }
        return ids;
    }

    /** A comma-separated list of years 1900–2100, ascending; at most 200. */
    static Set<Integer> years(String list) {
        Set<Integer> years = new TreeSet<>();
        for (String y : list.split(",", -1)) {
            String s = y.strip();
            if (!YEAR.matcher(s).matches()) {
                throw new KoladaBadRequest("year", "kolada.api.error.year");
            }
            int year = Integer.parseInt(s);
            if (year < 1900 || year > 2100) {
                throw new KoladaBadRequest("year", "kolada.api.error.year");
            }
            years.add(year);
        }
        if (years.size() > 200) {
            throw new KoladaBadRequest("year", "kolada.api.error.too-many");
        }
        return years;
    }

    /** An optional ISO date ({@code from_date}); null when absent. */
    static LocalDate date(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new KoladaBadRequest(parameter, se.samsyn.shared.DateText.problemKey(value, "kolada.api.error.date"));
        }
    }

    /** An optional value that must be one of {@code allowed}; null when absent. */
    static String choice(String value, String parameter, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        if (!allowed.contains(s)) {
            throw new KoladaBadRequest(parameter, "kolada.api.error.choice");
        }
        return s;
    }

    /**
     * Refuses a URL longer than {@link #MAX_URL} characters (path and query) and a parameter the
     * endpoint does not know (besides {@code page} and {@code per_page}).
     */
    static void only(HttpServletRequest request, String... known) {
        String query = request.getQueryString();
        if (request.getRequestURI().length() + (query == null ? 0 : query.length() + 1) > MAX_URL) {
            throw new KoladaBadRequest("url", "kolada.api.error.url-too-long");
        }
        Set<String> allowed = new LinkedHashSet<>(List.of(known));
        allowed.add("page");
        allowed.add("per_page");
        for (String name : request.getParameterMap().keySet()) {
            if (!allowed.contains(name) && !name.startsWith("_")) {
                throw new KoladaBadRequest(name, "kolada.api.error.parameter");
            }
        }
    }

    /** {@code per_page}: 1 to 5000, default 5000. */
    static int perPage(String value) {
        int perPage = number(value, MAX_PER_PAGE, "per_page");
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new KoladaBadRequest("per_page", "kolada.api.error.per-page");
        }
        return perPage;
    }

    /** {@code page}: from 1, default 1. */
    static int pageNumber(String value) {
        int page = number(value, 1, "page");
        if (page < 1) {
            throw new KoladaBadRequest("page", "kolada.api.error.page");
        }
        return page;
    }

    private static int number(String value, int fallback, String parameter) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new KoladaBadRequest(parameter, "per_page".equals(parameter)
                    ? "kolada.api.error.per-page" : "kolada.api.error.page");
        }
    }

    /** One page of {@code all} in the version's envelope, with absolute links to the pages either side. */
    static <T> Object page(Version version, List<T> all, HttpServletRequest request) {
        int perPage = perPage(request.getParameter("per_page"));
        int page = pageNumber(request.getParameter("page"));
        long from = (long) (page - 1) * perPage;
        List<T> values = from >= all.size() ? List.of()
                : new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + perPage)));
        return KoladaAnswers.page(version, values, all.size(), next(request, page, perPage, all.size()),
                previous(request, page, perPage, all.size()));
    }

    /** The link to the next page, or null on the last page. */
    static String next(HttpServletRequest request, int page, int perPage, int count) {
        return (long) page * perPage < count ? link(request, page + 1, perPage) : null;
    }

    /** The link to the previous page (the last page when {@code page} lies beyond it), or null on the first. */
    static String previous(HttpServletRequest request, int page, int perPage, int count) {
        return page > 1 && count > 0 ? link(request, Math.min(page - 1, (count + perPage - 1) / perPage), perPage)
                : null;
    }

    /** This request's URL, as the client called it through any proxy, with the page and page size replaced. */
    static String link(HttpServletRequest request, int page, int perPage) {
        ServletServerHttpRequest http = new ServletServerHttpRequest(request);
        return ForwardedHeaderUtils.adaptFromForwardedHeaders(http.getURI(), http.getHeaders())
                .replaceQueryParam("page", page).replaceQueryParam("per_page", perPage).build().toUriString();
    }
}
