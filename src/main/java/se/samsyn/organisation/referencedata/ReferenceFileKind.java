package se.samsyn.organisation.referencedata;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference files Samsyn understands, in the order they are loaded (later kinds refer to
 * codes defined by earlier ones), with their standard file names and required columns.
 */
public enum ReferenceFileKind {
    COUNTIES("counties.csv", List.of("county_code", "county_name", "county_name_short")),
    MUNICIPALITIES("municipalities.csv",
            List.of("municipality_code", "municipality_name", "municipality_name_long", "county_code")),
    MUNICIPALITY_GROUPS("kommungrupper_2017.csv",
            List.of("municipality_code", "group_code", "group_name", "main_group")),
    POPULATION("population_2022_by_sex_age.csv",
            List.of("municipality_code", "year", "sex", "age_band", "population")),
    POPULATION_TOTALS("population_totals_1994_2022.csv",
            List.of("municipality_code", "year", "population_total", "population_women", "population_men")),
    MUNICIPALITY_BOUNDARIES("municipalities.geojson", List.of()),
    COUNTY_BOUNDARIES("counties.geojson", List.of());

    private final String standardFileName;
    private final List<String> requiredColumns;

    ReferenceFileKind(String standardFileName, List<String> requiredColumns) {
        this.standardFileName = standardFileName;
        this.requiredColumns = requiredColumns;
    }

    public String standardFileName() {
        return standardFileName;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "referencedata.kind." + code();
    }

    public boolean isGeoJson() {
        return standardFileName.endsWith(".geojson");
    }

    public static Optional<ReferenceFileKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
