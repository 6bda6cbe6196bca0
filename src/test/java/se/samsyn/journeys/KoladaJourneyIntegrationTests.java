package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.comparison.kolada.KoladaSampleLoad;

/**
 * A national analyst sees the Kolada sample loaded in the background after start-up, has a bad file rejected with every
 * bad row listed, imports a good one, and gets a clear message when Kolada cannot be reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
                "samsyn.kolada.base-url=http://127.0.0.1:9/v2", "samsyn.kolada.timeout=3s",
                "samsyn.kolada.load-sample=true"})
class KoladaJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "kolada-journey");
    }

    @LocalServerPort
    int port;

    @Autowired
    KoladaSampleLoad sampleLoad;

    @Test
    void aNationalAnalystImportsKoladaFilesAndSeesTheImportedKeyFigures() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "kolada-journey"));
        Path bad = dir.resolve("bad-values.csv");
        Files.writeString(bad, """
                kpi_id,municipality_code,year,gender,value
                N31807,0114,2023,T,1.5
                N99999,0115,2023,T,2.5
                N31807,9999,2023,T,4
                N31807,0120,2023,X,4
                """, StandardCharsets.UTF_8);
        Path good = dir.resolve("values-2023.csv");
        Files.writeString(good, """
                kpi_id,municipality_code,year,gender,value
                N31807,0114,2023,T,1.5
                N31807,0115,2023,T,2.5
                """, StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(port)) {
            sampleLoad.awaitBackground(Duration.ofMinutes(5));
            browser.login("demo-national", "demo");
            browser.go("/comparisons/kolada");
            assertThat(browser.heading()).isEqualTo("Officiell statistik från Kolada");
            assertThat(browser.find(By.id("sample-load-state")).getText().replace('\u00a0', ' '))
                    .isEqualTo("Urvalet är inläst: 157 244 av 157 244 rader lästes.");
            assertThat(browser.find(By.id("sample-load-files")).getText())
                    .contains("kolada_sample/kpi_metadata.csv 37", "kolada_sample/kpi_values.csv 156 710",
                            "kolada_sample/kpi_values_national.csv 497");
            String kpis = browser.find(By.id("kolada-kpis")).getText();
            assertThat(kpis).contains("N31807", "Källa: Kolada", "2015–2022");
            assertThat(browser.find(By.id("kolada-loads")).getText()).contains("kolada_sample/kpi_values.csv");
            browser.check("60-kolada");

            browser.find(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
            browser.driver.findElement(By.id("run-import")).click();
            assertThat(browser.find(By.cssSelector("#import-result [role=status]")).getText())
                    .isEqualTo("Filen avvisades: 3 fel i filens 4 rader. Inget har sparats.");
            String errors = browser.find(By.id("import-errors")).getText();
            assertThat(errors).contains("Nyckeltalet finns inte", "Kommunen eller regionen finns inte",
                    "Kön ska vara T, K eller M.");
            browser.check("61-kolada-rejected");

            browser.find(By.id("file")).sendKeys(good.toAbsolutePath().toString());
            browser.driver.findElement(By.id("upload-dry-run")).click();
            browser.driver.findElement(By.id("run-import")).click();
            assertThat(browser.find(By.cssSelector("#import-result [role=status]")).getText())
                    .isEqualTo("Inläsningen är klar (värden): 2 rader, 2 nya, 0 ändrade, 0 oförändrade.");
            assertThat(browser.find(By.id("kolada-kpis")).getText()).contains("2015–2023");

            browser.find(By.id("kpis")).sendKeys("N31807");
            browser.driver.findElement(By.id("years")).sendKeys("2022");
            browser.driver.findElement(By.id("run-fetch")).click();
            assertThat(browser.find(By.cssSelector("#fetch-result [role=alert]")).getText())
                    .isEqualTo("Koladas API (http://127.0.0.1:9/v2) gick inte att nå. Försök igen senare eller läs in filer i stället.");
            browser.check("62-kolada-fetch-unreachable");

            browser.go("/comparisons/kolada?lang=en");
            assertThat(browser.heading()).isEqualTo("Official statistics from Kolada");
        }
    }

    @Test
    void aCaseWorkerMayNotImportAndAnyoneReadsTheKoladaApi() {
        try (Browser browser = Browser.open(port)) {
            sampleLoad.awaitBackground(Duration.ofMinutes(5));
            browser.go("/api/kolada/v2/kpi/N31807");
            assertThat(browser.driver.getPageSource()).contains("\"id\":\"N31807\"");
            browser.login("demo-caseworker", "demo");
            browser.go("/comparisons/kolada");
            assertThat(browser.heading()).isEqualTo("Något gick fel (403)");
        }
    }
}
