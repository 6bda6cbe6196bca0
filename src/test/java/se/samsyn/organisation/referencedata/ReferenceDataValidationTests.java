package se.samsyn.organisation.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceDataValidationTests {

    private static final String COUNTIES_HEADER = "county_code,county_name,county_name_short\n";
    private static final String MUNICIPALITIES_HEADER =
            "municipality_code,municipality_name,municipality_name_long,county_code\n";
    private static final String POPULATION_HEADER = "municipality_code,year,sex,age_band,population\n";

    @Test
    void rejectsDuplicateCountyCode() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of(), Set.of()).validate(List.of(
                csv(ReferenceFileKind.COUNTIES, COUNTIES_HEADER
                        + "01,Stockholms län,Stockholm\n"
                        + "01,Stockholms län,Stockholm\n")));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("counties.csv", 3, "county_code",
                "referencedata.error.duplicate-code", List.of("01")));
        assertThat(batch.rows).doesNotContainKey(ReferenceFileKind.COUNTIES);
    }

    @Test
    void rejectsMunicipalityInUnknownCounty() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("01"), Set.of()).validate(List.of(
                csv(ReferenceFileKind.MUNICIPALITIES, MUNICIPALITIES_HEADER
                        + "0180,Stockholm,Stockholms kommun,01\n"
                        + "1280,Malmö,Malmö kommun,12\n")));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("municipalities.csv", 3, "county_code",
                "referencedata.error.unknown-county", List.of("12")));
        assertThat(batch.rows).doesNotContainKey(ReferenceFileKind.MUNICIPALITIES);
    }

    @Test
    void rejectsPopulationOfUnknownMunicipality() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(csv(ReferenceFileKind.POPULATION, POPULATION_HEADER
                        + "1280,2022,T,0-5,25000\n"
                        + "1281,2022,T,0-5,8000\n")));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("population_2022_by_sex_age.csv", 3,
                "municipality_code", "referencedata.error.unknown-municipality", List.of("1281")));
        assertThat(batch.rows).doesNotContainKey(ReferenceFileKind.POPULATION);
    }

    @Test
    void rejectsHeaderWithMissingColumn() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(csv(ReferenceFileKind.POPULATION,
                        "municipality_code,year,sex,age_band\n"
                        + "1280,2022,T,0-5\n")));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("population_2022_by_sex_age.csv", 1,
                "population", "referencedata.error.missing-column", List.of("population")));
    }

    @Test
    void rejectsNonIntegerPopulation() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(csv(ReferenceFileKind.POPULATION, POPULATION_HEADER
                        + "1280,2022,T,0-5,många\n")));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("population_2022_by_sex_age.csv", 2,
                "population", "referencedata.error.not-integer", List.of("många")));
    }

    @Test
    void rejectsUnknownSex() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(csv(ReferenceFileKind.POPULATION, POPULATION_HEADER
                        + "1280,2022,T,0-5,25000\n"
                        + "1280,2022,X,0-5,25000\n")));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("population_2022_by_sex_age.csv", 3,
                "sex", "referencedata.error.sex", List.of("X")));
    }

    @Test
    void acceptsValidBatchOfCountiesMunicipalitiesAndPopulation() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of(), Set.of()).validate(List.of(
                csv(ReferenceFileKind.POPULATION, POPULATION_HEADER
                        + "0180,2022,T,0-5,60000\n"
                        + "0180,2022,K,0-5,29000\n"
                        + "0180,2022,M,0-5,31000\n"
                        + "1280,2022,T,80+,16000\n"),
                csv(ReferenceFileKind.MUNICIPALITIES, MUNICIPALITIES_HEADER
                        + "0180,Stockholm,Stockholms kommun,01\n"
                        + "1280,Malmö,Malmö kommun,12\n"
                        + "1281,Lund,Lunds kommun,12\n"),
                csv(ReferenceFileKind.COUNTIES, COUNTIES_HEADER
                        + "01,Stockholms län,Stockholm\n"
                        + "12,Skåne län,Skåne\n")));

        assertThat(batch.problems).isEmpty();
        assertThat(batch.rows(ReferenceFileKind.COUNTIES)).containsExactly(
                new ReferenceDataValidation.CountyRow("01", "Stockholms län", "Stockholm"),
                new ReferenceDataValidation.CountyRow("12", "Skåne län", "Skåne"));
        assertThat(batch.rows(ReferenceFileKind.MUNICIPALITIES)).hasSize(3);
        assertThat(batch.rows(ReferenceFileKind.POPULATION)).hasSize(4).contains(
                new ReferenceDataValidation.PopulationRow("1280", 2022, "T", "80+", 16000));
    }

    @Test
    void municipalityDefinedInTheSameBatchMakesItsPopulationValid() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(
                        csv(ReferenceFileKind.POPULATION, POPULATION_HEADER
                                + "1280,2022,T,0-5,25000\n"
                                + "1281,2022,T,0-5,8000\n"),
                        csv(ReferenceFileKind.MUNICIPALITIES, MUNICIPALITIES_HEADER
                                + "1281,Lund,Lunds kommun,12\n")));

        assertThat(batch.problems).isEmpty();
        assertThat(batch.rows(ReferenceFileKind.MUNICIPALITIES)).hasSize(1);
        assertThat(batch.rows(ReferenceFileKind.POPULATION)).hasSize(2);
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] header = COUNTIES_HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] latin1Row = "01,Stockholms l\u00e5n,Stockholm\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = new byte[header.length + latin1Row.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(latin1Row, 0, content, header.length, latin1Row.length);

        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of(), Set.of()).validate(List.of(
                new ReferenceFile(ReferenceFileKind.COUNTIES, "counties.csv", content)));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("counties.csv", 0, null,
                "referencedata.error.not-utf8", List.of()));
        assertThat(batch.rows).isEmpty();
    }

    @Test
    void rejectsLoneByteE5AsNotUtf8() {
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of(), Set.of()).validate(List.of(
                new ReferenceFile(ReferenceFileKind.COUNTIES, "counties.csv", new byte[] {(byte) 0xE5})));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("counties.csv", 0, null,
                "referencedata.error.not-utf8", List.of()));
    }

    @Test
    void rejectsGeoJsonFeatureOfUnknownMunicipality() {
        String geoJson = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"municipality_code": "9999"},
                   "geometry": {"type": "Polygon", "coordinates": [[[13.0, 55.6], [13.1, 55.6], [13.0, 55.7], [13.0, 55.6]]]}}
                ]}
                """;
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(new ReferenceFile(ReferenceFileKind.MUNICIPALITY_BOUNDARIES,
                        "municipalities.geojson", geoJson.getBytes(StandardCharsets.UTF_8))));

        assertThat(batch.problems).containsExactly(new ReferenceProblem("municipalities.geojson", 1,
                "municipality_code", "referencedata.error.unknown-municipality", List.of("9999")));
        assertThat(batch.rows).doesNotContainKey(ReferenceFileKind.MUNICIPALITY_BOUNDARIES);
    }

    @Test
    void acceptsGeoJsonFeatureOfKnownMunicipality() {
        String geoJson = """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"municipality_code": "1280"},
                   "geometry": {"type": "Polygon", "coordinates": [[[13.0, 55.6], [13.1, 55.6], [13.0, 55.7], [13.0, 55.6]]]}}
                ]}
                """;
        ReferenceDataValidation.Batch batch = new ReferenceDataValidation(Set.of("12"), Set.of("1280"))
                .validate(List.of(new ReferenceFile(ReferenceFileKind.MUNICIPALITY_BOUNDARIES,
                        "municipalities.geojson", geoJson.getBytes(StandardCharsets.UTF_8))));

        assertThat(batch.problems).isEmpty();
        assertThat(batch.<ReferenceDataValidation.BoundaryRow>rows(ReferenceFileKind.MUNICIPALITY_BOUNDARIES))
                .extracting(ReferenceDataValidation.BoundaryRow::code).containsExactly("1280");
    }

    private static ReferenceFile csv(ReferenceFileKind kind, String text) {
        return new ReferenceFile(kind, kind.standardFileName(), text.getBytes(StandardCharsets.UTF_8));
    }
}
