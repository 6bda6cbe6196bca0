package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * Issue 17 point 2, pickers instead of typed codes: the pages whose place fields became pickers,
 * opened by the Malmö administrator, Malmö's social director and the national administrator, each
 * checked at 1280 and 390 px (axe without serious or critical violations, no page wider than the
 * viewport); and the guide's search results above its facets on a phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
class PickersJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "pickers-journey");
    }

    @LocalServerPort
    int port;

    @Test
    void theMalmoAdministratorChoosesAScopeByName() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-malmo-admin", "demo");
            browser.go("/admin/users");
            Select scope = new Select(browser.find(By.id("scopeCode")));
            assertThat(scope.getFirstSelectedOption().getText()).isEqualTo("Malmö");
            browser.check("90-pickers-users");

            browser.find(By.id("username")).sendKeys("malmo-chef");
            browser.driver.findElement(By.id("password")).sendKeys("ett långt lösenord");
            new Select(browser.driver.findElement(By.id("role"))).selectByValue("social-director");
            scope.selectByVisibleText("Malmö");
            browser.driver.findElement(By.id("create-user")).click();
            assertThat(browser.find(By.cssSelector("p.flash")).getText()).contains("malmo-chef");
            assertThat(browser.find(By.xpath("//tr[td/a[text()='malmo-chef']]/td[3]")).getText()).isEqualTo("Kommun Malmö");

            browser.go("/admin/units");
            assertThat(new Select(browser.find(By.id("municipalityCode"))).getFirstSelectedOption().getText())
                    .isEqualTo("Malmö");
            browser.check("91-pickers-units");
        }
    }

    @Test
    void malmosDirectorFindsMalmoPreselectedEverywhere() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-director", "demo");
            browser.go("/comparisons");
            assertThat(new Select(browser.find(By.id("profile-municipality"))).getFirstSelectedOption().getText())
                    .isEqualTo("Malmö");
            browser.check("92-pickers-comparisons");

            browser.go("/priorities/processes/new");
            assertThat(new Select(browser.find(By.id("scopeCode"))).getFirstSelectedOption().getText()).isEqualTo("Malmö");
            browser.check("93-pickers-process");

            browser.go("/followup/reports");
            assertThat(new Select(browser.find(By.id("code"))).getFirstSelectedOption().getText()).isEqualTo("Malmö");
            browser.check("94-pickers-reports");

            browser.go("/trials/improvement");
            assertThat(new Select(browser.find(By.id("scope"))).getFirstSelectedOption().getText()).isEqualTo("Malmö");
            browser.check("95-pickers-improvement");

            browser.go("/trials/improvement/indicator");
            assertThat(new Select(browser.find(By.id("municipality"))).getFirstSelectedOption().getText()).isEqualTo("Malmö");
            browser.check("96-pickers-indicator");
        }
    }

    @Test
    void theAdministratorFiltersTheAuditByActionName() {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-admin", "demo");
            browser.go("/admin/audit");
            Select action = new Select(browser.find(By.id("action")));
            assertThat(action.getOptions()).allSatisfy(o -> assertThat(o.getText()).doesNotMatch("[A-Z_]+"));
            browser.check("97-pickers-audit");
            browser.go("/admin/users");
            assertThat(browser.driver.findElements(By.cssSelector("#scopeCode optgroup"))).hasSizeGreaterThan(21);
            browser.check("98-pickers-users-national");
        }
    }

    @Test
    void theGuideShowsResultsBeforeFacetsOnAPhone() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/guide?q=missbruk");
            browser.check("99-guide-results-first");
            assertThat(browser.find(By.cssSelector(".facets")).getLocation().getX())
                    .as("on a wide screen the facets stand left of the results")
                    .isLessThan(browser.find(By.cssSelector(".results")).getLocation().getX());
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            int results = browser.find(By.id("hits")).getLocation().getY();
            int facets = browser.driver.findElement(By.cssSelector(".facets")).getLocation().getY();
            assertThat(results).as("the results come before the facets at phone width").isLessThan(facets);
        }
    }
}
