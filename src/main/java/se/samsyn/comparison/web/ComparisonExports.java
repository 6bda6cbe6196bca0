package se.samsyn.comparison.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.samsyn.comparison.Comparisons;
import se.samsyn.comparison.Indicator;
import se.samsyn.comparison.Indicators;
import se.samsyn.comparison.ResultRow;
import se.samsyn.comparison.SimilarMunicipalities;
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;

/**
 * Excel and CSV exports of indicators and of a municipality's profile, as published (suppressed
 * cells carry their symbol, not a value); each takes the filters of the page that links to it.
 */
@Controller
class ComparisonExports {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Indicators indicators;
    private final Comparisons comparisons;
    private final Organisation organisation;
    private final MessageSource messages;
    private final SimilarMunicipalities similar;

    ComparisonExports(Indicators indicators, Comparisons comparisons, Organisation organisation,
                      MessageSource messages, SimilarMunicipalities similar) {
        this.similar = similar;
        this.indicators = indicators;
        this.comparisons = comparisons;
        this.organisation = organisation;
        this.messages = messages;
    }

    /**
     * One sheet per indicator (all visible ones unless some are chosen), and the metadata on a sheet
     * of its own. The page's filters follow the link (issue 17 point 6): {@code year}, {@code gender}
     * (T, K or M; the value column holds that sex, T when absent), {@code county} (two digits) and
     * {@code group} (kommungrupp code) narrow the rows exactly as they narrow the indicator page.
     */
    @GetMapping("/comparisons/export.xlsx")
    ResponseEntity<byte[]> workbook(@RequestParam(required = false) List<String> indicator,
                                    @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String gender,
                                    @RequestParam(required = false) String county,
                                    @RequestParam(required = false) String group, Locale locale) throws IOException {
        Actor actor = Actor.current().orElse(null);
        String sex = gender == null || gender.isBlank() ? "T" : gender;
        String inCounty = county == null || county.isBlank() ? null : county;
        String inGroup = group == null || group.isBlank() ? null : group;
        List<Comparisons.IndicatorTable> tables = new ArrayList<>();
        for (Indicator i : indicators.visible(actor)) {
            if (indicator == null || indicator.contains(i.id())) {
                tables.add(comparisons.table(actor, i.id(), year, sex, inCounty, inGroup));
            }
        }
        Map<String, Map<String, ResultRow>> byGender = new HashMap<>();
        for (Comparisons.IndicatorTable t : tables) {
            for (String g : List.of("K", "M")) {
                Map<String, ResultRow> cells = new HashMap<>();
                comparisons.table(actor, t.indicator().id(), t.year(), g, inCounty, inGroup).municipalities()
                        .forEach(m -> cells.put(m.municipality().code(), m.result()));
                byGender.put(t.indicator().id() + "|" + g, cells);
            }
        }
        byte[] bytes = ComparisonWorkbook.write(tables, byGender, messages, locale, comparisons.greenPercent(), comparisons.redPercent());
        return download(bytes, XLSX, tables.size() == 1 ? tables.get(0).indicator().id() + ".xlsx" : "samsyn-jamforelser.xlsx");
    }

    /** One indicator's workbook, with the same filters as {@link #workbook}. */
    @GetMapping("/comparisons/indicators/{id}.xlsx")
    ResponseEntity<byte[]> oneWorkbook(@PathVariable String id, @RequestParam(required = false) Integer year,
                                       @RequestParam(required = false) String gender,
                                       @RequestParam(required = false) String county,
                                       @RequestParam(required = false) String group, Locale locale)
            throws IOException {
        return workbook(List.of(id), year, gender, county, group, locale);
    }

    /**
     * The indicator's published cells as CSV. Without filters every stored cell (all years, areas and
     * genders); with the page's filters ({@code year}, {@code gender} T/K/M, {@code county},
     * {@code group}) only that year, that sex and the municipalities and aggregates the page shows.
     */
    @GetMapping("/comparisons/indicators/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id, @RequestParam(required = false) Integer year,
                               @RequestParam(required = false) String gender,
                               @RequestParam(required = false) String county,
                               @RequestParam(required = false) String group) throws IOException {
        Actor actor = Actor.current().orElse(null);
        comparisons.indicator(actor, id);
        return download(csvOf(actor, List.of(id), year, gender, county, group),
                new MediaType("text", "csv", StandardCharsets.UTF_8), id + ".csv");
    }

