package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.samsyn.TestDatabases;

/**
 * A national analyst defines a follow-up indicator in the UI, refreshes it, opens its page, map
 * and a municipality profile, and exports it to Excel, which the test reads back. Axe on each page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samsyn.demo=true", "samsyn.data-dir=target/test-data"})
class ComparisonJourneyIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry, "comparison-journey");
    }

    @LocalServerPort
    int port;

    @Test
    void aNationalAnalystDefinesRefreshesViewsAndExportsAnIndicator() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.login("demo-national", "demo");
            browser.find(By.linkText("Öppna jämförelser")).click();
            assertThat(browser.heading()).isEqualTo("Öppna jämförelser");
            browser.check("30-comparisons");

            browser.find(By.id("define-indicator")).click();
            assertThat(browser.heading()).isEqualTo("Definiera en indikator ur uppföljningsdata");
            browser.find(By.id("id")).sendKeys("x1");
            browser.driver.findElement(By.id("titleSv")).sendKeys("Andel MI avslutade enligt plan");
            browser.driver.findElement(By.id("titleEn")).sendKeys("Share of MI completed as planned");
            browser.driver.findElement(By.id("define-submit")).click();
            assertThat(browser.find(By.id("define-errors")).getText()).contains("Id ska vara en stor bokstav");
            browser.check("31-define-errors");

            browser.find(By.id("id")).clear();
            browser.driver.findElement(By.id("id")).sendKeys("S00100");
            new Select(browser.driver.findElement(By.id("template"))).selectByValue("completed-share");
            assertThat(browser.driver.findElement(By.id("titleSv")).getAttribute("value")).isEqualTo("Andel MI avslutade enligt plan");
            new Select(browser.driver.findElement(By.id("qualityDimension"))).selectByValue("efficient");
            new Select(browser.driver.findElement(By.id("measureType"))).selectByValue("process");
            new Select(browser.driver.findElement(By.id("interventionCode"))).selectByValue("MI");
            assertThat(browser.driver.findElement(By.id("ageBand")).isDisplayed())
                    .as("completed-share takes no age bands: the field is hidden").isFalse();
            assertThat(browser.driver.findElement(By.id("published")).isSelected()).as("not published by default").isFalse();
            browser.driver.findElement(By.id("published")).click();
            browser.driver.findElement(By.id("define-submit")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Indikatorn S00100 är definierad och beräknad.");
            assertThat(browser.heading()).contains("Andel MI avslutade enligt plan");

            browser.find(By.id("refresh-indicator")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).isEqualTo("Resultaten är uppdaterade.");
            browser.wait.until(d -> d.findElements(By.cssSelector("#comparison-map path.leaflet-interactive")).size() >= 290);
            assertThat(browser.find(By.id("indicator-table")).getText()).contains("Malmö");
            browser.check("32-indicator-map");

            browser.find(By.linkText("Malmö")).click();
            assertThat(browser.heading()).isEqualTo("Kommunprofil: Malmö");
            assertThat(browser.find(By.id("profile-table")).getText()).contains("Andel MI avslutade enligt plan");
            browser.check("33-profile");

            browser.find(By.id("similar-link")).click();
            assertThat(browser.find(By.id("similar-table")).findElements(By.cssSelector("tbody tr"))).hasSize(7);
            browser.check("34-similar");

            browser.go("/comparisons/peer-groups");
            browser.find(By.id("pg-name")).sendKeys("Storstäder och grannar");
            new Select(browser.driver.findElement(By.id("pg-focus"))).selectByValue("substance-use");
            Select members = new Select(browser.driver.findElement(By.id("pg-members")));
            members.selectByValue("1280");
            browser.driver.findElement(By.cssSelector("#peer-group-form button")).click();
            assertThat(browser.find(By.cssSelector(".flash.error")).getText()).contains("Välj minst två kända kommuner.");
            browser.find(By.id("pg-name")).sendKeys("Storstäder och grannar");
            new Select(browser.driver.findElement(By.id("pg-focus"))).selectByValue("substance-use");
            members = new Select(browser.driver.findElement(By.id("pg-members")));
            members.selectByValue("1280");
            members.selectByValue("1281");
            browser.driver.findElement(By.cssSelector("#peer-group-form button")).click();
            assertThat(browser.find(By.cssSelector(".flash.ok")).getText()).contains("Storstäder och grannar");
            assertThat(browser.find(By.id("peer-group-table")).getText()).contains("Malmö", "Lund");
            browser.check("35b-peer-groups-editor");
            browser.go("/comparisons/municipalities/1281");
            assertThat(browser.find(By.tagName("main")).getText()).contains("Storstäder och grannar");

            browser.go("/comparisons/indicators/S00100");
            String href = browser.find(By.id("export-xlsx")).getAttribute("href");
            Cookie session = browser.driver.manage().getCookieNamed("SESSION");
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                    .header("Cookie", "SESSION=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
                assertThat(workbook.getSheetName(0)).isEqualTo("Om indikatorerna");
                assertThat(workbook.getSheet("Om indikatorerna").getRow(1).getCell(0).getStringCellValue()).isEqualTo("S00100");
                Sheet sheet = workbook.getSheet("S00100");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Andel MI avslutade enligt plan");
                Row malmo = null;
                for (Row row : sheet) {
                    if (row.getCell(0) != null && "1280".equals(row.getCell(0).getStringCellValue())) {
                        malmo = row;
                    }
                }
                assertThat(malmo).isNotNull();
                assertThat(malmo.getCell(1).getStringCellValue()).isEqualTo("Malmö");
            }
        }
    }

    /**
     * The colour column of the public indicator page and of a municipality profile on a phone
     * (390 px): a swatch and one short word per row, each word on one line (a text that wraps has
     * more than one client rectangle), the full meaning in the word's title.
     */
    @Test
    void anonymousPhoneReadersReadTheColourColumnAsASwatchAndOneWord() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/comparisons");
            String indicator = browser.find(By.cssSelector("#indicator-list tbody a[href*='/comparisons/indicators/']"))
                    .getAttribute("href");
            browser.driver.get(indicator);
            browser.find(By.id("indicator-table"));
            browser.check("37-indicator-public");
            assertColourColumnReadsOnAPhone(browser, "indicator-table", 5);
            assertIndicatorRowsFitAPhone(browser);

            browser.go("/comparisons/municipalities/1280");
            browser.find(By.id("profile-table"));
            assertColourColumnReadsOnAPhone(browser, "profile-table", 4);
        }
    }

    /**
     * At 390 px every non-empty cell of the table's colour column is a swatch and one word on one line;
     * saves {@code 37-<table>-1280.png} (the table in a desktop window) and {@code 37-<table>-390-right.png}
     * (on the phone, scrolled to its right end).
     */
    @SuppressWarnings("unchecked")
    private static void assertColourColumnReadsOnAPhone(Browser browser, String table, int column) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeScript("document.getElementById(arguments[0]).scrollIntoView();", table);
        browser.screenshot("37-" + table + "-1280");
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        try {
            List<Map<String, Object>> cells = (List<Map<String, Object>>) chrome.executeScript(
                    "return [...document.querySelectorAll('#' + arguments[0] + ' tbody td:nth-child(' + arguments[1] + ')')]"
                            + ".filter(td => td.textContent.trim()).map(td => {"
                            + "  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT); let lines = 0, n;"
                            + "  while ((n = walker.nextNode())) { if (n.textContent.trim()) { const r = document.createRange();"
                            + "    r.selectNodeContents(n); lines += r.getClientRects().length; } }"
                            + "  const word = td.querySelector('.colour-word');"
                            + "  return {text: td.textContent.trim(), lines: lines, swatch: td.querySelectorAll('.colour-swatch').length,"
                            + "          title: word ? word.title : ''}; })", table, column);
            assertThat(cells).as(table + ": coloured cells").isNotEmpty();
            for (Map<String, Object> cell : cells) {
                assertThat(cell.get("text")).as(table + " " + cell).isIn("Grön", "Gul", "Röd", "Grå");
                assertThat(((Number) cell.get("lines")).intValue()).as(table + " " + cell).isEqualTo(1);
                assertThat(((Number) cell.get("swatch")).intValue()).as(table + " " + cell).isEqualTo(1);
                assertThat((String) cell.get("title")).as(table + " " + cell).isIn("Grön: bland de bästa", "Gul: mitten",
                        "Röd: bland de sämsta", "Grå: inget värde som får visas (saknas eller skyddat)");
            }
            // the columns right of the key, scrolled into view, for a person to look at
            chrome.executeScript("const t = document.getElementById(arguments[0]); t.scrollIntoView();"
                    + " t.closest('.table-scroll').scrollLeft = t.scrollWidth;", table);
            browser.screenshot("37-" + table + "-390-right");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * At 390 px the indicator table needs no sideways scroll: each municipality is one block, its
     * colour on the same line as its name, the value, n and rank labelled below.
     */
    @SuppressWarnings("unchecked")
    private static void assertIndicatorRowsFitAPhone(Browser browser) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        try {
            Map<String, Object> layout = (Map<String, Object>) chrome.executeScript(
                    "const t = document.getElementById('indicator-table'); const box = t.closest('.table-scroll');"
                            + "const rows = [...t.querySelectorAll('tbody tr')].filter(r => r.querySelector('.colour-word'));"
                            + "const besideName = rows.filter(r => Math.abs(r.cells[0].getBoundingClientRect().top"
                            + "  - r.querySelector('td.colour-cell').getBoundingClientRect().top) < 4).length;"
                            + "return {scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, coloured: rows.length,"
                            + "  besideName: besideName, valueLabel: getComputedStyle(t.querySelector('tbody td.num'), '::before').content};");
            assertThat(((Number) layout.get("scrollWidth")).intValue()).as("no sideways scroll: " + layout)
                    .isLessThanOrEqualTo(((Number) layout.get("clientWidth")).intValue());
            assertThat(((Number) layout.get("coloured")).intValue()).as(layout.toString()).isPositive();
            assertThat(layout.get("besideName")).as("the colour beside the name: " + layout).isEqualTo(layout.get("coloured"));
            assertThat(layout.get("valueLabel")).isEqualTo("\"Värde \"");
            Map<String, Object> sort = (Map<String, Object>) chrome.executeScript(
                    "const s = document.getElementById('sort'); const r = s.getBoundingClientRect();"
                            + "return {width: r.width, height: r.height, visibility: getComputedStyle(s).visibility,"
                            + "  label: document.querySelector('label[for=sort]').innerText,"
                            + "  align: getComputedStyle(document.querySelector('#indicator-table tbody td.num')).textAlign};");
            assertThat(((Number) sort.get("width")).doubleValue()).as("the sort select shows on a phone: " + sort).isGreaterThan(40);
            assertThat(((Number) sort.get("height")).doubleValue()).as(sort.toString()).isGreaterThan(10);
            assertThat(sort.get("visibility")).isEqualTo("visible");
            assertThat(sort.get("label")).isEqualTo("Sortera");
            assertThat(sort.get("align")).as("figures follow their label on a phone").isEqualTo("left");
            for (String table : List.of("group-table", "region-table")) {
                Map<String, Object> box = (Map<String, Object>) chrome.executeScript(
                        "const t = document.getElementById(arguments[0]); const box = t.closest('.table-scroll');"
                                + "return {scrollWidth: box.scrollWidth, clientWidth: box.clientWidth,"
                                + "  rows: t.querySelectorAll('tbody tr').length,"
                                + "  label: getComputedStyle(t.querySelector('tbody td.num'), '::before').content};", table);
                assertThat(((Number) box.get("rows")).intValue()).as(table + ": " + box).isPositive();
                assertThat(((Number) box.get("scrollWidth")).intValue()).as(table + " without sideways scroll: " + box)
                        .isLessThanOrEqualTo(((Number) box.get("clientWidth")).intValue());
                assertThat(box.get("label")).as(table).isEqualTo("\"Sammanvägt \"");
            }
            chrome.executeScript("document.getElementById('group-table').scrollIntoView();");
            browser.screenshot("37-indicator-groups-390");
            chrome.executeScript("document.getElementById('sort').scrollIntoView({block: 'center'});");
            browser.screenshot("37-indicator-sort-390");
            chrome.executeScript("document.getElementById('indicator-table').scrollIntoView();");
            browser.screenshot("37-indicator-table-390-rows");
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void anonymousVisitorsSeeThePublishedIndicatorsAndPeerGroups() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/comparisons");
            assertThat(browser.find(By.id("indicator-list")).getText()).contains("S00001");
            assertThat(browser.driver.findElements(By.id("define-indicator"))).isEmpty();
            browser.check("35-comparisons-public");
            browser.go("/comparisons/peer-groups");
            browser.check("36-peer-groups");
        }
    }
}
