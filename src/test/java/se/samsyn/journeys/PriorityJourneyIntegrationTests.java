package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A national group runs a social-services process from draft to a published list, the public reads
 * it without signing in, and a municipality runs a resource scenario on it; axe on every page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.demo-followup=false", "samsyn.data-dir=target/test-data"})
class PriorityJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "priority-journey");
    }

    @LocalServerPort
    int port;

    /** The title of a guideline in the knowledge guide's starting set. */
    static final String VIOLENCE_HANDBOOK =
            "Våld – handbok om socialtjänstens och hälso- och sjukvårdens arbete med våld i nära relationer";

    @Test
    void aNationalGroupPublishesAListThePublicReadsItAndAMunicipalityRunsAScenario() {
        long listId;
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-national", "demo");
            submit(browser, By.linkText("Prioriteringar"));
            assertThat(browser.heading()).isEqualTo("Öppna prioriteringar");
            assertThat(browser.find(By.cssSelector(".cards")).getText()).contains("Missbruk och hemlöshet (demo)");
            browser.check("40-priorities");

            submit(browser, By.id("new-process"));
            browser.find(By.id("name")).sendKeys("Våld i nära relationer 2026");
            browser.driver.findElement(By.cssSelector("input[name=focusAreas][value=violence]")).click();
            browser.driver.findElement(By.id("purpose")).sendKeys("Rangordna stödet till våldsutsatta vuxna");
            browser.driver.findElement(By.id("members")).sendKeys("Socialchefer, forskare, brukarföreträdare");
            assertThat(browser.driver.findElement(By.id("mode-social-services")).isSelected()).isTrue();
            browser.check("41-new-process");
            submit(browser, By.id("save-process"));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Processen är skapad som utkast.");
            assertThat(browser.find(By.id("process-mode")).getText()).isEqualTo("Socialtjänst");
            String processUrl = browser.driver.getCurrentUrl();

            addPair(browser, "Våldsutsatthet", "Vuxna kvinnor", "STODSAMT", null, "stor", "hog", "lag", null);
            new Select(browser.find(By.id("guidelineEntry"))).selectByVisibleText(VIOLENCE_HANDBOOK);
            browser.check("42-pair-form");
            submit(browser, By.id("save-pair"));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Paret är tillagt.");
            addPair(browser, "Akut hotbild", "Vuxna och medföljande barn", "SKYDD", null, "mycket-stor", "mycket-hog",
                    "mattlig", "SoL 5 kap. 11 §");
            submit(browser, By.id("save-pair"));
            addPair(browser, "Våldsutövande", "Vuxna män", null, "Gruppbehandling för våldsutövare", "liten", "mattlig",
                    "saknas", null);
            submit(browser, By.id("save-pair"));

            String pairs = browser.find(By.id("pair-table")).getText();
            assertThat(pairs).contains("nytta stor → nivå 3; kostnad hög → sänkt till 5; evidens låg → sänkt till 6",
                    "nytta mycket stor → nivå 1; kostnad mycket hög → sänkt till 5", "evidens saknas → FoU");
            browser.check("43-process-proposals");

            // decide: the first differently from the proposal, which needs a rationale
            submit(browser, By.linkText("Våldsutsatthet"));
            assertThat(browser.find(By.id("reasons")).getText())
                    .isEqualTo("nytta stor → nivå 3; kostnad hög → sänkt till 5; evidens låg → sänkt till 6");
            assertThat(browser.find(By.cssSelector(".ethics")).getText()).contains("Människovärdesprincipen",
                    "Ålder, livsstil eller social ställning");
            new Select(browser.find(By.id("decision-select"))).selectByValue("4");
            submit(browser, By.id("save-decision"));
            assertThat(browser.find(By.cssSelector(".flash.error")).getText())
                    .isEqualTo("Beslutet avviker från regelns förslag. Skriv en motivering.");
            browser.check("44-pair-decide");
            new Select(browser.find(By.id("decision-select"))).selectByValue("4");
            browser.driver.findElement(By.id("rationale")).sendKeys("Stödet når en grupp som har svårt att göra sin röst hörd.");
            submit(browser, By.id("save-decision"));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Beslutet är sparat.");
            decideAsProposed(browser, "Akut hotbild");
            assertThat(browser.driver.findElements(By.cssSelector("#decision-select option[value=icke-gora][disabled]")))
                    .isNotEmpty();
            browser.driver.get(processUrl);
            decideAsProposed(browser, "Våldsutövande");
            browser.driver.get(processUrl);

            submit(browser, By.id("to-consultation"));
            assertThat(browser.find(By.cssSelector(".lifecycle .current")).getText()).isEqualTo("På remiss");
            publish(browser);
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Listan är publicerad.");
            browser.check("45-published-process");
            // a second version: the group changes one decision, and the diff shows it
            submit(browser, By.id("new-version"));
            assertThat(browser.find(By.cssSelector(".lifecycle .current")).getText()).isEqualTo("Utkast");
            submit(browser, By.linkText("Våldsutsatthet"));
            new Select(browser.find(By.id("decision-select"))).selectByValue("6");
            browser.driver.findElement(By.id("rationale")).clear();
            submit(browser, By.id("save-decision"));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Beslutet är sparat.");
            submit(browser, By.id("to-consultation"));
            publish(browser);
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Listan är publicerad.");
            submit(browser, By.linkText("Vad ändrades?"));
            assertThat(browser.heading()).isEqualTo("Ändringar från version 1 till version 2");
            assertThat(browser.find(By.cssSelector(".diff-changed")).getText())
                    .contains("Våldsutsatthet", "Rekommendation", "nivå 4", "nivå 6");
            browser.check("46a-diff");
            browser.driver.get(processUrl);
            submit(browser, By.id("public-list"));
            listId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/lists/(\\d+).*", "$1"));
            submit(browser, By.id("logout"));

            // anonymously
            browser.go("/priorities/lists/" + listId);
            assertThat(browser.heading()).isEqualTo("Våld i nära relationer 2026");
            assertThat(browser.find(By.id("list-version")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("band-kan")).getText()).startsWith("Kan erbjudas (nivå 4–7) (2)");
            assertThat(browser.find(By.cssSelector(".band-fou")).getText()).contains("Gruppbehandling för våldsutövare");
            assertThat(browser.find(By.cssSelector(".band-kan")).getText())
                    .contains("nytta stor → nivå 3; kostnad hög → sänkt till 5; evidens låg → sänkt till 6", "SoL 5 kap. 11 §");
            assertThat(browser.find(By.cssSelector(".band-kan a.guideline-entry")).getText()).isEqualTo(VIOLENCE_HANDBOOK);
            assertThat(browser.find(By.cssSelector(".band-kan a.guideline-entry")).getAttribute("href"))
                    .endsWith("/guide/entries/handbok-vald-i-nara-relationer");
            browser.go("/priorities/lists/" + listId + "?version=1");
            assertThat(browser.find(By.cssSelector(".band-kan")).getText())
                    .contains("Stödet når en grupp som har svårt att göra sin röst hörd.");
            browser.check("46-public-list");
            browser.go("/priorities/lists/" + listId + "/print");
            assertThat(browser.heading()).isEqualTo("Våld i nära relationer 2026");
            browser.check("47-print");
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("media", "print"));
            assertThat(browser.driver.findElement(By.id("print-button")).isDisplayed()).isFalse();
            browser.screenshot("47b-print-media");
            ((org.openqa.selenium.chrome.ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("media", ""));
            browser.go("/priorities/lists/1");
            browser.check("48-demo-list");

            // a municipality's resource scenario on the demo list
            browser.login("demo-director", "demo");
            browser.go("/priorities/scenarios");
            browser.check("49-scenarios");
            submit(browser, By.cssSelector("a[data-list='1']"));
            browser.find(By.id("scenario-name")).sendKeys("Budget 2027");
            setValue(browser, "budget", "3000000");
            int rows = browser.driver.findElements(By.cssSelector("#scenario-lines tbody tr")).size();
            for (int i = 0; i < rows; i++) {
                setValue(browser, "cost-" + i, String.valueOf(40_000 + 10_000 * i));
                setValue(browser, "clients-" + i, "10");
            }
            submit(browser, By.id("calculate"));
            assertThat(browser.find(By.id("covered-through")).getText()).startsWith("Nivå 1–");
            assertThat(browser.find(By.id("scenario-lines")).getText()).contains("Täckt (lagstadgad)", "Ryms inte");
            browser.wait.until(d -> d.findElements(By.cssSelector("#coverage-chart")).size() == 1);
            browser.check("50-scenario");
            submit(browser, By.id("save-scenario"));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Scenariot är sparat.");
            browser.check("51-saved-scenario");

            // a second, larger budget on the same list, compared with the first
            browser.go("/priorities/scenarios/new?list=1");
            browser.find(By.id("scenario-name")).sendKeys("Budget 2027, utökad");
            setValue(browser, "budget", "9000000");
            for (int i = 0; i < rows; i++) {
                setValue(browser, "cost-" + i, String.valueOf(40_000 + 10_000 * i));
                setValue(browser, "clients-" + i, "10");
            }
            submit(browser, By.id("save-scenario"));
            assertThat(browser.find(By.id("covered-through")).getText()).isEqualTo("Nivå 1–10");
            new Select(browser.find(By.id("compare-with"))).selectByVisibleText("Budget 2027");
            submit(browser, By.cssSelector("form.filters button[type=submit]"));
            assertThat(browser.heading()).isEqualTo("Jämför resursscenarier");
            assertThat(browser.find(By.id("compare-table")).getText()).contains("Budget 2027, utökad", "9 000 000",
                    "3 000 000");
            browser.check("52-compare");

            // the larger one is opened again with what was saved, changed, then deleted after the browser asks
            browser.go("/priorities/scenarios");
            submit(browser, By.linkText("Budget 2027, utökad"));
            submit(browser, By.id("edit-scenario"));
            assertThat(browser.find(By.id("scenario-name")).getAttribute("value")).isEqualTo("Budget 2027, utökad");
            assertThat(browser.find(By.id("budget")).getAttribute("value")).isEqualTo("9000000");
            assertThat(browser.find(By.id("cost-0")).getAttribute("value")).isEqualTo("40000");
            setValue(browser, "budget", "8000000");
            submit(browser, By.id("save-scenario"));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Scenariot är sparat.");
            assertThat(browser.find(By.id("coverage-facts")).getText()).contains("8 000 000 kr");
            WebElement saved = browser.driver.findElement(By.tagName("html"));
            assertThat(browser.clickConfirming(By.id("delete-scenario"))).isEqualTo("Ta bort scenariot Budget 2027, utökad?");
            browser.wait.until(ExpectedConditions.stalenessOf(saved));
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Scenariot är borttaget.");
            assertThat(browser.find(By.id("scenario-table")).getText()).contains("Budget 2027").doesNotContain("utökad");
        }
    }

    private static void addPair(Browser browser, String condition, String target, String code, String text,
                                String benefit, String cost, String certainty, String statute) {
        submit(browser, By.id("add-pair"));
        browser.find(By.id("condition")).sendKeys(condition);
        browser.driver.findElement(By.id("targetGroup")).sendKeys(target);
        if (code != null) {
            new Select(browser.driver.findElement(By.id("interventionCode"))).selectByValue(code);
        } else {
            browser.driver.findElement(By.id("interventionText")).sendKeys(text);
        }
        new Select(browser.driver.findElement(By.id("benefit"))).selectByValue(benefit);
        browser.driver.findElement(By.id("benefitRationale")).sendKeys("Enligt sammanställd forskning");
        new Select(browser.driver.findElement(By.id("cost"))).selectByValue(cost);
        browser.driver.findElement(By.id("costRationale")).sendKeys("Kostnad per förbättrad klient");
        new Select(browser.driver.findElement(By.id("certainty"))).selectByValue(certainty);
        browser.driver.findElement(By.id("certaintyRationale")).sendKeys("GRADE-bedömning");
        assertThat(browser.driver.findElements(By.id("severity"))).isEmpty();
        if (statute != null) {
            browser.driver.findElement(By.id("statutory")).click();
            browser.driver.findElement(By.id("statutoryReference")).sendKeys(statute);
        }
    }

    private static void decideAsProposed(Browser browser, String condition) {
        submit(browser, By.linkText(condition));
        submit(browser, By.id("save-decision"));
        assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Beslutet är sparat.");
        submit(browser, By.linkText(condition));
        browser.find(By.id("decision"));
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    /** Publishes the list: the browser asks first, naming it; the journey accepts. */
    private static void publish(Browser browser) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        assertThat(browser.clickConfirming(By.id("publish"))).startsWith("Publicera listan ");
        browser.wait.until(ExpectedConditions.stalenessOf(page));
    }

    private static void submit(Browser browser, By by) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.find(by).click();
        browser.wait.until(ExpectedConditions.stalenessOf(page));
    }

    private static void setValue(Browser browser, String id, String value) {
        ((JavascriptExecutor) browser.driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }
}
