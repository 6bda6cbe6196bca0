package se.samsyn.comparison.kolada;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.comparison.kolada.KoladaAnswers.Version;

/**
 * The metadata of a read API shaped like Kolada's, v2 under {@code /api/kolada/v2} and v3 under
 * {@code /api/kolada/v3}, so that tools written for Kolada work against Samsyn: KPIs (published
 * indicators, imported and computed), municipalities and regions, municipality groups, KPI
 * groups and units (ou). Every list is paged ({@code page}, {@code per_page} up to 5000) in the
 * version's envelope ({@link KoladaAnswers}) and may be filtered by a part of the title; every
 * answer may be cached publicly for five minutes ({@link #CACHE}). Data is in {@link KoladaDataApi}.
 */
@RestController
@RequestMapping("/api/kolada/{version:v2|v3}")
@Tag(name = "Kolada-compatible API", description = "Published indicators in the shape of Kolada's API (v2 and v3)")
class KoladaApi {

    /** How long browsers and proxies may keep a Kolada answer: five minutes, public (open data). */
    static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
    private static final Set<String> KPI_TYPES = Set.of("K", "L", "A");
    private static final Set<String> AREA_TYPES = Set.of("K", "L");

    private final KoladaQueries queries;

    KoladaApi(KoladaQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/kpi", "/kpi/{ids}"})
    @Operation(summary = "Published KPIs, optionally by comma-separated ids, a part of the title, municipality "
            + "type (K, L or A) and publication on or after from_date")
    ResponseEntity<Object> kpis(@Parameter(schema = @Schema(allowableValues = {"v2", "v3"})) @PathVariable String version,
                                @PathVariable(required = false) String ids, HttpServletRequest request) {
        KoladaParameters.only(request, "title", "municipality_type", "from_date");
        Set<String> kpiIds = ids == null ? null : KoladaParameters.ids(ids, KoladaParameters.KPI_ID, "kpi");
        String type = KoladaParameters.choice(request.getParameter("municipality_type"), "municipality_type",
                KPI_TYPES);
        LocalDate from = KoladaParameters.date(request.getParameter("from_date"), "from_date");
        Version v = Version.of(version);
        List<Object> kpis = queries.kpis(kpiIds, request.getParameter("title")).stream()
                .filter(k -> type == null || type.equals(k.municipalityType()))
                .filter(k -> from == null || (k.publicationDate() != null && !k.publicationDate().isBefore(from)))
                .map(k -> KoladaAnswers.kpi(v, k)).toList();
        return answer(v, kpis, request);
    }

    @GetMapping({"/municipality", "/municipality/{ids}"})
    @Operation(summary = "Municipalities (type K), regions and the whole country (type L), optionally by "
            + "comma-separated 4-digit ids, a part of the title and type (type, region_type or municipality_type)")
    ResponseEntity<Object> areas(@PathVariable String version, @PathVariable(required = false) String ids,
                                 HttpServletRequest request) {
        KoladaParameters.only(request, "title", "type", "region_type", "municipality_type", "from_date");
        Set<String> areaIds = ids == null ? null : KoladaParameters.ids(ids, KoladaParameters.AREA_ID, "municipality");
        String type = null;
        for (String name : List.of("type", "region_type", "municipality_type")) {
            String t = KoladaParameters.choice(request.getParameter(name), name, AREA_TYPES);
            type = t == null ? type : t;
        }
        KoladaParameters.date(request.getParameter("from_date"), "from_date");
        String wanted = type;
        return answer(Version.of(version), queries.areas(areaIds, request.getParameter("title")).stream()
                .filter(a -> wanted == null || wanted.equals(a.type())).toList(), request);
    }

    @GetMapping({"/municipality_groups", "/municipality_groups/{ids}"})
    @Operation(summary = "The SKR kommungrupper (2017) under their Kolada group ids, with members "
            + "{member_id, member_title}")
    ResponseEntity<Object> groups(@PathVariable String version, @PathVariable(required = false) String ids,
                                  HttpServletRequest request) {
        KoladaParameters.only(request, "title", "from_date");
        Set<String> groupIds = ids == null ? null
                : KoladaParameters.ids(ids, KoladaParameters.AREA_ID, "municipality_groups");
        KoladaParameters.date(request.getParameter("from_date"), "from_date");
        return answer(Version.of(version), queries.groups(groupIds, request.getParameter("title")), request);
    }

    @GetMapping({"/kpi_groups", "/kpi_groups/{ids}"})
    @Operation(summary = "KPI groups: the published KPIs grouped by operating area (Kolada's) or focus area "
            + "(Samsyn's), with members {member_id, member_title}")
    ResponseEntity<Object> kpiGroups(@PathVariable String version, @PathVariable(required = false) String ids,
                                     HttpServletRequest request) {
        KoladaParameters.only(request, "title", "from_date");
        Set<String> groupIds = ids == null ? null
                : KoladaParameters.ids(ids, KoladaParameters.KPI_GROUP_ID, "kpi_groups");
        KoladaParameters.date(request.getParameter("from_date"), "from_date");
        return answer(Version.of(version), queries.kpiGroups(groupIds, request.getParameter("title")), request);
    }

    @GetMapping({"/ou", "/ou/{ids}"})
    @Operation(summary = "Organisational units (ou): Samsyn's active units, optionally by comma-separated ids, "
            + "a part of the title and municipality")
    ResponseEntity<Object> units(@PathVariable String version, @PathVariable(required = false) String ids,
                                 HttpServletRequest request) {
        KoladaParameters.only(request, "title", "municipality", "from_date");
        Set<String> ouIds = ids == null ? null : KoladaParameters.ids(ids, KoladaParameters.OU_ID, "ou");
        String municipality = request.getParameter("municipality");
        Set<String> municipalities = municipality == null || municipality.isBlank() ? null
                : KoladaParameters.ids(municipality, KoladaParameters.AREA_ID, "municipality");
        KoladaParameters.date(request.getParameter("from_date"), "from_date");
        return answer(Version.of(version), queries.units(ouIds, request.getParameter("title")).stream()
                .filter(u -> municipalities == null || municipalities.contains(u.municipality())).toList(), request);
    }

    private static <T> ResponseEntity<Object> answer(Version version, List<T> all, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CACHE).body(KoladaParameters.page(version, all, request));
    }
}
