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
import se.samsyn.organisation.Organisation;
import se.samsyn.shared.Actor;

/** Excel and CSV exports of indicators, as published (suppressed cells carry their symbol, not a value). */
@Controller
class ComparisonExports {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Indicators indicators;
    private final Comparisons comparisons;
    private final Organisation organisation;
    private final MessageSource messages;

    ComparisonExports(Indicators indicators, Comparisons comparisons, Organisation organisation,
                      MessageSource messages) {
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

    /** Every stored cell of the indicator, all years, areas and genders, as published. */
    @GetMapping("/comparisons/indicators/{id}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String id) throws IOException {
        Actor actor = Actor.current().orElse(null);
        Indicator indicator = comparisons.indicator(actor, id);
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
            for (int year : comparisons.years(actor, id)) {
                for (String gender : List.of("T", "K", "M")) {
                    Comparisons.IndicatorTable t = comparisons.table(actor, id, year, gender, null, null);
                    List<ResultRow> rows = new ArrayList<>();
                    if (t.nation() != null) {
                        rows.add(t.nation());
                    }
                    t.regions().stream().filter(r -> r.aggregate() != null).forEach(r -> rows.add(r.aggregate()));
                    t.groups().stream().filter(g -> g.aggregate() != null).forEach(g -> rows.add(g.aggregate()));
                    t.municipalities().stream().filter(m -> !ResultRow.MISSING.equals(m.result().status()))
                            .forEach(m -> rows.add(m.result()));
                    for (ResultRow r : rows) {
                        ResultRow p = r.published();
                        printer.printRecord(se.samsyn.shared.SpreadsheetText.cells(indicator.id(), p.areaCode(),
                                p.areaKind(), names.getOrDefault(p.areaCode(), ""), p.year(), p.gender(), p.value(),
                                p.n(), p.status(), p.symbol(), p.colour()));
                    }
                }
            }
        }
        return download(out.toByteArray(), new MediaType("text", "csv", StandardCharsets.UTF_8), id + ".csv");
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
