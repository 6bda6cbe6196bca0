package se.samsyn.organisation.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import se.samsyn.organisation.ReferenceDataLocation;

/**
 * The reference data shipped in the jar ({@code classpath:reference-data/}) holds what its
 * PROVENANCE.md promises: Sweden's 290 municipalities and 21 counties, SKR's nine municipality
 * groups of 2017 with their published sizes, and SCB's population on 31 Dec 2022 (10,521,556)
 * with sexes and age bands that add up. Read straight from the classpath, without Spring.
 */
class ShippedReferenceDataTests {

    static final List<String> AGE_BANDS = List.of("age_0_5", "age_6_15", "age_16_19", "age_20_64", "age_65_79",
            "age_80_plus");

    static List<CSVRecord> shipped(String fileName) throws IOException {
        ClassPathResource resource = new ClassPathResource("reference-data/" + fileName);
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    void has290MunicipalitiesWithUniqueFourDigitCodesInTheirCounty() throws IOException {
        List<CSVRecord> rows = shipped("municipalities.csv");
        Set<String> codes = new HashSet<>();
        for (CSVRecord r : rows) {
            String code = r.get("municipality_code");
            assertThat(code).matches("\\d{4}");
            assertThat(code.substring(0, 2)).as(code).isEqualTo(r.get("county_code"));
            codes.add(code);
        }
        assertThat(rows).hasSize(290);
        assertThat(codes).hasSize(290).contains("0180", "1280", "1480", "2584");
    }

    @Test
    void has21CountiesWhoseMunicipalityCountsAddUpTo290() throws IOException {
        List<CSVRecord> rows = shipped("counties.csv");
        assertThat(rows).hasSize(21);
        assertThat(rows.stream().map(r -> r.get("county_code")).distinct()).hasSize(21);
        assertThat(rows.stream().mapToInt(r -> Integer.parseInt(r.get("municipality_count"))).sum()).isEqualTo(290);
    }

    @Test
    void givesEveryMunicipalityOneOfTheNineGroupsWithSkrsSizes() throws IOException {
        List<CSVRecord> rows = shipped("kommungrupper_2017.csv");
        Map<String, Integer> sizes = new TreeMap<>();
        rows.forEach(r -> sizes.merge(r.get("group_code"), 1, Integer::sum));
        assertThat(rows.stream().map(r -> r.get("municipality_code")).distinct()).hasSize(290);
        assertThat(sizes).containsExactly(Map.entry("A1", 3), Map.entry("A2", 43), Map.entry("B3", 21),
                Map.entry("B4", 52), Map.entry("B5", 35), Map.entry("C6", 29), Map.entry("C7", 52),
                Map.entry("C8", 40), Map.entry("C9", 15));
    }

    @Test
    void population2022AddsUpBySexAndAgeInEveryRowAndTo10521556ForSweden() throws IOException {
        List<CSVRecord> rows = shipped("population_2022.csv");
        long national = 0;
        for (CSVRecord r : rows) {
            long total = Long.parseLong(r.get("population_total"));
            assertThat(Long.parseLong(r.get("population_women")) + Long.parseLong(r.get("population_men")))
                    .as("women + men in %s", r.get("municipality_code")).isEqualTo(total);
            assertThat(AGE_BANDS.stream().mapToLong(band -> Long.parseLong(r.get(band))).sum())
                    .as("age bands in %s", r.get("municipality_code")).isEqualTo(total);
            assertThat(r.get("year")).isEqualTo("2022");
            national += total;
        }
        assertThat(rows).hasSize(290);
        assertThat(national).isEqualTo(10_521_556L);
        assertThat(rows.stream().filter(r -> r.get("municipality_code").equals("0180")).findFirst().orElseThrow()
                .get("population_total")).isEqualTo("984748");
    }

    @Test
    void theStartUpLoadFindsEveryReferenceFileInTheShippedCopy() {
        List<ReferenceFile> files = ReferenceDataFolder.read(new DefaultResourceLoader(), ReferenceDataLocation.SHIPPED);
        assertThat(files).extracting(ReferenceFile::kind).containsExactly(ReferenceFileKind.values());
        assertThat(new ClassPathResource("reference-data/PROVENANCE.md").exists()).isTrue();
        assertThat(new ClassPathResource("reference-data/kolada_sample/kpi_values.csv").exists()).isTrue();
    }
}
