package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;
import se.samsyn.shared.Actor;
import se.samsyn.shared.Role;
import se.samsyn.shared.Scope;
import se.samsyn.trials.Rating;
import se.samsyn.trials.Trial;
import se.samsyn.trials.TrialBurden;
import se.samsyn.trials.Trials;

/**
 * A regional analyst sets up a trial of WHO-5 in Malmö and Lund with a comparison unit and starts
 * it; case workers record minutes and ratings (a few on the page, the earlier weeks as a
 * case-management system would send them); the run chart shows a signal explained in Swedish; the
 * trial ends with a decision that appears in the printable report and on the guide entry, reached
 * from the report by the entry's title (chosen by title in the plan form). axe on
 * every page, and the trial page at 390 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
                "samsyn.kolada.load-sample=false"})
class TrialsJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "trials-journey");
    }

    @LocalServerPort
    int port;
    @Autowired
    Trials trials;
    @Autowired
    TrialBurden burden;

    @Test
    void aRegionalTrialEndsWithADecisionOnTheGuideEntry() {
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate start = monday.minusWeeks(13);
        long id;
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-regional", "demo");
            browser.find(By.linkText("Verktygsprövningar")).click();
            assertThat(browser.heading()).isEqualTo("Verktygsprövningar");
            assertThat(browser.find(By.id("finished-trials")).getText()).contains("WHO-5 i barnavårdsutredningar i Skåne", "Införs");
            browser.check("70-trials-list");
            browser.find(By.id("new-trial")).click();
            assertThat(browser.heading()).isEqualTo("Ny prövning av ett stödverktyg");
            browser.find(By.id("title")).sendKeys("WHO-5 i två kommuner");
            browser.driver.findElement(By.id("question")).sendKeys("Tar WHO-5 mindre tid när vi vant oss?");
            browser.driver.findElement(By.id("toolName")).sendKeys("WHO-5");
            new Select(browser.driver.findElement(By.id("instrumentCode"))).selectByValue("who5");
            new Select(browser.driver.findElement(By.id("guideEntry"))).selectByVisibleText("WHO-5 välbefinnandeindex");
            setDate(browser, "baselineStart", start.minusWeeks(2));
            setDate(browser, "start", start);
            setDate(browser, "end", monday.plusWeeks(4));
            for (String unit : List.of("1280-IFO-BU", "1281-IFO")) {
                browser.driver.findElement(By.cssSelector("input[name=trialUnits][value='" + unit + "']")).click();
            }
            browser.driver.findElement(By.cssSelector("input[name=comparisonUnits][value='1280-IFO-VUX']")).click();
            for (String measure : List.of("minutes", "workload", "helped", "measurements")) {
                browser.driver.findElement(By.cssSelector("input[name=measures][value='" + measure + "']")).click();
            }
            browser.check("71-trials-form");
            browser.driver.findElement(By.id("save-plan")).click();
            assertThat(browser.heading()).isEqualTo("WHO-5 i två kommuner");
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("Planerad");
            assertThat(browser.find(By.id("comparison-units")).getText()).isEqualTo("Malmö Vuxenenheten");
            assertThat(browser.find(By.id("guide-link")).getText()).as("the entry by its title").isEqualTo("WHO-5 välbefinnandeindex");
            browser.driver.findElement(By.id("start-trial")).click();
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Pågår"));
            assertThat(browser.find(By.cssSelector(".flash-area .flash.ok")).getText())
                    .isEqualTo("Prövningen har startat. Planen är nu låst.");
            id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/trials/(\\d+).*", "$1"));
        }

        // the earlier weeks, as a case-management system sends them: 14 to 20 minutes for seven weeks, then 5 to 7
        Actor malmo = new Actor("journal-malmo", Role.CASE_WORKER, Scope.unit("1280-IFO-BU"));
        Actor lund = new Actor("journal-lund", Role.CASE_WORKER, Scope.unit("1281-IFO"));
        for (int week = 0; week < 13; week++) {
            for (int use = 0; use < 5; use++) {
                burden.recordUse(malmo, id, start.plusWeeks(week).plusDays(use % 4), (week < 7 ? 14 + week : 5 + week % 3)
                        + use % 2, "api");
            }
            burden.recordUse(lund, id, start.plusWeeks(week), 9, "api");
        }
        for (int answer = 0; answer < 4; answer++) {
            burden.rate(malmo, id, null, new Rating(40, 10, 40, 20, 40, 20, true));
            burden.rate(lund, id, null, new Rating(40, 10, 40, 20, 40, 20, true));
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("demo-caseworker", "demo");
            browser.go("/trials");
            browser.find(By.id("recordable")).findElement(By.linkText("WHO-5 i två kommuner")).click();
            assertThat(browser.heading()).isEqualTo("Registrera tid och skattning");
            browser.check("72-trials-record");
            browser.find(By.id("minutes")).sendKeys("6");
            browser.driver.findElement(By.id("save-use")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Minuterna är sparade. Tack!");
            browser.driver.findElement(By.cssSelector("input[name=helped][value=yes]")).click();
            browser.driver.findElement(By.id("save-rating")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Skattningen är sparad, anonymt. Tack!");
        }

        try (Browser browser = Browser.open(port)) {
            browser.login("demo-regional", "demo");
            browser.go("/trials/" + id);
            assertThat(browser.find(By.cssSelector("#measure-minutes .signal-text.crossings")).getText())
                    .startsWith("Tecken på förändring: kurvan korsar medianen bara 1 gånger");
            assertThat(browser.driver.findElements(By.cssSelector("#measure-minutes svg circle")).size()).isGreaterThan(10);
            assertThat(browser.find(By.id("summary-table")).getText()).contains("Malmö Barn och unga, utredning");
            assertThat(browser.find(By.cssSelector("#measure-workload")).getText())
                    .as("Lund's four answers stay hidden").contains("1 perioder är dolda här");
            browser.check("73-trials-run-chart");
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.go("/trials/" + id);
            Number overflow = (Number) ((JavascriptExecutor) browser.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("no sideways scrolling at 390 px").isLessThanOrEqualTo(0);
            browser.check("74-trials-run-chart-phone");
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
            browser.go("/trials/" + id);
            browser.find(By.cssSelector("input[name=decision][value=roll-out]")).click();
            browser.driver.findElement(By.id("rationale-field")).sendKeys("Tiden per användning halverades.");
            browser.driver.findElement(By.id("decide")).click();
            assertThat(browser.heading()).isEqualTo("Rapport: WHO-5 i två kommuner");
            assertThat(browser.find(By.id("decision-value")).getText()).isEqualTo("Införs");
            assertThat(browser.find(By.id("rationale")).getText()).isEqualTo("Tiden per användning halverades.");
            browser.check("75-trials-report");
            browser.find(By.id("guide-link")).click();
            assertThat(browser.driver.getCurrentUrl()).endsWith("/guide/entries/who-5");
            assertThat(browser.find(By.id("trials-panel")).getText()).contains("Prövningar av verktyget",
                    "WHO-5 i två kommuner", "Införs", "Malmö Barn och unga, utredning, Lund Individ- och familjeomsorg");
            browser.check("76-trials-guide-entry");
            browser.go("/trials/improvement?scope=1280-IFO-BU&instrument=who5&measure=measurements&period=month");
            assertThat(browser.heading()).isEqualTo("Förbättringsarbete");
            browser.check("77-trials-improvement");
        }
        Trial ended = trials.trial(id);
        assertThat(ended.decision()).isNotNull();
        assertThat(ended.plan().comparisonUnits()).hasSize(1);
    }

    private static void setDate(Browser browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
    }
}
