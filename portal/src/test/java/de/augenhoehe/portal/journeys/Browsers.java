package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Chromium per journey class (Playwright objects belong to one thread): Debian's own, started without any
 * background traffic, since this machine has no way out and the tests need none. A journey class registers it,
 * {@code @RegisterExtension static final Browsers browsers = new Browsers();}: it starts before the class's
 * {@code @BeforeAll} (in the class's own thread) and closes after its {@code @AfterAll}.
 */
public final class Browsers implements BeforeAllCallback, AfterAllCallback {

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    /** A mid-range Android phone: 360 × 740 CSS pixels, touch, a phone's user agent. */
    public static final String PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Mobile Safari/537.36";
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("AUGENHOEHE_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (apt-get install --no-install-recommends "
                    + "chromium; .ci/run does) or point AUGENHOEHE_CHROMIUM at a Chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")));
    }

    /** A fresh phone (own cookies, own address), German. */
    public BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setUserAgent(PHONE_UA)
                .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2).setLocale("de-DE").setExtraHTTPHeaders(ownAddress()));
    }

    /** A fresh desktop browser (own cookies, own address), German. */
    public BrowserContext desktop() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("de-DE")
                .setExtraHTTPHeaders(ownAddress()));
    }

    /**
     * Each browser is another person's device with its own address, as the gateway's per-address limits for anonymous
     * calls expect (the local platform's gateway trusts X-Forwarded-For from loopback, AppEnvironment): all journeys'
     * browsers sharing 127.0.0.1 drew on one bucket of 10 requests a second and got 429s as the journeys grew.
     */
    private static Map<String, String> ownAddress() {
        int n = ADDRESSES.incrementAndGet();
        return Map.of("X-Forwarded-For", "10.77." + (n / 250 % 250) + "." + (n % 250 + 1));
    }

    /** WCAG 2.1 A and AA by axe-core: no violation on the page as it is now. */
    public static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        String violations = results.getViolations().stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("axe-core WCAG 2.1 A/AA violations on " + page.url()).isEmpty();
    }

    /** At 320 px nothing scrolls sideways (WCAG 1.4.10 reflow); the viewport is restored afterwards. */
    public static void assertNoHorizontalScroll(Page page) {
        var size = page.viewportSize();
        page.setViewportSize(320, 640);
        try {
            Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow at 320 px on " + page.url()).isLessThanOrEqualTo(0);
        } finally {
            page.setViewportSize(size.width, size.height);
        }
    }

    /** The page's lang, one h1, and a title: what every page must have. */
    public static void assertPageBasics(Page page) {
        assertThat(page.getAttribute("html", "lang")).isEqualTo("de");
        assertThat(page.locator("h1").count()).as("one h1 on " + page.url()).isEqualTo(1);
        assertThat(page.title()).isNotBlank();
    }

    /** What every page must pass: {@link #assertPageBasics}, {@link #assertAccessible}, {@link #assertNoHorizontalScroll}. */
    public static void assertGoodPage(Page page) {
        assertPageBasics(page);
        assertAccessible(page);
        assertNoHorizontalScroll(page);
    }

    /** A full-page screenshot under target/screenshots/NAME.png (the README shows the main pages). */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (playwright != null) {
            browser.close();
            playwright.close();
        }
    }
}
