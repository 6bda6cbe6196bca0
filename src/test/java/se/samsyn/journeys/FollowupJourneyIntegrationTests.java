package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * A case worker records a client, ends an episode, sees the result in the unit report, corrects a
 * wrongly entered score and sees both corrections in the history (from and to) and the corrected
 * score in the report, with axe on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
class FollowupJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "followup-journey");
    }

    @LocalServerPort
    int port;

    @Test
    void aCaseWorkerRecordsNeedsAnInterventionAnEpisodeAndTwoWho5MeasurementsAndSeesThemInTheReport() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-caseworker", "demo");
            browser.find(By.linkText("Uppföljning")).click();
            assertThat(browser.heading()).isEqualTo("Systematisk uppföljning");
            browser.check("20-followup-start");

            browser.find(By.id("personnummer")).sendKeys("19811218-9877");
            browser.driver.findElement(By.id("lookup")).click();
            assertThat(browser.find(By.cssSelector("[role=alert]")).getText())
                    .isEqualTo("Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.");
            assertThat(browser.find(By.id("personnummer")).getAttribute("value"))
                    .as("the typed number stays in the field to be corrected").isEqualTo("19811218-9877");
            browser.find(By.id("personnummer")).clear();
            browser.find(By.id("personnummer")).sendKeys("19811218-9876");
            browser.driver.findElement(By.id("lookup")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).startsWith("Ny klient registrerad");
            assertThat(browser.driver.getPageSource()).doesNotContain("9876", "811218");

            browser.find(By.cssSelector("details summary")).click();
            new Select(browser.find(By.id("level-d5"))).selectByValue("3");
            new Select(browser.driver.findElement(By.id("level-security"))).selectByValue("2");
            browser.driver.findElement(By.id("goal-d5")).sendKeys("Klara morgonrutinen själv");
            browser.driver.findElement(By.id("save-needs")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Behovsbedömningen är sparad.");
            assertThat(browser.find(By.id("needs-table")).getText()).contains("Personlig vård", "3");

            new Select(browser.find(By.id("intervention-code"))).selectByValue("MI");
            setDate(browser, "intervention-start", LocalDate.now().minusMonths(7));
            browser.driver.findElement(By.id("add-intervention")).click();
            assertThat(browser.find(By.id("interventions-table")).getText()).contains("Motiverande samtal");

            new Select(browser.find(By.id("episode-area"))).selectByValue("substance-use");
            setDate(browser, "episode-start", LocalDate.now().minusMonths(7));
            browser.driver.findElement(By.id("add-episode")).click();
            assertThat(browser.find(By.id("history-heading")).getText()).isEqualTo("Ändringshistorik");
            setDate(browser, browser.find(By.cssSelector("#episodes-table input[name=endDate]")).getAttribute("id"),
                    LocalDate.now().minusDays(1));
            browser.find(By.cssSelector("#episodes-table button[id^=end-episode-]")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Insatsperioden är avslutad.");
            assertThat(browser.find(By.id("history-table")).getText())
                    .contains("demo-caseworker", "Slutdatum", LocalDate.now().minusDays(1).toString(), "Klientsidan");

            // An untouched WHO-5 form has no answers: saving it is refused with every item named.
            assertThat(new Select(browser.find(By.id("who5-item-1"))).getFirstSelectedOption().getText())
                    .isEqualTo("– välj –");
            browser.find(By.id("save-who5")).click();
            assertThat(browser.find(By.id("who5-error")).getText())
                    .startsWith("Obesvarade frågor: 1, 2, 3, 4, 5.");
            measure(browser, LocalDate.now().minusMonths(7), "baseline", new int[] {2, 2, 1, 2, 1});
            measure(browser, LocalDate.now().minusDays(3), "followup-6m", new int[] {4, 3, 4, 3, 3});
            assertThat(browser.find(By.id("measurements-table")).getText())
                    .contains("WHO-5 välbefinnandeindex", "32,0", "68,0").doesNotContain("who5");
            browser.check("21-client");
            String clientPage = browser.driver.getCurrentUrl();

            browser.go("/followup/reports");
            assertThat(browser.heading()).isEqualTo("Utfall per insats");
            String table = browser.find(By.id("outcome-table")).getText();
            assertThat(table).contains("Motiverande samtal (MI)", "32,0", "68,0", "36,0", "100,0 %");
            browser.wait.until(d -> d.findElements(By.cssSelector("#distribution-chart")).size() == 1);
            browser.check("22-unit-report");

            // The follow-up score was entered wrongly (68 instead of 72): corrected on the client page, with
            // the earlier value kept in the history beside the episode's end, and the report follows.
            browser.driver.get(clientPage);
            WebElement followUp = browser.find(By.cssSelector("#measurements-table tbody tr:nth-child(2)"));
            String measurement = followUp.getAttribute("id").substring("measurement-".length());
            followUp.findElement(By.cssSelector("details summary")).click();
            WebElement score = browser.find(By.id("measurement-fix-score-" + measurement));
            assertThat(score.getAttribute("value")).isEqualTo("68,0");
            score.clear();
            score.sendKeys("72");
            browser.driver.findElement(By.id("correct-measurement-" + measurement)).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText())
                    .isEqualTo("Poängen är rättad. Det tidigare värdet finns i ändringshistoriken.");
            assertThat(browser.find(By.id("measurement-" + measurement)).getText()).contains("72,0");
            String followUpLabel = "WHO-5 välbefinnandeindex, uppföljning 6 månader " + LocalDate.now().minusDays(3);
            assertThat(browser.find(By.id("history-table")).findElements(By.cssSelector("tbody tr")).stream()
                    .map(row -> String.join(" | ", row.findElements(By.tagName("td")).stream().skip(1)
                            .map(WebElement::getText).toList()))
                    .toList())
                    .containsExactly(
                            "demo-caseworker | " + followUpLabel + " | Poäng | 68 | 72 | Klientsidan | ",
                            "demo-caseworker | " + followUpLabel + " | Svar per fråga | 4,3,4,3,3 |  | Klientsidan | ",
                            "demo-caseworker | Insatsperiod: Missbruk och beroende, från " + LocalDate.now().minusMonths(7)
                                    + " | Slutdatum |  | " + LocalDate.now().minusDays(1) + " | Klientsidan | ");
            browser.check("26-client-corrected");

            browser.go("/followup/reports");
            assertThat(browser.find(By.id("outcome-table")).getText())
                    .contains("Motiverande samtal (MI)", "32,0", "72,0", "40,0", "100,0 %");

            // On a phone (390 px) the outcome table scrolls inside its box, but its caption wraps at the box's
            // width and is read without scrolling.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.go("/followup/reports");
            JavascriptExecutor page = (JavascriptExecutor) browser.driver;
            assertThat(((Number) page.executeScript("const c = document.querySelector('#outcome-table caption');"
                    + " const box = c.closest('.table-scroll');"
                    + " return c.getBoundingClientRect().width - box.clientWidth;")).doubleValue()).isLessThanOrEqualTo(0.5);
            assertThat(((Number) page.executeScript("const c = document.querySelector('#outcome-table caption');"
                    + " return c.getBoundingClientRect().height;")).doubleValue())
                    .as("the caption wraps onto more than one line").isGreaterThan(50);
            browser.screenshot("26b-report-phone");

            // On a phone (390 px) the client page's tables become one card per row: neither the page nor
            // any table scrolls sideways, and each cell still reads the same.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.driver.get(clientPage);
            assertThat(browser.find(By.id("measurement-" + measurement)).getText()).contains("72,0");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            browser.screenshot("27-client-phone");
            // (column heads are hidden visually on a phone, so they are not counted)
            assertThat(js.executeScript("return [...document.querySelectorAll('main *')].filter(e => e.offsetParent !== null"
                    + " && !e.closest('thead')"
                    + " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
                    + ".map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className);")).asList().isEmpty();
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                    .longValue()).isLessThanOrEqualTo(0);
            assertThat(((Number) js.executeScript("return [...document.querySelectorAll('.table-scroll')]"
                    + ".filter(e => e.scrollWidth > e.clientWidth).length;")).longValue()).isZero();
            assertThat(browser.find(By.cssSelector("#episodes-table tbody td")).getCssValue("display")).isEqualTo("block");
            browser.check("27-client-phone");
            js.executeScript("document.getElementById('interventions-table').scrollIntoView();");
            browser.screenshot("28-client-phone-tables");
            js.executeScript("document.getElementById('history-table').scrollIntoView();");
            browser.screenshot("29-client-phone-history");
        }
    }

    @Test
    void aNationalAnalystSeesSuppressedAggregatesAndNoClients() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-national", "demo");
            browser.go("/followup/reports");
            assertThat(browser.find(By.cssSelector(".note")).getText()).contains("färre än 5");
            browser.check("23-national-report");
            browser.go("/followup/clients/1");
            assertThat(browser.heading()).isEqualTo("Något gick fel (403)");
            browser.go("/followup/import");
            browser.check("24-import");
            browser.go("/followup/catalogue");
            assertThat(browser.find(By.id("instrument-catalogue")).getText()).contains("who5", "severity");
            browser.check("25-catalogue");
        }
    }

    /** Fills the WHO-5 form, choosing an answer for every item (none is chosen to begin with), and saves it. */
    private static void measure(Browser browser, LocalDate date, String timePoint, int[] answers) {
        WebElement form = browser.find(By.id("measure-who5"));
        setDate(browser, "who5-date", date);
        new Select(form.findElement(By.id("who5-point"))).selectByValue(timePoint);
        for (int i = 0; i < answers.length; i++) {
            new Select(form.findElement(By.id("who5-item-" + (i + 1)))).selectByValue(String.valueOf(answers[i]));
        }
        form.findElement(By.id("save-who5")).click();
        assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Mätningen är sparad.");
    }

    private static void setDate(Browser browser, String id, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }
}
