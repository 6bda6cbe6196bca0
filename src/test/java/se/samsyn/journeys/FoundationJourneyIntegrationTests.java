package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/** The foundation as a person uses it, in a real browser, with axe on every page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "samsyn.demo=true")
class FoundationJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "journey");
    }

    @LocalServerPort
    int port;

    @Test
    void aCaseWorkerLogsInLooksAtMalmoAndTheMapSwitchesLanguageAndLogsOut() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            assertThat(browser.heading()).isEqualTo("En samlad bild av socialtjänsten");
            browser.check("01-start");

            browser.find(By.id("login-link")).click();
            assertThat(browser.heading()).isEqualTo("Logga in");
            browser.check("02-login");
            browser.login("demo-caseworker", "demo");
            assertThat(browser.find(By.cssSelector(".who")).getText()).contains("demo-caseworker", "Handläggare");

            browser.go("/municipalities");
            browser.find(By.id("q")).sendKeys("Malm");
            browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#municipality-table tbody tr"), 1));
            browser.check("03-municipalities-filtered");
            browser.find(By.linkText("Malmö")).click();
            assertThat(browser.heading()).isEqualTo("Malmö kommun");
            assertThat(browser.find(By.cssSelector(".units")).getText()).contains("1280-IFO-BU", "Barn och unga");
            assertThat(browser.find(By.id("pyramid-table")).getText()).contains("80+", "14 531");
            browser.check("04-malmo");

            browser.find(By.linkText("Karta")).click();
            browser.wait.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive")).size() == 290);
            assertThat(browser.find(By.id("map-legend")).getText()).contains("Folkmängd");
            browser.check("05-map");

            // On a phone the header is one row: the brand and a menu button that opens the menu and that
            // Escape closes again, giving the focus back to the button.
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            WebElement menu = browser.find(By.id("menu-button"));
            assertThat(menu.getText()).isEqualTo("Meny");
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(browser.driver.findElement(By.id("site-nav")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.id("logout")).isDisplayed()).isFalse();
            assertThat(browser.driver.findElement(By.cssSelector(".site-header")).getSize().getHeight()).isLessThan(844 / 8);
            menu.sendKeys(Keys.ENTER);
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("true");
            assertThat(browser.find(By.id("site-nav")).findElement(By.linkText("Kommuner")).isDisplayed()).isTrue();
            browser.screenshot("05b-menu-open-390");
            browser.driver.findElement(By.linkText("Kommuner")).sendKeys(Keys.ESCAPE);
            assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("menu-button");
            assertThat(browser.driver.findElement(By.id("site-nav")).isDisplayed()).isFalse();
            browser.driver.manage().window().setSize(new Dimension(1280, 1000));
            assertThat(browser.find(By.id("site-nav")).isDisplayed()).isTrue();
            assertThat(menu.isDisplayed()).isFalse();

            browser.find(By.linkText("English")).click();
            assertThat(browser.heading()).isEqualTo("The municipalities of Sweden on a map");
            browser.wait.until(d -> d.findElements(By.cssSelector("path.leaflet-interactive")).size() == 290);
            browser.check("06-map-english");

            browser.find(By.id("logout")).click();
            assertThat(browser.find(By.cssSelector("main .flash")).getText()).isEqualTo("You are now logged out.");
            assertThat(browser.driver.findElements(By.id("logout"))).isEmpty();
            browser.check("07-logged-out");
        }
    }

    @Test
    void anAdministratorUsesEveryAdministrationPage() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-admin", "demo");

            browser.go("/admin/users");
            browser.find(By.id("username")).sendKeys("lena.lund");
            browser.driver.findElement(By.id("password")).sendKeys("ett-langt-losenord");
            browser.driver.findElement(By.cssSelector("#role option[value='case-worker']")).click();
            browser.driver.findElement(By.cssSelector("#scopeCode option[value='1281-IFO']")).click();
            browser.driver.findElement(By.id("create-user")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Kontot lena.lund är skapat.");
            browser.check("10-users");

            browser.go("/admin/units");
            browser.driver.findElement(By.cssSelector("#municipalityCode option[value='2584']")).click();
            browser.find(By.id("code")).sendKeys("2584-ALD");
            browser.driver.findElement(By.id("name")).sendKeys("Kiruna Äldreomsorg");
            browser.driver.findElement(By.cssSelector("input[name='focusAreas'][value='elderly-care']")).click();
            browser.driver.findElement(By.id("create-unit")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Enheten 2584-ALD är registrerad.");
            browser.check("11-units");

            browser.go("/admin/reference-data");
            browser.find(By.id("file-counties")).sendKeys(
                    java.nio.file.Path.of("src", "main", "resources", "reference-data", "counties.csv").toAbsolutePath().normalize().toString());
            browser.driver.findElement(By.id("upload")).click();
            assertThat(browser.find(By.cssSelector("#load-result .flash")).getText())
                    .isEqualTo("Provkörningen gick bra: filerna kan sparas.");
            browser.check("12-reference-data");

            browser.go("/account/tokens");
            browser.find(By.id("token-name")).sendKeys("Verksamhetssystem");
            browser.driver.findElement(By.id("create-token")).click();
            assertThat(browser.find(By.id("secret")).getAttribute("value")).startsWith("smsn_");
            browser.check("13-tokens");

            browser.go("/admin/audit");
            browser.find(By.id("verify")).click();
            assertThat(browser.find(By.id("verification")).getText()).startsWith("Loggen är obruten");
            assertThat(browser.find(By.id("audit-table")).getText()).contains("Användare skapad", "Enhet skapad", "API-nyckel skapad",
                    "Roll: Handläggare", "Fokusområden: Äldreomsorg").doesNotContain("LOGOUT", "CASE_WORKER");
            browser.check("14-audit");

            browser.go("/municipalities/9999");
            assertThat(browser.heading()).isEqualTo("Något gick fel (404)");
            browser.check("15-not-found");
        }
    }
}
