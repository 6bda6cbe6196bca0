package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/** The public searches the guide with facets; a knowledge editor writes, publishes and finds an entry. Axe on every page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
class GuideJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "guide-journey");
    }

    @LocalServerPort
    int port;

    @Test
    void anAnonymousVisitorSearchesFiltersAndOpensAnEntry() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.find(By.linkText("Kunskapsguide")).click();
            assertThat(browser.heading()).isEqualTo("Kunskapsguide");
            browser.check("60-guide-start");

            browser.find(By.id("q")).sendKeys("missb");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#suggestion-list a")));
            assertThat(browser.find(By.id("suggestion-list")).getText()).contains("missbruk");
            browser.check("61-guide-suggestions");
            browser.find(By.id("q")).sendKeys("ruksvården");
            browser.driver.findElement(By.id("search-submit")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("results-heading"), "träffar"));
            assertThat(browser.find(By.cssSelector("#hits mark")).getText().toLowerCase(java.util.Locale.ROOT)).startsWith("missbruk");
            browser.check("62-guide-results");

            browser.driver.get(browser.driver.getCurrentUrl().replace("missbruksv%C3%A5rden", "missbruk")
                    .replace("missbruksvården", "missbruk"));
            String before = browser.find(By.id("results-heading")).getText();
            browser.find(By.cssSelector("#facet-type input[value=instrument]")).click();
            browser.wait.until(ExpectedConditions.urlContains("type=instrument"));
            assertThat(browser.find(By.id("results-heading")).getText()).isNotEqualTo(before);
            assertThat(browser.find(By.cssSelector("#facet-type input[value=instrument]")).isSelected()).isTrue();
            assertThat(browser.find(By.id("hits")).getText()).contains("ASI");
            browser.check("63-guide-filtered");

            browser.find(By.partialLinkText("ASI")).click();
            assertThat(browser.heading()).startsWith("ASI");
            assertThat(browser.find(By.id("source-link")).getAttribute("href")).startsWith("https://");
            assertThat(browser.driver.findElements(By.id("editor-heading"))).isEmpty();
            browser.check("64-guide-entry");

            browser.go("/guide/collections");
            browser.check("65-guide-collections");
            browser.find(By.linkText("Introduktion för nya socialsekreterare")).click();
            assertThat(browser.find(By.id("collection-entries")).getText()).contains("Socialtjänstlag (2025:400)");
            assertThat(browser.driver.findElements(By.id("add-entry"))).isEmpty();
            browser.check("65b-guide-collection");
        }
    }

    @Test
    void anEditorCreatesPublishesAndFindsAnEntry() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-editor", "demo");
            browser.go("/guide");
            browser.find(By.id("manage-link")).click();
            assertThat(browser.heading()).isEqualTo("Redaktion för kunskapsguiden");
            browser.check("66-guide-desk");

            browser.find(By.id("new-entry")).click();
            browser.find(By.id("e-title")).sendKeys("Samordnad individuell plan (SIP)");
            new Select(browser.driver.findElement(By.id("e-type"))).selectByValue("method");
            browser.driver.findElement(By.id("e-summary")).sendKeys("En plan när både kommunen och regionen ger insatser.");
            browser.driver.findElement(By.id("e-body")).sendKeys("## Så går det till\n\nSamordningsmötet leds av den som kallar.");
            browser.driver.findElement(By.cssSelector("input[name=focusAreas][value=substance-use]")).click();
            browser.driver.findElement(By.cssSelector("input[name=targetGroups][value=adults]")).click();
            browser.driver.findElement(By.id("e-publisher")).sendKeys("Sveriges Kommuner och Regioner");
            browser.driver.findElement(By.id("e-source")).sendKeys("https://skr.se/");
            browser.check("67-guide-new-entry");
            browser.driver.findElement(By.id("save-entry")).click();

            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).contains("skapad som utkast");
            assertThat(browser.find(By.id("entry-status")).getText()).isEqualTo("Utkast");
            browser.find(By.id("to-review")).click();
            assertThat(browser.find(By.id("entry-status")).getText()).isEqualTo("Granskas");
            assertThat(browser.clickConfirming(By.id("to-published"))).startsWith("Publicera posten ");
            assertThat(browser.find(By.id("entry-status")).getText()).isEqualTo("Publicerad");
            assertThat(browser.find(By.id("versions")).getText()).contains("Publicerad", "Skickad till granskning", "Skapad");
            browser.check("68-guide-published");

            browser.go("/guide?q=samordningsm%C3%B6tet");
            assertThat(browser.find(By.id("hits")).getText()).contains("Samordnad individuell plan (SIP)");

            browser.go("/guide/entries/motiverande-samtal");
            assertThat(browser.find(By.id("references")).getText()).contains("Motiverande samtal (MI)");
            assertThat(browser.clickConfirming(By.id("to-archived"))).startsWith("Arkivera posten Motiverande samtal");
            assertThat(browser.find(By.id("blocked")).getText()).contains("kan inte arkiveras", "Motiverande samtal (MI)");
            browser.check("69-guide-blocked");

            browser.go("/guide/collections/introduktion-for-nya-socialsekreterare");
            new Select(browser.find(By.id("add-entry"))).selectByValue("samordnad-individuell-plan-sip");
            browser.driver.findElement(By.id("add-to-collection")).click();
            assertThat(browser.find(By.id("collection-entries")).getText()).contains("Samordnad individuell plan (SIP)");
            browser.check("69b-guide-collection-editor");

            browser.go("/followup/catalogue");
            browser.find(By.cssSelector("#intervention-MI a.guide-link")).click();
            assertThat(browser.heading()).isEqualTo("Motiverande samtal (MI)");
        }
    }
}
