package se.samsyn.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for journey tests. Without Chromium a developer's run skips the
 * journeys with a message; under {@code CI=true} a missing browser fails the build instead.
 *
 * <p>Starting Chromium and its driver costs seconds (1.5 to 5.5 s each on a busy 2-core machine,
 * and the journeys open some 25 browsers), so {@link #close()} hands the browser back for the
 * next {@link #open(int)} in the same test JVM instead of quitting it, once it is as a fresh start
 * leaves it: no cookies, storage or cache of any origin, no viewport emulation, the window
 * 1280 x 1000, on {@code about:blank}. A browser that cannot be brought back so (a dialog still
 * open, more than one window, the driver gone) is quit. The idle browsers are quit when the JVM
 * exits.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;
    private final String base;

    private Browser(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but Chromium is missing: install Debian's chromium and chromium-driver");
            }
            Assumptions.abort("Browser journeys skipped: install Debian's chromium and chromium-driver to run them");
        }
        WebDriver idle;
        synchronized (IDLE) {
            idle = IDLE.poll();
        }
        return new Browser(idle != null ? idle : start(), "http://localhost:" + port);
    }

    /** Browsers handed back by {@link #close()}, reset, waiting for the next {@link #open(int)}. */
    private static final Deque<WebDriver> IDLE = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Browser::quit);
                IDLE.clear();
            }
        }, "quit-idle-browsers"));
    }

    private static WebDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=sv-SE");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    String heading() {
        return find(By.tagName("h1")).getText();
    }

    /** Desktop and phone widths, in CSS pixels, at which {@link #check(String)} looks at every page. */
    static final int DESKTOP_WIDTH = 1280;
    static final int PHONE_WIDTH = 390;

    /**
     * Looks at the current page as a desktop (1280 x 1000) and as a phone (390 x 844) would, by
     * emulating each viewport in turn: at each width it saves a screenshot
     * ({@code target/screenshots/<name>-1280.png} and {@code <name>-390.png}, the phone one of the whole
     * page), fails if the page is wider than the viewport
     * ({@code document.documentElement.scrollWidth > window.innerWidth}, naming the elements that stick
     * out), and runs axe, failing on any serious or critical violation (issue 17, point 8). The
     * window's own size is restored afterwards.
     */
    void check(String name) {
        List<String> problems = problems(name);
        assertThat(problems).as(() -> String.join("\n", problems)).isEmpty();
    }

    /** What {@link #check(String)} would fail on, one line per width and problem; empty when the page is fine. */
    List<String> problems(String name) {
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(problemsAt(name, DESKTOP_WIDTH, 1000));
            problems.addAll(problemsAt(name, PHONE_WIDTH, 844));
        } finally {
            chrome().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        return problems;
    }

    private List<String> problemsAt(String name, int width, int height) {
        String shown = name + "-" + width;
        chrome().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        // let layout, Leaflet and Chart.js answer the resize before anything is measured
        js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(done, 50); }); });");
        fullPageScreenshot(shown, width == PHONE_WIDTH);
        List<String> problems = new ArrayList<>();
        long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long innerWidth = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        if (scrollWidth > innerWidth) {
            problems.add(shown + ": page is " + scrollWidth + " px wide in a " + innerWidth + " px viewport; sticking out: "
                    + js.executeScript(STICKING_OUT));
        }
        Results results = axe();
        results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(r -> shown + ": axe " + r.getId() + " (" + r.getImpact() + "): " + r.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .forEach(problems::add);
        return problems;
    }

    /**
     * Runs axe on the current page, every rule, and returns its results with every violation and
     * every node of it. Three things keep it short without checking less (measured on the demo
     * pages: about a third of the default's time, with the same violations):
     * <ul>
     * <li>legacy mode runs {@code axe.run} in the page itself; the default runs {@code axe.runPartial}
     * and then opens a blank window, injects axe there a second time and calls {@code axe.finishRun},
     * which only matters for cross-origin iframes, and Samsyn's pages have no iframes;</li>
     * <li>{@code resultTypes: ["violations"]} (axe's documented option for speed) still runs every
     * rule on every node, but lists only one example node of each pass, incomplete and inapplicable
     * rule, which are never read here;</li>
     * <li>axe (560 kB of script) is injected once per page: the second width reuses it when it is
     * still there (the page was not left in between).</li>
     * </ul>
     */
    private static final int AXE_TIMEOUT_SECONDS = 180;

    private Results axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        // one axe.run does all the work in one script call: allow it what a busy 2-core machine needs
        // (the default 30 s was exceeded on the comparison pages under load)
        AxeBuilder axe = new AxeBuilder().setLegacyMode(true).withOptions(options).setTimeout(AXE_TIMEOUT_SECONDS);
        Object present = ((JavascriptExecutor) driver).executeScript(
                "return typeof window.axe === 'object' && typeof window.axe.run === 'function';");
        if (Boolean.TRUE.equals(present)) {
            axe.setInjectAxe(d -> { }, false);
        }
        return axe.analyze(driver);
    }

    /**
     * The innermost visible elements whose right edge lies past the viewport and that no sideways
     * scrolling container holds (absolutely positioned ones count even inside one: they may escape it), as "tag#id.class" strings (at most ten): what makes a page too wide.
     */
    private static final String STICKING_OUT = """
            const w = window.innerWidth;
            const scrolls = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
              return false; };
            const out = [...document.body.querySelectorAll('*')].filter(e => e.getClientRects().length > 0
                && e.getBoundingClientRect().right > w + 0.5
                && (!scrolls(e) || getComputedStyle(e).position === 'absolute'));
            return out.filter(e => !out.some(o => o !== e && e.contains(o))).slice(0, 10)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className
                    ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' (' + Math.round(e.getBoundingClientRect().right) + ')');
            """;

    private ChromeDriver chrome() {
        return (ChromeDriver) driver;
    }

    /** Saves the viewport, or with {@code whole} the whole page up to 8000 px high, as {@code <name>.png}. */
    private void fullPageScreenshot(String name, boolean whole) {
        if (!whole) {
            screenshot(name);
            return;
        }
        Number pageHeight = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
        Number pageWidth = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.clientWidth;");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", pageWidth.longValue(),
                "height", Math.min(8000, pageHeight.longValue()), "scale", 1);
        Map<String, Object> shot = chrome().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    /** Saves what the browser window shows now as {@code target/screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = chrome().getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save screenshot " + name, e);
        }
    }

    void login(String username, String password) {
        go("/login");
        find(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    /**
     * Clicks a button whose form asks for confirmation first ({@code data-confirm}), checks that the
     * browser asks, and accepts; answers the question asked.
     */
    String clickConfirming(By by) {
        find(by).click();
        org.openqa.selenium.Alert alert = wait.until(ExpectedConditions.alertIsPresent());
        String question = alert.getText();
        alert.accept();
        return question;
    }

    /** Hands the browser back for the next {@link #open(int)} when {@link #reset()} succeeds, else quits it. */
    @Override
    public void close() {
        if (reset()) {
            synchronized (IDLE) {
                IDLE.push(driver);
            }
        } else {
            quit(driver);
        }
    }

    /**
     * Brings the browser back to what a fresh start gives: clears every cookie, the HTTP cache and
     * all stored data of this application's origin (local and session storage, IndexedDB, service
     * workers), ends viewport emulation, sets the window to 1280 x 1000 and opens {@code about:blank}.
     * Answers false, changing nothing more, when a dialog is still open, more than one window is open
     * or the driver does not answer.
     */
    private boolean reset() {
        try {
            if (driver.getWindowHandles().size() != 1) {
                return false;
            }
            ((JavascriptExecutor) driver).executeScript(
                    "try { window.localStorage.clear(); window.sessionStorage.clear(); } catch (e) { }");
            chrome().executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", base, "storageTypes", "all"));
            chrome().executeCdpCommand("Network.clearBrowserCookies", Map.of());
            chrome().executeCdpCommand("Network.clearBrowserCache", Map.of());
            chrome().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 1000));
            driver.get("about:blank");
            return driver.manage().getCookies().isEmpty();
        } catch (WebDriverException e) {
            return false;
        }
    }

    private static void quit(WebDriver driver) {
        try {
            driver.quit();
        } catch (WebDriverException e) {
            // already gone
        }
    }
}
