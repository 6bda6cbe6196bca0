package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * A unit manager adds a person who performs a regulated task without the required components,
 * sees the legal gap, plans the course that closes it, records it done and sees the gap close,
 * finds the person's introduction started by the adding and gives it a mentor with an account,
 * and reads the person's history of changes; the mentor signs in and ticks off one of the
 * mentor's items; a director sees the municipality's overview and the
 * turnover indicator in open comparisons. axe on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
                "samsyn.kolada.load-sample=false"})
class CompetenceJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "competence-journey");
    }

    @LocalServerPort
    int port;

    @Test
    void aManagerClosesALegalGapAndStartsAnIntroductionAndADirectorComparesTurnover() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-manager", "demo");
            browser.find(By.linkText("Kompetensförsörjning")).click();
            assertThat(browser.heading()).isEqualTo("Kompetensförsörjning");
            browser.check("60-competence-start");
            browser.find(By.cssSelector("a.unit-link")).click();
            assertThat(browser.heading()).isEqualTo("Kompetens på Malmö Barn och unga, utredning");

            browser.find(By.id("employeeNumber")).sendKeys("MBU-900");
            browser.driver.findElement(By.id("name")).sendKeys("Vera Journey");
            new Select(browser.driver.findElement(By.id("role"))).selectByValue("social-worker");
            new Select(browser.driver.findElement(By.id("employment"))).selectByValue("permanent");
            setDate(browser, "startDate", LocalDate.now().minusDays(10));
            browser.driver.findElement(By.id("degrees")).sendKeys("behavioural-science[social-work+psychology]");
            browser.driver.findElement(By.cssSelector("input[name=tasks][value=investigate]")).click();
            browser.driver.findElement(By.id("save-employee")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Anställningsnummer MBU-900 är tillagt.");

            WebElement gap = browser.find(By.id("gap-MBU-900-sol-child-investigate"));
            assertThat(gap.getText()).contains("Vera Journey", "lagkrav", "Saknar moment: socialrätt, förvaltningsrätt");
            browser.check("61-competence-unit-gap");
            gap.findElement(By.name("course")).sendKeys("Socialrätt och förvaltningsrätt 15 hp");
            setDate(browser, gap.findElement(By.name("plannedOn")).getAttribute("id"), LocalDate.now().plusMonths(3));
            gap.findElement(By.cssSelector("button[type=submit]")).click();
            // the page before still shows the previous flash: wait until it has been replaced
            browser.wait.until(ExpectedConditions.stalenessOf(gap));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText())
                    .isEqualTo("Kursen Socialrätt och förvaltningsrätt 15 hp är planerad.");

            WebElement plan = browser.find(By.xpath("//table[@id='plans']//tr[td[text()='MBU-900']]"));
            plan.findElement(By.cssSelector("button.complete-plan")).click();
            browser.wait.until(ExpectedConditions.stalenessOf(plan));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText())
                    .isEqualTo("Kursen Socialrätt och förvaltningsrätt 15 hp är klar.");
            assertThat(browser.driver.findElements(By.id("gap-MBU-900-sol-child-investigate"))).isEmpty();

            // the local requirement is time-bound: due, closed by the guide's training picked from the list
            WebElement due = browser.find(By.id("gap-MBU-900-malmo-ebp-6-months"));
            assertThat(due.getText()).contains("ska vara uppfyllt senast");
            assertThat(due.findElement(By.cssSelector("a.closing-training")).getText())
                    .isEqualTo("Webbutbildning: Evidensbaserad praktik i socialtjänsten");
            setDate(browser, due.findElement(By.name("plannedOn")).getAttribute("id"), LocalDate.now().plusDays(14));
            due.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement training = browser.find(By.xpath("//table[@id='plans']//tr[td[text()='MBU-900'] and td[text()="
                    + "'Webbutbildning: Evidensbaserad praktik i socialtjänsten']]"));
            training.findElement(By.cssSelector("button.complete-plan")).click();
            // the page before still shows the gap: wait until it has been replaced
            browser.wait.until(ExpectedConditions.stalenessOf(training));
            assertThat(browser.driver.findElements(By.id("gap-MBU-900-malmo-ebp-6-months"))).isEmpty();

            // adding Vera (permanent, started ten days ago) started her role's introduction; the manager
            // gives it a mentor who signs in to Samsyn
            WebElement intro = browser.find(By.id("introduction-MBU-900"));
            assertThat(intro.findElement(By.cssSelector(".intro-automatic")).getText())
                    .isEqualTo("Startades automatiskt när personen lades till (formulär).");
            assertThat(intro.findElement(By.cssSelector(".intro-summary")).getText())
                    .startsWith("Ingen mentor ännu, start " + LocalDate.now().minusDays(10) + ": 0 av 5 klara, 1 försenade.");
            intro.findElement(By.name("mentor")).sendKeys("Anna Ali");
            intro.findElement(By.name("mentorAccount")).sendKeys("demo-caseworker");
            intro.findElement(By.cssSelector("button.assign-mentor")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Mentorn är sparad för Vera Journey.");
            assertThat(browser.find(By.cssSelector("#introduction-MBU-900 .intro-summary")).getText())
                    .startsWith("Mentor Anna Ali, start " + LocalDate.now().minusDays(10) + ": 0 av 5 klara, 1 försenade.");
            assertThat(browser.find(By.cssSelector("#introduction-MBU-900 .intro-mentor-account")).getText())
                    .isEqualTo("Mentorn loggar in som demo-caseworker.");
            browser.check("62-competence-unit-closed");

            // the history of Vera's changes: the two completed plans added a training and two components
            browser.find(By.cssSelector("#employee-MBU-900 a.history-link")).click();
            assertThat(browser.heading()).isEqualTo("Ändringshistorik för Vera Journey (MBU-900)");
            assertThat(browser.driver.findElements(By.cssSelector("#history tbody tr"))).extracting(WebElement::getText)
                    .hasSize(2)
                    .anyMatch(r -> r.contains("Kompletterade moment") && r.contains("administrative-law;social-law")
                            && r.contains("demo-manager") && r.endsWith("genomförd kompletteringsplan"))
                    .anyMatch(r -> r.contains("Genomförda utbildningar") && r.contains("webbutbildning-evidensbaserad-praktik@")
                            && r.endsWith("genomförd kompletteringsplan"));
            browser.check("65-competence-history");
        }
        try (Browser browser = Browser.open(port)) {
            // the mentor signs in and sees Vera's introduction with only the three items the mentor guides
            browser.login("demo-caseworker", "demo");
            browser.go("/competence");
            browser.find(By.id("mentoring-link")).click();
            assertThat(browser.heading()).isEqualTo("Introduktioner där du är mentor");
            WebElement vera = browser.find(By.xpath("//article[h2[starts-with(text(), 'Vera Journey')]]"));
            assertThat(vera.findElements(By.cssSelector("li"))).extracting(WebElement::getText).hasSize(3)
                    .allMatch(t -> t.contains("(Mentor)"));
            vera.findElement(By.cssSelector("button.check-item")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).startsWith("Punkten är klar ");
            assertThat(browser.find(By.xpath("//article[h2[starts-with(text(), 'Vera Journey')]]//p[@class='intro-summary']"))
                    .getText()).contains("1 av 3 av dina punkter klara");
            browser.check("66-competence-mentoring");
            browser.go("/competence/units/1280-IFO-BU");
            assertThat(browser.heading()).isEqualTo("Något gick fel (404)");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-director", "demo");
            browser.go("/competence");
            browser.find(By.id("overview-link")).click();
            assertThat(browser.heading()).isEqualTo("Kompetens i Malmö");
            assertThat(browser.find(By.id("overview-1280-IFO-BU")).getText()).startsWith("Malmö Barn och unga, utredning");
            assertThat(browser.driver.getPageSource()).doesNotContain("Anna Ali");
            browser.check("63-competence-overview");
            browser.go("/comparisons/indicators/W00001");
            assertThat(browser.heading()).startsWith("Personalomsättning");
            assertThat(browser.find(By.id("main")).getText()).contains("Kommungrupp", "Storstäder (A1)");
            assertThat(browser.find(By.cssSelector("p.source")).getText())
                    .startsWith("Källa: enheternas personalförteckningar i Samsyns kompetensförsörjning");
            browser.check("64-turnover-indicator");
            browser.go("/competence/units/1280-IFO-BU");
            assertThat(browser.heading()).isEqualTo("Något gick fel (404)");
        }
    }

    private static void setDate(Browser browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }
}
