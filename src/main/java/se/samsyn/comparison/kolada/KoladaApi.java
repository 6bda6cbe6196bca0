package se.samsyn.comparison.kolada;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import se.samsyn.comparison.kolada.KoladaRecords.Area;
import se.samsyn.comparison.kolada.KoladaRecords.Group;
import se.samsyn.comparison.kolada.KoladaRecords.Kpi;
import se.samsyn.comparison.kolada.KoladaRecords.Page;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read API shaped like Kolada's v2 (and v3) API, so that tools written for Kolada work against
 * Samsyn: published indicators, imported and computed, with the {@code {values, count, next_page,
 * previous_page}} envelope. {@code count} is the number of values over all pages.
 */
@RestController
@RequestMapping({"/api/kolada/v2", "/api/kolada/v3"})
@Tag(name = "Kolada-compatible API", description = "Published indicators in the shape of Kolada's API (v2)")
class KoladaApi {

    static final int MAX_PER_PAGE = 5000;
    private static final Pattern KPI_ID = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final Pattern AREA_ID = Pattern.compile("[0-9]{4}|G[0-9]{1,10}");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final int MAX_IDS = 5000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KoladaQueries queries;

    KoladaApi(KoladaQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/kpi")
    @Operation(summary = "Published KPIs, optionally filtered by a part of the title")
    Page<Kpi> kpis(@RequestParam(required = false) String title, @RequestParam(required = false) String page,
                   @RequestParam(name = "per_page", required = false) String perPage, HttpServletRequest request) {
        return page(queries.kpis(null, title), page, perPage, request);
    }

    @GetMapping("/kpi/{ids}")
    @Operation(summary = "Published KPIs by comma-separated ids")
    Page<Kpi> kpisById(@PathVariable String ids, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String page,
                       @RequestParam(name = "per_page", required = false) String perPage, HttpServletRequest request) {
        return page(queries.kpis(ids(ids, KPI_ID, "kpi"), title), page, perPage, request);
    }

    @GetMapping("/municipality")
    @Operation(summary = "Municipalities (type K), regions and the whole country (type L)")
    Page<Area> areas(@RequestParam(required = false) String title, @RequestParam(required = false) String page,
                     @RequestParam(name = "per_page", required = false) String perPage, HttpServletRequest request) {
        return page(queries.areas(null, title), page, perPage, request);
    }

    @GetMapping("/municipality/{ids}")
    @Operation(summary = "Municipalities and regions by comma-separated 4-digit ids")
    Page<Area> areasById(@PathVariable String ids, @RequestParam(required = false) String title,
                         @RequestParam(required = false) String page,
                         @RequestParam(name = "per_page", required = false) String perPage, HttpServletRequest request) {
        return page(queries.areas(ids(ids, AREA_ID, "municipality"), title), page, perPage, request);
    }

    @GetMapping("/municipality_groups")
    @Operation(summary = "The SKR kommungrupper (2017) under their Kolada group ids, with members")
    Page<Group> groups(@RequestParam(required = false) String title, @RequestParam(required = false) String page,
                       @RequestParam(name = "per_page", required = false) String perPage, HttpServletRequest request) {
        return page(queries.groups(null, title), page, perPage, request);
    }

    @GetMapping("/municipality_groups/{ids}")
    @Operation(summary = "Municipality groups by comma-separated ids")
    Page<Group> groupsById(@PathVariable String ids, @RequestParam(required = false) String title,
                           @RequestParam(required = false) String page,
                           @RequestParam(name = "per_page", required = false) String perPage, HttpServletRequest request) {
        return page(queries.groups(ids(ids, AREA_ID, "municipality_groups"), title), page, perPage, request);
    }

    @GetMapping("/data/kpi/{kpis}/year/{years}")
    @Operation(summary = "Values of KPIs for every municipality, region and the country in the given years")
    @ApiResponse(responseCode = "200", description = "A page of data items",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KoladaRecords.DataPage.class)))
    ResponseEntity<byte[]> dataByKpi(@PathVariable String kpis, @PathVariable String years,
                             @RequestParam(required = false) String page,
                             @Parameter(description = "1 to 5000, default 5000")
                             @RequestParam(name = "per_page", required = false) String perPage,
                             HttpServletRequest request) {
        return dataPage(ids(kpis, KPI_ID, "kpi"), null, years(years), page, perPage, request);
    }

    @GetMapping("/data/kpi/{kpis}/municipality/{areas}/year/{years}")
    @Operation(summary = "Values of KPIs for municipalities, regions or groups in the given years",
            description = "A group's value is the unweighted mean of its members' values; count is the number of "
                    + "members that contributed.")
    @ApiResponse(responseCode = "200", description = "A page of data items",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KoladaRecords.DataPage.class)))
    ResponseEntity<byte[]> dataByKpiAndArea(@PathVariable String kpis, @PathVariable String areas, @PathVariable String years,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(name = "per_page", required = false) String perPage,
                                    HttpServletRequest request) {
        return dataPage(ids(kpis, KPI_ID, "kpi"), ids(areas, AREA_ID, "municipality"), years(years), page, perPage,
                request);
    }

    @GetMapping("/data/kpi/{kpis}/municipality/{areas}")
    @Operation(summary = "Values of KPIs for municipalities, regions or groups in every year")
    @ApiResponse(responseCode = "200", description = "A page of data items",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KoladaRecords.DataPage.class)))
    ResponseEntity<byte[]> dataByKpiAndAreaAllYears(@PathVariable String kpis, @PathVariable String areas,
                                                    @RequestParam(required = false) String page,
                                                    @RequestParam(name = "per_page", required = false) String perPage,
                                                    HttpServletRequest request) {
        return dataPage(ids(kpis, KPI_ID, "kpi"), ids(areas, AREA_ID, "municipality"), null, page, perPage, request);
    }

    @GetMapping("/data/municipality/{areas}/year/{years}")
    @Operation(summary = "Values of every published KPI for municipalities, regions or groups in the given years")
    @ApiResponse(responseCode = "200", description = "A page of data items",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = KoladaRecords.DataPage.class)))
    ResponseEntity<byte[]> dataByArea(@PathVariable String areas, @PathVariable String years,
                              @RequestParam(required = false) String page,
                              @RequestParam(name = "per_page", required = false) String perPage,
                              HttpServletRequest request) {
        return dataPage(null, ids(areas, AREA_ID, "municipality"), years(years), page, perPage, request);
    }

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

    /** A data page written from its cached JSON, in the same envelope as {@link #page}. */
    private ResponseEntity<byte[]> dataPage(Set<String> kpis, Set<String> areas, Set<Integer> years, String pageParam,
                                            String perPageParam, HttpServletRequest request) {
        int perPage = perPage(perPageParam);
        int page = pageNumber(pageParam);
        KoladaQueries.SerializedPage values = queries.dataPage(kpis, areas, years, page, perPage);
        int count = values.count();
        long from = (long) (page - 1) * perPage;
        String next = from + perPage < count ? link(request, page + 1, perPage) : null;
        String previous = page > 1 && count > 0 ? link(request, Math.min(page - 1, (count + perPage - 1) / perPage),
                perPage) : null;
        byte[] tail = (",\"count\":" + count + ",\"next_page\":" + JSON.writeValueAsString(next)
                + ",\"previous_page\":" + JSON.writeValueAsString(previous) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[10 + values.values().length + tail.length];
        System.arraycopy("{\"values\":".getBytes(StandardCharsets.UTF_8), 0, body, 0, 10);
        System.arraycopy(values.values(), 0, body, 10, values.values().length);
        System.arraycopy(tail, 0, body, 10 + values.values().length, tail.length);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static int perPage(String perPageParam) {
        int perPage = number(perPageParam, MAX_PER_PAGE, "per_page");
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new KoladaBadRequest("per_page", "kolada.api.error.per-page");
        }
        return perPage;
    }

    private static int pageNumber(String pageParam) {
        int page = number(pageParam, 1, "page");
        if (page < 1) {
            throw new KoladaBadRequest("page", "kolada.api.error.page");
        }
        return page;
    }

    static <T> Page<T> page(List<T> all, String pageParam, String perPageParam, HttpServletRequest request) {
        int perPage = perPage(perPageParam);
        int page = pageNumber(pageParam);
        long from = (long) (page - 1) * perPage;
        List<T> values = from >= all.size() ? List.of()
                : new ArrayList<>(all.subList((int) from, (int) Math.min(all.size(), from + perPage)));
        String next = from + perPage < all.size() ? link(request, page + 1, perPage) : null;
        String previous = page > 1 && all.size() > 0 ? link(request, Math.min(page - 1,
                (all.size() + perPage - 1) / perPage), perPage) : null;
        return new Page<>(values, all.size(), next, previous);
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

    private static String link(HttpServletRequest request, int page, int perPage) {
        return ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("page", page)
                .replaceQueryParam("per_page", perPage).build().toUriString();
    }
}
