package se.samsyn.comparison.kolada;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import se.samsyn.comparison.Indicator;
import se.samsyn.imports.RowProblems;

/**
 * The row rules of the Kolada import: a KPI's metadata (id, title, lengths, municipality type,
 * divided by gender, publication date; a computed indicator's id is not Kolada's to change) and a
 * value (a known Kolada KPI, a known area, a year from 1990 to 2050, gender T, K or M, and a plain
 * number below 10^15, which also refuses NaN, Infinity, hex floats and suffixes). Each checked row
 * becomes the parameters of its insert or update.
 */
final class KoladaRowRule {

    /** Values at or above this size are refused: they are typing errors, and their means overflow. */
    static final BigDecimal MAX_VALUE = new BigDecimal("1e15");
    private static final Pattern KPI_ID = Pattern.compile("[A-Z][A-Z0-9]{1,19}");
    /** The municipality types of a key figure (kommun, region, alla); empty means K. */
    static final List<String> MUNICIPALITY_TYPES = List.of("K", "L", "A");
    /** The genders of a value: T (total), K (women), M (men). */
    static final List<String> GENDERS = List.of("T", "K", "M");
    /** Whether a key figure is divided by gender: 0 (no, also empty or false) or 1 (yes, also true). */
    static final List<String> DIVIDED = List.of("0", "1");
    private static final Pattern AREA = Pattern.compile("\\d{4}");

    private final Map<String, KoladaRepository.KnownIndicator> indicators;
    private final Set<String> municipalities;
    private final Set<String> counties;
    private final String by;
    private final Clock clock;

    KoladaRowRule(Map<String, KoladaRepository.KnownIndicator> indicators, Set<String> municipalities,
                  Set<String> counties, String by, Clock clock) {
        this.indicators = indicators;
        this.municipalities = municipalities;
        this.counties = counties;
        this.by = by;
        this.clock = clock;
    }

    /** Where an area code points: a municipality, a region ("00" + county code) or the nation. */
    static String areaKind(String code, Set<String> municipalities, Set<String> counties) {
        if (code == null || !AREA.matcher(code).matches()) {
            return null;
        }
        if ("0000".equals(code)) {
            return "nation";
        }
        if (municipalities.contains(code)) {
            return "municipality";
        }
        if (code.startsWith("00") && counties.contains(code.substring(2))) {
            return "region";
        }
        return null;
    }

    MapSqlParameterSource metadata(Map<String, String> v, RowProblems problems) {
        String id = v.getOrDefault("kpi_id", "").strip();
        String title = v.get("title");
        if (!KPI_ID.matcher(id).matches()) {
            problems.add("kpi_id", "kolada.error.kpi-id");
        } else if (indicators.containsKey(id) && !Indicator.ORIGIN_KOLADA.equals(indicators.get(id).origin())) {
            problems.add("kpi_id", "kolada.error.kpi-computed");
        }
        if (title == null || title.isBlank()) {
            problems.add("title", "kolada.error.title");
        } else if (title.length() > 300) {
            problems.add("title", "kolada.error.too-long");
        }
        tooLong(v, "description", 4000, problems);
        tooLong(v, "operating_area", 300, problems);
        tooLong(v, "perspective", 100, problems);
        tooLong(v, "source", 300, problems);
        String municipalityType = v.get("municipality_type");
        String type = municipalityType == null || municipalityType.isBlank() ? "K" : municipalityType.strip();
        if (!MUNICIPALITY_TYPES.contains(type)) {
            problems.add("municipality_type", "kolada.error.municipality-type");
        }
        String divided = v.getOrDefault("is_divided_by_gender", "").strip().toLowerCase(Locale.ROOT);
        Boolean dividedByGender = switch (divided) {
            case "", "0", "false" -> false;
            case "1", "true" -> true;
            default -> null;
        };
        if (dividedByGender == null) {
            problems.add("is_divided_by_gender", "kolada.error.divided");
        }
        LocalDate published = null;
        String publicationDate = v.get("publication_date");
        if (publicationDate != null && !publicationDate.isBlank()) {
            String p = publicationDate.strip();
            String day = p.length() > 10 ? p.substring(0, 10) : p;
            try {
                published = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                // 2026-13-01 (or 2026-13-01T00:00:00) names no day: an invalid date, not a format error
                problems.add("publication_date", se.samsyn.shared.DateText.problemKey(day, "kolada.error.date"));
            }
        }
        if (problems.any()) {
            return null;
        }
        return new MapSqlParameterSource().addValue("id", id).addValue("title", title.strip())
                .addValue("description", blankToNull(v.get("description")))
                .addValue("operatingArea", blankToNull(v.get("operating_area")))
                .addValue("perspective", blankToNull(v.get("perspective"))).addValue("divided", dividedByGender)
                .addValue("publicationDate", published).addValue("municipalityType", type)
                .addValue("source", blankToNull(v.get("source"))).addValue("unit", KoladaUnits.fromTitle(title).code())
                .addValue("by", by).addValue("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    MapSqlParameterSource value(Map<String, String> v, String areaField, RowProblems problems) {
        String kpi = v.getOrDefault("kpi_id", "").strip();
        KoladaRepository.KnownIndicator indicator = indicators.get(kpi);
        if (indicator == null) {
            problems.add("kpi_id", "kolada.error.kpi-unknown");
        } else if (!Indicator.ORIGIN_KOLADA.equals(indicator.origin())) {
            problems.add("kpi_id", "kolada.error.kpi-computed");
        }
        String area = v.getOrDefault(areaField, "").strip();
        String areaKind = areaKind(area, municipalities, counties);
        if (areaKind == null) {
            problems.add(areaField, "kolada.error.municipality-unknown");
        }
        Integer statYear = null;
        try {
            statYear = Integer.valueOf(v.getOrDefault("year", "").strip());
            if (statYear < 1990 || statYear > 2050) {
                problems.add("year", "kolada.error.year");
                statYear = null;
            }
        } catch (NumberFormatException e) {
            problems.add("year", "kolada.error.year");
        }
        String g = v.getOrDefault("gender", "").strip();
        if (!GENDERS.contains(g)) {
            problems.add("gender", "kolada.error.gender");
        }
        Double number = null;
        String value = v.get("value");
        if (value == null || value.isBlank()) {
            problems.add("value", "kolada.error.value-missing");
        } else {
            // BigDecimal refuses NaN, Infinity, hex floats and suffixes (0x1p5, 40d) that
            // Double.valueOf accepts; no Kolada key figure comes near 10^15
            try {
                BigDecimal exact = new BigDecimal(value.strip());
                if (exact.abs().compareTo(MAX_VALUE) >= 0) {
                    problems.add("value", "kolada.error.value-range");
                } else {
                    number = exact.doubleValue();
                }
            } catch (NumberFormatException e) {
                problems.add("value", "kolada.error.value");
            }
        }
        if (problems.any()) {
            return null;
        }
        return new MapSqlParameterSource().addValue("kpi", kpi).addValue("area", area).addValue("areaKind", areaKind)
                .addValue("year", statYear).addValue("gender", g).addValue("value", number);
    }

    private static void tooLong(Map<String, String> v, String field, int max, RowProblems problems) {
        String text = v.get(field);
        if (text != null && text.length() > max) {
            problems.add(field, "kolada.error.too-long");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