    /**
     * Several indicators' published cells in one CSV (the list page's "every indicator in the list"),
     * with the same filters and columns as {@link #csv}; all visible indicators unless some are chosen.
     */
    @GetMapping("/comparisons/export.csv")
    ResponseEntity<byte[]> csvOfMany(@RequestParam(required = false) List<String> indicator,
                                     @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) String gender,
                                     @RequestParam(required = false) String county,
                                     @RequestParam(required = false) String group) throws IOException {
        Actor actor = Actor.current().orElse(null);
        List<String> ids = indicators.visible(actor).stream().map(Indicator::id)
                .filter(i -> indicator == null || indicator.contains(i)).toList();
        return download(csvOf(actor, ids, year, gender, county, group),
                new MediaType("text", "csv", StandardCharsets.UTF_8), "samsyn-jamforelser.csv");
    }

    /**
     * A municipality's profile as on its page (latest year, total): per indicator the municipality's
     * value or symbol, its colour, the kommungrupp, similar-municipality and peer-group means and the
     * nation; as CSV or, with {@code .xlsx}, as a workbook with a frozen header and an autofilter.
     */
    @GetMapping({"/comparisons/municipalities/{code}.csv", "/comparisons/municipalities/{code}.xlsx"})
    ResponseEntity<byte[]> profile(@PathVariable String code, jakarta.servlet.http.HttpServletRequest request,
                                   Locale locale) throws IOException {
        Actor actor = Actor.current().orElse(null);
        se.samsyn.organisation.Municipality municipality = organisation.requireMunicipality(code);
        List<String> similarCodes = similar.similar(actor, code, Map.of(), SimilarMunicipalities.DEFAULT_COUNT)
                .matches().stream().map(m -> m.municipality().code()).toList();
        List<Comparisons.ProfileLine> lines = comparisons.profile(actor, code, similarCodes);
        String lang = locale.getLanguage();
        List<String> headers = List.of("comparison.col.id", "comparison.col.indicator", "comparison.col.year",
                "comparison.col.value", "comparison.col.colour", "comparison.col.group-mean",
                "comparison.col.similar-mean", "comparison.col.peer-mean", "comparison.nation");
        List<List<Object>> rows = new ArrayList<>();
        for (Comparisons.ProfileLine l : lines) {
            List<Object> row = new ArrayList<>();
            row.add(l.indicator().id());
            row.add(l.indicator().title(lang));
            row.add(l.year());
            row.add(l.own() == null ? "-" : l.own().shown() ? (Object) rounded(l.own().value()) : l.own().symbol());
            row.add(l.own() == null || l.own().colour() == null ? ""
                    : messages.getMessage("comparison.colour." + l.own().colour(), null, l.own().colour(), locale));
            row.add(l.groupMean() == null ? "-" : (Object) rounded(l.groupMean()));
            row.add(l.similarMean() == null ? "-" : (Object) rounded(l.similarMean()));
            row.add(l.peerMean() == null ? "-" : (Object) rounded(l.peerMean()));
            row.add(l.nation() == null ? "-" : l.nation().shown() ? (Object) rounded(l.nation().value()) : l.nation().symbol());
            rows.add(row);
        }
        List<String> titles = headers.stream().map(h -> messages.getMessage(h, null, h, locale)).toList();
        String name = "profil-" + municipality.code();
        if (request.getRequestURI().endsWith(".xlsx")) {
            return download(ComparisonWorkbook.table(municipality.name(), titles, rows), XLSX, name + ".xlsx");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader(titles.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(se.samsyn.shared.SpreadsheetText.cells(row.toArray()));
            }
        }
        return download(out.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8), name + ".csv");
    }

    /** One decimal, as the profile page shows it. */
    private static double rounded(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private byte[] csvOf(Actor actor, List<String> ids, Integer year, String gender, String county, String group)
            throws IOException {
        String inCounty = county == null || county.isBlank() ? null : county;
        String inGroup = group == null || group.isBlank() ? null : group;
        List<String> genders = gender == null || gender.isBlank() ? List.of("T", "K", "M") : List.of(gender);
        Map<String, String> names = new HashMap<>();
        organisation.municipalities().forEach(m -> names.put(m.code(), m.name()));
        organisation.counties().forEach(c -> names.put("00" + c.code(), c.name()));
        organisation.groups().forEach(g -> names.put(g.koladaGroupId() == null ? g.code() : g.koladaGroupId(), g.name()));
        names.put(Comparisons.NATION, "Riket");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.DEFAULT.builder().setHeader("indicator", "area_code", "area_kind", "area_name", "year", "gender",
                        "value", "n", "status", "symbol", "colour").get())) {
            for (String id : ids) {
                List<Integer> years = year == null ? comparisons.years(actor, id) : List.of(year);
                for (int y : years) {
                    for (String g : genders) {
                        Comparisons.IndicatorTable t = comparisons.table(actor, id, y, g, inCounty, inGroup);
                        if (t.year() != y) {
                            continue; // a year without results answers the latest; it is not this year's
                        }
                        List<ResultRow> rows = new ArrayList<>();
                        if (t.nation() != null) {
                            rows.add(t.nation());
                        }
                        t.regions().stream().filter(r -> r.aggregate() != null).forEach(r -> rows.add(r.aggregate()));
                        t.groups().stream().filter(r -> r.aggregate() != null).forEach(r -> rows.add(r.aggregate()));
                        t.municipalities().stream().filter(m -> !ResultRow.MISSING.equals(m.result().status()))
                                .forEach(m -> rows.add(m.result()));
                        for (ResultRow r : rows) {
                            ResultRow p = r.published();
                            printer.printRecord(se.samsyn.shared.SpreadsheetText.cells(id, p.areaCode(),
                                    p.areaKind(), names.getOrDefault(p.areaCode(), ""), p.year(), p.gender(), p.value(),
                                    p.n(), p.status(), p.symbol(), p.colour()));
                        }
                    }
                }
            }
        }
        return out.toByteArray();
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
