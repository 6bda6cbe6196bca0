package se.samsyn.comparison.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.ResourceLoader;
import jakarta.servlet.http.Cookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.kolada.KoladaRecords.ImportResult;
import se.samsyn.comparison.kolada.KoladaRecords.RowError;
import se.samsyn.comparison.kolada.KoladaSampleProgress.FileLoad;
import se.samsyn.comparison.kolada.KoladaSampleProgress.State;

/**
 * The Kolada sample load on a small fixture folder: it runs in the background after start-up,
 * reports done with the rows of every file, skips files already loaded, stops at a rejected file
 * with its reason, and shows its progress on the Kolada page and in the API to national analysts
 * and administrators only.
 */
@SpringBootTest(properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
        "samsyn.kolada.load-sample=true"})
@AutoConfigureMockMvc
class KoladaSampleLoadIntegrationTests {

    static final Path FIXTURE = Path.of("target", "kolada-sample-fixture");
    static final String METADATA_HEADER =
            "kpi_id,title,operating_area,municipality_type,is_divided_by_gender,perspective,source,publication_date,description\n";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "kolada-sample-load");
        writeFixture(FIXTURE, "N99001", "N99002");
        registry.add("samsyn.reference-data", () -> FIXTURE.toAbsolutePath().toString());
    }

    /**
     * A reference-data folder with the shipped counties and municipalities and a Kolada sample of two
     * KPIs: 2 metadata rows, 4 municipality values and 1 national value.
     */
    static void writeFixture(Path folder, String kpi1, String kpi2) {
        try {
            Files.createDirectories(folder.resolve("kolada_sample"));
            for (String name : List.of("counties.csv", "municipalities.csv")) {
                try (InputStream in = new ClassPathResource("reference-data/" + name).getInputStream()) {
                    Files.write(folder.resolve(name), in.readAllBytes());
                }
            }
            Files.writeString(folder.resolve("kolada_sample/kpi_metadata.csv"), METADATA_HEADER
                    + kpi1 + ",Testtal ett (andel),Test,K,0,Resultat,SCB,2023-01-01,Ett testtal. Källa: SCB.\n"
                    + kpi2 + ",Testtal två (antal),Test,K,0,Resultat,SCB,2023-01-01,Ett annat testtal.\n",
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("kolada_sample/kpi_values.csv"), """
                    kpi_id,municipality_code,year,gender,value
                    %1$s,1280,2021,T,1.5
                    %1$s,1280,2022,T,2
                    %1$s,1281,2022,T,3.25
                    %2$s,0180,2022,T,10
                    """.formatted(kpi1, kpi2), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("kolada_sample/kpi_values_national.csv"), """
                    kpi_id,area_code,year,gender,value
                    %s,0000,2022,T,1.75
                    """.formatted(kpi1), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    KoladaSampleLoad sampleLoad;

    @Autowired
    KoladaImport importer;

    @Autowired
    KoladaRepository repository;

    @Autowired
    ResourceLoader resources;

    @Autowired
    MessageSource messages;

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    se.samsyn.cluster.ClusterLocks locks;

    @BeforeEach
    void backgroundLoadIsOver() {
        sampleLoad.awaitBackground(Duration.ofMinutes(2));
    }

    KoladaSampleLoad loadFrom(Path folder) {
        return new KoladaSampleLoad(importer, repository, resources, messages, clock, folder.toString(), true, locks);
    }

    @Test
    void theBackgroundLoadReportsDoneWithTheRowsOfEveryFile() {
        KoladaSampleProgress progress = sampleLoad.progress();
        assertThat(progress.state()).isEqualTo(State.DONE);
        assertThat(progress.rowsRead()).isEqualTo(7);
        assertThat(progress.rowsTotal()).isEqualTo(7);
        assertThat(progress.percent()).isEqualTo(100);
        assertThat(progress.file()).isNull();
        assertThat(progress.reasonKey()).isNull();
        assertThat(progress.files()).containsExactly(
                new FileLoad("kolada_sample/kpi_metadata.csv", "imported", 2, 2, 0),
                new FileLoad("kolada_sample/kpi_values.csv", "imported", 4, 4, 0),
                new FileLoad("kolada_sample/kpi_values_national.csv", "imported", 1, 1, 0));
        assertThat(progress.startedAt()).isNotNull();
        assertThat(progress.finishedAt()).isAfterOrEqualTo(progress.startedAt());
        assertThat(repository.alreadyLoaded(sha("kpi_values.csv"))).isTrue();
    }

    @Test
    void loadingTheSameFolderAgainSkipsEveryFile() {
        KoladaSampleProgress again = loadFrom(FIXTURE).loadNow();
        assertThat(again.state()).isEqualTo(State.DONE);
        assertThat(again.rowsTotal()).isZero();
        assertThat(again.files()).extracting(FileLoad::outcome).containsExactly("already-loaded", "already-loaded",
                "already-loaded");
        assertThat(again.messageKey()).isEqualTo("kolada.sample.state.done-earlier");
    }

    @Test
    void aRejectedFileStopsTheLoadWithItsReasonAndFirstBadRow(@TempDir Path folder) throws IOException {
        writeFixture(folder, "N99003", "N99004");
        Files.writeString(folder.resolve("kolada_sample/kpi_values.csv"), """
                kpi_id,municipality_code,year,gender,value
                N99003,1280,2022,T,1
                N99003,1281,2022,X,2
                N99004,9999,2022,T,3
                """, StandardCharsets.UTF_8);
        KoladaSampleProgress progress = loadFrom(folder).loadNow();
        assertThat(progress.state()).isEqualTo(State.FAILED);
        assertThat(progress.file()).isEqualTo("kolada_sample/kpi_values.csv");
        assertThat(progress.reasonKey()).isEqualTo("kolada.sample.failed.rejected");
        assertThat(progress.reasonArgs()).containsExactly("kolada_sample/kpi_values.csv", 2L);
        assertThat(progress.firstError()).isEqualTo(new RowError(3, "gender", "kolada.error.gender"));
        assertThat(progress.rowsTotal()).isEqualTo(6);
        assertThat(progress.rowsRead()).isEqualTo(5);
        assertThat(progress.files()).containsExactly(
                new FileLoad("kolada_sample/kpi_metadata.csv", "imported", 2, 2, 0));
        assertThat(messages.getMessage(progress.reasonKey(), progress.reasonArgs().toArray(), java.util.Locale.ENGLISH))
                .isEqualTo("The file kolada_sample/kpi_values.csv was rejected with 2 errors; nothing of it was stored.");
    }

    @Test
    void anEmptyFolderFindsNoSample(@TempDir Path folder) {
        KoladaSampleProgress progress = loadFrom(folder).loadNow();
        assertThat(progress.state()).isEqualTo(State.NOT_FOUND);
        assertThat(progress.finished()).isTrue();
    }

    @Test
    void theImportTellsItsCallbackHowManyRowsItHasReadEveryThousandRowsAndAtTheEnd() throws IOException {
        StringBuilder csv = new StringBuilder("kpi_id,municipality_code,year,gender,value\n");
        List<String> codes = new ArrayList<>();
        try (InputStream in = new ClassPathResource("reference-data/municipalities.csv").getInputStream()) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .forEach(line -> codes.add(line.substring(0, 4)));
        }
        int rows = 0;
        for (int year = 2010; year <= 2022 && rows < 2_500; year++) {
            for (String code : codes) {
                if (rows++ < 2_500) {
                    csv.append("N99001,").append(code).append(',').append(year).append(",T,").append(rows).append('\n');
                }
            }
        }
        List<Long> reported = new ArrayList<>();
        ImportResult result = importer.runAsSystem("callback.csv", KoladaImport.Format.CSV,
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), reported::add);
        assertThat(result.status()).isEqualTo("imported");
        assertThat(result.rows()).isEqualTo(2_500);
        assertThat(reported).containsExactly(1_000L, 2_000L, 2_500L);
    }

    @Test
    void nationalAnalystsSeeTheProgressInTheApiAndOnTheKoladaPage() throws Exception {
        Cookie national = login("demo-national");
        mvc.perform(get("/api/v1/comparisons/kolada/sample-load").cookie(national).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("done"))
                .andExpect(jsonPath("$.message").value("The sample is loaded: 7 of 7 rows read."))
                .andExpect(jsonPath("$.rowsRead").value(7))
                .andExpect(jsonPath("$.rowsTotal").value(7))
                .andExpect(jsonPath("$.percent").value(100))
                .andExpect(jsonPath("$.files.length()").value(3))
                .andExpect(jsonPath("$.files[1].file").value("kolada_sample/kpi_values.csv"))
                .andExpect(jsonPath("$.files[1].rows").value(4))
                .andExpect(jsonPath("$.files[1].outcome").value("imported"))
                .andExpect(jsonPath("$.reason").doesNotExist());

        String html = mvc.perform(get("/comparisons/kolada").cookie(national)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        assertThat(page.getElementById("sample-load-state").text()).isEqualTo("Urvalet är inläst: 7 av 7 rader lästes.");
        assertThat(page.select("#sample-load-files tbody tr")).extracting(tr -> tr.text()).containsExactly(
                "kolada_sample/kpi_metadata.csv 2 inläst: 2 nya, 0 ändrade",
                "kolada_sample/kpi_values.csv 4 inläst: 4 nya, 0 ändrade",
                "kolada_sample/kpi_values_national.csv 1 inläst: 1 nya, 0 ändrade");
        assertThat(page.getElementById("sample-load").hasAttr("hx-trigger")).isFalse();

        String fragment = mvc.perform(get("/comparisons/kolada/sample-load").cookie(national)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(fragment).getElementById("sample-load-state").text())
                .isEqualTo("Urvalet är inläst: 7 av 7 rader lästes.");
    }

    @Test
    void othersMayNotSeeTheProgress() throws Exception {
        mvc.perform(get("/api/v1/comparisons/kolada/sample-load")).andExpect(status().isUnauthorized());
        Cookie caseWorker = login("demo-caseworker");
        mvc.perform(get("/api/v1/comparisons/kolada/sample-load").cookie(caseWorker)).andExpect(status().isForbidden());
        mvc.perform(get("/comparisons/kolada/sample-load").cookie(caseWorker)).andExpect(status().isForbidden());
        Cookie admin = login("demo-admin");
        mvc.perform(get("/api/v1/comparisons/kolada/sample-load").cookie(admin)).andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("done"));
        Cookie municipalAdmin = login("demo-malmo-admin");
        mvc.perform(get("/api/v1/comparisons/kolada/sample-load").cookie(municipalAdmin))
                .andExpect(status().isForbidden());
    }

    private String sha(String name) {
        try {
            byte[] content = Files.readAllBytes(FIXTURE.resolve("kolada_sample").resolve(name));
            return java.util.HexFormat.of().formatHex(KoladaImport.sha256().digest(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Cookie login(String username) throws Exception {
        return se.samsyn.SignedIn.session(mvc, username, "demo");
    }
}
