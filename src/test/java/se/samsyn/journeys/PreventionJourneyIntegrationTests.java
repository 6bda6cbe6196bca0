package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
 * A unit manager creates a preventive home-visit activity for people aged 80 or more, enters three
 * months of reach and sees the activity's reach per 1,000 of Malmö's population aged 80+, then the
 * reach indicator in open comparisons for Malmö against its kommungrupp (Storstäder), whose only
 * reporting member is Malmö; the activity page is usable at phone width; a director sees the
 * balance page. axe on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data",
                "samsyn.kolada.load-sample=false", "samsyn.comparison.refresh-delay=1s"})
class PreventionJourneyIntegrationTests {

    /** Malmö's population aged 80 or more on 31 Dec 2022 (SCB via Kolada): women 8,916, men 5,615. */
    static final int MALMO_80_PLUS = 14_531;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "prevention-journey");
    }

    @LocalServerPort
    int port;

    @Test
    void aManagerRecordsThreeMonthsOfHomeVisitsAndComparesMalmoWithItsKommungrupp() throws InterruptedException {
        YearMonth now = YearMonth.now();
        List<YearMonth> months = List.of(now.minusMonths(2), now.minusMonths(1), now);
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-manager", "demo");
            int before = malmoN(browser, now.getYear());

            browser.go("/");
            browser.find(By.linkText("Förebyggande arbete")).click();
            assertThat(browser.heading()).isEqualTo("Förebyggande arbete");
            browser.check("70-prevention-start");
            browser.find(By.id("new-activity-link")).click();
            assertThat(browser.heading()).isEqualTo("Ny förebyggande aktivitet");
            new Select(browser.find(By.id("kindCode"))).selectByValue("preventive-home-visit");
            browser.driver.findElement(By.id("title")).sendKeys("Hembesök 80+ Rosengård");
            browser.driver.findElement(By.id("district")).sendKeys("Rosengård");
            browser.driver.findElement(By.id("band-5")).click();
            setValue(browser, "startsOn", months.get(0).atDay(1).toString());
            new Select(browser.driver.findElement(By.id("instrumentCode"))).selectByValue("who-5");
            browser.check("71-prevention-new");
            browser.driver.findElement(By.id("create-activity")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText())
                    .isEqualTo("Aktiviteten Hembesök 80+ Rosengård är skapad.");
            assertThat(browser.heading()).isEqualTo("Hembesök 80+ Rosengård");
            assertThat(browser.find(By.id("target-group")).getText()).isEqualTo("kvinnor och män, 80+ år");

            int added = 0;
            for (int i = 0; i < months.size(); i++) {
                YearMonth m = months.get(i);
                setValue(browser, "month", m.toString());
                browser.find(By.id("p_K_5")).sendKeys(String.valueOf(10 + i));
                browser.driver.findElement(By.id("c_K_5")).sendKeys(String.valueOf(14 + i));
                browser.driver.findElement(By.id("p_M_5")).sendKeys("5");
                browser.driver.findElement(By.id("c_M_5")).sendKeys("6");
                browser.driver.findElement(By.id("save-reach")).click();
                assertThat(browser.find(By.cssSelector(".flash.ok")).getText())
                        .isEqualTo("Räckvidden för " + m + " är sparad.");
                if (m.getYear() == now.getYear()) {
                    added += 15 + i;
                }
            }
            assertThat(browser.find(By.id("reach-months")).getText())
                    .contains(months.get(0) + " 15 20", months.get(1) + " 16 21", months.get(2) + " 17 22");
            WebElement year = browser.find(By.id("reach-year-" + now.getYear()));
            assertThat(year.getText()).contains(String.valueOf(added), "14 531 (2022)",
                    String.format(java.util.Locale.ROOT, "%.1f", added * 1000.0 / MALMO_80_PLUS).replace('.', ','));
            browser.check("72-prevention-activity");

            // open comparisons refresh shortly after the change (refresh delay 1 s in this test)
            int expected = before + added;
            int n = before;
            for (int tries = 0; tries < 60 && n != expected; tries++) {
                Thread.sleep(500);
                n = malmoN(browser, now.getYear());
            }
            assertThat(n).as("Malmö's persons reached by home visits in " + now.getYear()).isEqualTo(expected);
            String malmo = browser.find(By.xpath("//table[@id='indicator-table']//tr[td/a[text()='Malmö']]/td[2]")).getText();
            double value = expected * 1000.0 / MALMO_80_PLUS;
            assertThat(malmo).as("two decimals under 10, one from 10 on").isEqualTo(String.format(java.util.Locale.ROOT,
                    value < 10 ? "%.2f" : "%.1f", value).replace('.', ','));
            WebElement group = browser.find(By.xpath("//table[@id='group-table']//tr[td[contains(text(), 'Storstäder')]]"));
            assertThat(group.findElements(By.tagName("td")).get(1).getText()).as("the group is Malmö alone").isEqualTo(malmo);
            assertThat(group.findElements(By.tagName("td")).get(3).getText()).isEqualTo("1");
            assertThat(browser.find(By.cssSelector("p.source")).getText())
                    .startsWith("Källa: förebyggande aktiviteters räckvidd och anonyma enkäter i Samsyn");
            browser.check("73-prevention-indicator");

            // the same figures in the export and the Kolada-compatible API
            JavascriptExecutor get = (JavascriptExecutor) browser.driver;
            String csv = (String) get.executeScript("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false);"
                    + " x.send(); return x.responseText;", "/comparisons/indicators/P00001.csv?year=" + now.getYear());
            assertThat(csv).contains("Malmö").contains(String.valueOf(expected));
            String kolada = (String) get.executeScript("var x = new XMLHttpRequest(); x.open('GET', arguments[0], false);"
                    + " x.send(); return x.responseText;", "/api/kolada/v2/data/kpi/P00001/municipality/1280/year/" + now.getYear());
            assertThat(kolada).contains("\"kpi\":\"P00001\"", "\"municipality\":\"1280\"");

            // on a phone (390 px) the activity page does not scroll sideways and its forms are reachable
            browser.go("/prevention");
            browser.find(By.xpath("//a[text()='Hembesök 80+ Rosengård']")).click();
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.driver.navigate().refresh();
            assertThat(browser.find(By.id("save-reach")).isDisplayed()).isTrue();
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;"))
                    .longValue()).isLessThanOrEqualTo(0);
            browser.check("74-prevention-activity-phone");
        }
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-director", "demo");
            browser.go("/prevention");
            browser.find(By.id("balance-link")).click();
            assertThat(browser.heading()).isEqualTo("Individuellt och förebyggande arbete i Malmö");
            assertThat(browser.find(By.id("area-elderly-care")).getText()).contains("Äldreomsorg");
            browser.check("75-prevention-balance");
            assertThat(browser.driver.findElements(By.id("save-reach"))).isEmpty();
        }
    }

    /** Malmö's n on the reach indicator's page for the year, 0 when Malmö has no row. */
    private static int malmoN(Browser browser, int year) {
        browser.go("/comparisons/indicators/P00001?year=" + year);
        List<WebElement> cells = browser.driver.findElements(
                By.xpath("//table[@id='indicator-table']//tr[td/a[text()='Malmö']]/td[3]"));
        return cells.isEmpty() ? 0 : Integer.parseInt(cells.get(0).getText().replace("\u00a0", "").replace(" ", ""));
    }

    private static void setValue(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
