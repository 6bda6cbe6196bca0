package se.samsyn.comparison.kolada;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samsyn.comparison.kolada.KoladaAnswers.Version;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data of the Kolada-shaped read API (v2 and v3): values of published KPIs for
 * municipalities, regions, the nation and municipality groups ({@code data}), and for units
 * ({@code oudata}), by path as in Kolada v2 and v3, and by query ({@code ?kpi_id=&municipality_id=
 * &year=}, {@code ?kpi_id=&ou_id=&year=}) as in v3. Values are the stored, published results as
 * the comparison module left them after suppression: a suppressed cell has no value. A group's
 * value is the unweighted mean of its members' values; its {@code count} the number of members
 * that contributed. Pages are as in {@link KoladaApi}; {@code from_date} is accepted and checked,
 * and every value is answered (Samsyn keeps no change dates per value, so the answer is a
 * superset of the changes, which keeps a syncing client right).
 */
@RestController
@RequestMapping("/api/kolada/{version:v2|v3}")
class KoladaDataApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KoladaQueries queries;

    KoladaDataApi(KoladaQueries queries) {
        this.queries = queries;
    }

    @GetMapping({"/data/kpi/{kpis}/year/{years}", "/data/kpi/{kpis}/municipality/{areas}/year/{years}",
            "/data/kpi/{kpis}/municipality/{areas}", "/data/municipality/{areas}/year/{years}",
            "/data/municipality/{areas}/kpi/{kpis}"})
    @Operation(summary = "Values of KPIs for municipalities, regions, the country or groups",
            description = "Give at least two of KPIs, municipalities and years (comma-separated). A group's value is "
                    + "the unweighted mean of its members' values; count is the number of members that contributed.")
    @ApiResponse(responseCode = "200", description = "A page of data items (v2: next_page/previous_page, "
            + "v3: next_url/previous_url)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = KoladaRecords.DataPageV3.class)))
    ResponseEntity<byte[]> data(@PathVariable String version, @PathVariable(required = false) String kpis,
                                @PathVariable(required = false) String areas,
                                @PathVariable(required = false) String years, HttpServletRequest request) {
        KoladaParameters.only(request, "from_date");
        return dataPage(Version.of(version), kpis, areas, years, request);
    }

    @GetMapping("/data")
    @Operation(summary = "Values by query, as in Kolada v3: kpi_id, municipality_id and year (comma-separated); "
            + "kpi_id or municipality_id is required")
    ResponseEntity<byte[]> dataByQuery(@PathVariable String version, HttpServletRequest request) {
        KoladaParameters.only(request, "kpi_id", "municipality_id", "year", "from_date");
        String kpis = blankToNull(request.getParameter("kpi_id"));
        String areas = blankToNull(request.getParameter("municipality_id"));
        if (kpis == null && areas == null) {
            throw new KoladaBadRequest("kpi_id", "kolada.api.error.query");
        }
        return dataPage(Version.of(version), kpis, areas, blankToNull(request.getParameter("year")), request);
    }

    @GetMapping({"/oudata/kpi/{kpis}/year/{years}", "/oudata/kpi/{kpis}/ou/{units}/year/{years}",
            "/oudata/kpi/{kpis}/ou/{units}", "/oudata/ou/{units}/year/{years}"})
    @Operation(summary = "Unit-level values (ou) of KPIs, only where they passed suppression")
    ResponseEntity<Object> ouData(@PathVariable String version, @PathVariable(required = false) String kpis,
                                  @PathVariable(required = false) String units,
                                  @PathVariable(required = false) String years, HttpServletRequest request) {
        KoladaParameters.only(request, "from_date");
        return ouPage(Version.of(version), kpis, units, years, request);
    }

    @GetMapping("/oudata")
    @Operation(summary = "Unit-level values by query, as in Kolada v3: kpi_id, ou_id and year; kpi_id or ou_id "
            + "is required")
    ResponseEntity<Object> ouDataByQuery(@PathVariable String version, HttpServletRequest request) {
        KoladaParameters.only(request, "kpi_id", "ou_id", "year", "from_date");
        String kpis = blankToNull(request.getParameter("kpi_id"));
        String units = blankToNull(request.getParameter("ou_id"));
        if (kpis == null && units == null) {
            throw new KoladaBadRequest("kpi_id", "kolada.api.error.query");
        }
        return ouPage(Version.of(version), kpis, units, blankToNull(request.getParameter("year")), request);
    }

    private ResponseEntity<Object> ouPage(Version version, String kpis, String units, String years,
                                          HttpServletRequest request) {
        KoladaParameters.date(request.getParameter("from_date"), "from_date");
        Set<String> kpiIds = kpis == null ? null : KoladaParameters.ids(kpis, KoladaParameters.KPI_ID, "kpi");
        Set<String> ouIds = units == null ? null : KoladaParameters.ids(units, KoladaParameters.OU_ID, "ou");
        Set<Integer> yearSet = years == null ? null : KoladaParameters.years(years);
        return ResponseEntity.ok().cacheControl(KoladaApi.CACHE)
                .body(KoladaParameters.page(version, queries.ouData(kpiIds, ouIds, yearSet), request));
    }

    /** A data page written from its cached JSON, in the version's envelope. */
    private ResponseEntity<byte[]> dataPage(Version version, String kpiList, String areaList, String yearList,
                                            HttpServletRequest request) {
        KoladaParameters.date(request.getParameter("from_date"), "from_date");
        Set<String> kpis = kpiList == null ? null : KoladaParameters.ids(kpiList, KoladaParameters.KPI_ID, "kpi");
        Set<String> areas = areaList == null ? null
                : KoladaParameters.ids(areaList, KoladaParameters.AREA_ID, "municipality");
        Set<Integer> years = yearList == null ? null : KoladaParameters.years(yearList);
        int perPage = KoladaParameters.perPage(request.getParameter("per_page"));
        int page = KoladaParameters.pageNumber(request.getParameter("page"));
        KoladaQueries.SerializedPage values = queries.dataPage(kpis, areas, years, page, perPage);
        int count = values.count();
        String next = KoladaParameters.next(request, page, perPage, count);
        String previous = KoladaParameters.previous(request, page, perPage, count);
        byte[] head = "{\"values\":".getBytes(StandardCharsets.UTF_8);
        byte[] tail = (",\"count\":" + count + ",\"" + version.nextField() + "\":" + JSON.writeValueAsString(next)
                + ",\"" + version.previousField() + "\":" + JSON.writeValueAsString(previous) + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + values.values().length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(values.values(), 0, body, head.length, values.values().length);
        System.arraycopy(tail, 0, body, head.length + values.values().length, tail.length);
        return ResponseEntity.ok().cacheControl(KoladaApi.CACHE).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
