package se.samsyn.organisation.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import se.samsyn.organisation.ReferenceDataLocation;

/**
 * Reference data loading, run against both databases by the subclasses: the real folder loads,
 * a second load changes nothing, and a broken file is rejected with file, row and reason while
 * the stored data stays exactly as it was.
 */
abstract class ReferenceDataLoadingTests {


    @Autowired
    ReferenceDataImport importer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    @Test
    void loadsTheWholeReferenceFolderAtStartup() {
        assertThat(count("org_county")).isEqualTo(21);
        assertThat(count("org_municipality")).isEqualTo(290);
        assertThat(count("org_municipality_group")).isEqualTo(9);
        assertThat(count("org_population")).isEqualTo(5220);
        assertThat(count("org_population_total")).isEqualTo(8398);
        assertThat(count("org_boundary")).isEqualTo(311);
        assertThat(jdbc.sql("SELECT SUM(population) FROM org_population WHERE sex = 'T' AND stat_year = 2022")
                .query(Long.class).single()).isEqualTo(10_521_556L);
        assertThat(jdbc.sql("SELECT group_code FROM org_municipality WHERE code = '1280'")
                .query(String.class).single()).isEqualTo("A1");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_municipality WHERE group_code = 'B4'")
                .query(Integer.class).single()).isEqualTo(52);
    }

    @Test
    void everyTemplatePassesItsDryRunAndStoresNothing() {
        String before = snapshot();
        se.samsyn.shared.Actor admin = new se.samsyn.shared.Actor("ref-admin", se.samsyn.shared.Role.ADMINISTRATOR,
                se.samsyn.shared.Scope.nation());
        assertThat(ReferenceDataImport.EXAMPLES).hasSize(5);
        for (var example : ReferenceDataImport.EXAMPLES.entrySet()) {
            byte[] template = se.samsyn.imports.ImportTemplate.csv(example.getKey().requiredColumns(),
                    List.of(example.getValue()));
            ReferenceLoadResult result = importer.upload(admin, List.of(new ReferenceFile(example.getKey(),
                    example.getKey().standardFileName(), template)), true);
            assertThat(result.problems()).as(example.getKey().code()).isEmpty();
            assertThat(result.rejected()).as(example.getKey().code()).isFalse();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void loadingTheSameFolderAgainChangesNothing() {
        String before = snapshot();
        ReferenceLoadResult result = importer.loadAtStartup(shipped());
        assertThat(result.status()).isEqualTo("unchanged");
        assertThat(result.files()).hasSize(7).allMatch(f -> f.outcome().equals("unchanged"));
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rejectsADuplicateMunicipalityCodeAndKeepsTheStoredData() {
        String before = snapshot();
        String file = csv("""
                municipality_code,municipality_name,municipality_name_long,county_code
                1280,Malmö,Malmö kommun,12
                1281,Lund,Lunds kommun,12
                1280,Malmö igen,Malmö kommun,12
                """);
        ReferenceLoadResult result = importer.loadAtStartup(List.of(
                new ReferenceFile(ReferenceFileKind.MUNICIPALITIES, "municipalities.csv", bytes(file))));
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.problems()).containsExactly(new ReferenceProblem("municipalities.csv", 4,
                "municipality_code", "referencedata.error.duplicate-code", List.of("1280")));
        assertThat(swedish(result.problems().get(0))).isEqualTo("Koden 1280 förekommer mer än en gång.");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rejectsARowWithMoreOrFewerFieldsThanTheHeaderAndKeepsTheStoredData() {
        String before = snapshot();
        String file = csv("""
                municipality_code,municipality_name,municipality_name_long,county_code
                1280,Malmö,Malmö kommun,12,extra
                1281,Lund,Lunds kommun
                """);
        ReferenceLoadResult result = importer.loadAtStartup(List.of(
                new ReferenceFile(ReferenceFileKind.MUNICIPALITIES, "municipalities.csv", bytes(file))));
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.problems()).containsExactly(
                new ReferenceProblem("municipalities.csv", 2, null, "import.error.field-count", List.of("5", "4")),
                new ReferenceProblem("municipalities.csv", 3, null, "import.error.field-count", List.of("3", "4")));
        assertThat(swedish(result.problems().get(0))).isEqualTo("Raden har 5 fält men rubrikraden har 4.");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rejectsAMunicipalityInAnUnknownCountyAndKeepsTheStoredData() {
        String before = snapshot();
        String file = csv("""
                municipality_code,municipality_name,municipality_name_long,county_code
                1280,Malmö,Malmö kommun,12
                9901,Ingenstans,Ingenstans kommun,99
                """);
        ReferenceLoadResult result = importer.loadAtStartup(List.of(
                new ReferenceFile(ReferenceFileKind.MUNICIPALITIES, "municipalities.csv", bytes(file))));
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.problems()).containsExactly(new ReferenceProblem("municipalities.csv", 3,
                "county_code", "referencedata.error.unknown-county", List.of("99")));
        assertThat(swedish(result.problems().get(0))).isEqualTo("Länet 99 finns inte.");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void rejectsPopulationOfAnUnknownMunicipalityAndKeepsEveryFileOfTheBatchOut() {
        String before = snapshot();
        String counties = csv("""
                county_code,county_name,county_name_short,municipality_count
                12,Skåne län (ändrat),Skåne,33
                """);
        String population = csv("""
                municipality_code,year,sex,age_band,population
                1280,2023,T,0-5,27000
                9998,2023,T,0-5,100
                """);
        ReferenceLoadResult result = importer.loadAtStartup(List.of(
                new ReferenceFile(ReferenceFileKind.COUNTIES, "counties.csv", bytes(counties)),
                new ReferenceFile(ReferenceFileKind.POPULATION, "population.csv", bytes(population))));
        assertThat(result.status()).isEqualTo("rejected");
        assertThat(result.problems()).containsExactly(new ReferenceProblem("population.csv", 3,
                "municipality_code", "referencedata.error.unknown-municipality", List.of("9998")));
        assertThat(messages.getMessage(result.problems().get(0).messageKey(),
                result.problems().get(0).args().toArray(), Locale.ENGLISH))
                .isEqualTo("The municipality 9998 does not exist.");
        // the valid counties file in the same batch was not stored either
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void storesAValidChangeAndThenSkipsItTheSecondTime() {
        String population = csv("""
                municipality_code,year,sex,age_band,population
                2584,2030,T,80+,1234
                """);
        List<ReferenceFile> batch = List.of(
                new ReferenceFile(ReferenceFileKind.POPULATION, "population-2030.csv", bytes(population)));
        assertThat(importer.loadAtStartup(batch).status()).isEqualTo("loaded");
        assertThat(jdbc.sql("SELECT population FROM org_population WHERE municipality_code = '2584' AND stat_year = 2030")
                .query(Integer.class).single()).isEqualTo(1234);
        String after = snapshot();
        assertThat(importer.loadAtStartup(batch).status()).isEqualTo("unchanged");
        assertThat(snapshot()).isEqualTo(after);
        jdbc.sql("DELETE FROM org_population WHERE stat_year = 2030").update();
        // the folder's population file differs from the last one loaded, so it is applied again
        assertThat(importer.loadAtStartup(shipped()).status()).isEqualTo("loaded");
    }

    /** The reference files shipped in the jar, read as the start-up load reads them. */
    private static List<ReferenceFile> shipped() {
        return ReferenceDataFolder.read(new DefaultResourceLoader(), ReferenceDataLocation.SHIPPED);
    }

    private String swedish(ReferenceProblem problem) {
        return messages.getMessage(problem.messageKey(), problem.args().toArray(), new Locale("sv"));
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    /** A digest of every reference table's full content, in a fixed order. */
    private String snapshot() {
        StringBuilder all = new StringBuilder();
        for (String query : List.of(
                "SELECT code || '|' || name || '|' || short_name FROM org_county ORDER BY code",
                "SELECT code || '|' || name || '|' || county_code || '|' || COALESCE(group_code, '') FROM org_municipality ORDER BY code",
                "SELECT code || '|' || name FROM org_municipality_group ORDER BY code",
                "SELECT municipality_code || '|' || stat_year || '|' || sex || '|' || age_band || '|' || population FROM org_population ORDER BY 1",
                "SELECT municipality_code || '|' || stat_year || '|' || total FROM org_population_total ORDER BY 1",
                "SELECT kind || '|' || code || '|' || LENGTH(geometry) FROM org_boundary ORDER BY 1",
                "SELECT file_kind || '|' || sha256 FROM org_reference_load ORDER BY id")) {
            jdbc.sql(query).query(String.class).list().forEach(line -> all.append(line).append('\n'));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csv(String text) {
        return text;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
