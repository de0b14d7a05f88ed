package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The networks' start pages and the legal pages, on a phone and a desktop: what the network is, its partners by kind,
 * its measures and vacancies, its give-and-gain in numbers; Impressum, Datenschutz and the accessibility statement for
 * the platform and per network; the manifest that lets a phone add the portal to its home screen.
 */
class NetzwerkeIT {

    static final String HEILBRONN = "0d3e4a52-7c1b-4f0e-9a61-000000000001";
    static final String EMS_ACHSE = "0d3e4a52-7c1b-4f0e-9a61-000000000002";

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void the_heilbronn_network_page_on_a_phone_shows_partners_by_kind_measures_vacancies_and_give_and_gain() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            Response response = page.navigate(platform.url("/netzwerke/" + HEILBRONN));
            assertThat(response.status()).isEqualTo(200);
            assertThat(page.locator("h1").innerText()).contains("Heilbronn");
            // the partners, grouped by kind in German: a company and a school of the demo data under their kind
            assertThat(page.locator("#partner ~ .partner-groups h3").allInnerTexts()).anySatisfy(h -> assertThat(h).startsWith("Unternehmen ("))
                    .anySatisfy(h -> assertThat(h).startsWith("Handwerkskammer ("));
            assertThat(page.locator(".partner-groups").innerText()).contains("Neckartal Präzisionstechnik GmbH");
            // give and gain: the demo pledges of Heilbronn's members (4 internship places, 40 hours of expertise …)
            String balance = page.locator(".balance").innerText();
            assertThat(balance).contains("Eingebracht").contains("Praktikumsplätze").contains("Fachwissen").contains("40 Stunden");
            assertThat(page.locator("main").innerText()).contains("Aktuelle Maßnahmen").contains("Neue Stellen");
            assertThat(page.locator("main a[href^='/stellen/']").count()).as("the newest vacancies link to their pages").isPositive();
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "netzwerk-heilbronn-phone");
        }
    }

    @Test
    void the_ems_achse_network_page_on_a_desktop_and_the_start_page_on_both() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/"));
            Browsers.screenshot(page, "start-desktop");
            page.locator("main a", new Page.LocatorOptions().setHasText("Ems-Achse")).first().click();
            page.waitForURL("**/netzwerke/" + EMS_ACHSE);
            assertThat(page.locator("h1").innerText()).contains("Ems-Achse");
            assertThat(page.locator(".balance").innerText()).contains("15.000 Euro");
            assertThat(page.locator("main").innerText()).contains("Eingetragener Verein");
            Browsers.assertGoodPage(page);
            page.setViewportSize(1280, 900);
            assertThat(wordsSplitAcrossLines(page, ".figures dt, .figures dd")).as("balance labels broken mid-word at 1280 px").isEmpty();
            page.setViewportSize(768, 900); // the narrowest two-column layout: each card is at its narrowest
            assertThat(wordsSplitAcrossLines(page, ".figures dt, .figures dd")).as("balance labels broken mid-word at 768 px").isEmpty();
            page.setViewportSize(1280, 900);
            Browsers.screenshot(page, "netzwerk-ems-achse-desktop");
        }
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/"));
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "start-phone");
        }
    }

    @Test
    void an_unknown_network_is_a_german_404_page() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            for (String path : List.of("/netzwerke/0d3e4a52-7c1b-4f0e-9a61-0000000000ff", "/netzwerke/heilbronn",
                    "/netzwerke/0d3e4a52-7c1b-4f0e-9a61-0000000000ff/impressum", "/netzwerke/x/datenschutz")) {
                Response response = page.navigate(platform.url(path));
                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.headerValue("content-type")).as(path).startsWith("text/html");
                assertThat(page.locator("h1").innerText()).isEqualTo("Diese Seite gibt es nicht");
            }
            Browsers.assertAccessible(page);
        }
    }

    @Test
    void the_legal_pages_of_the_platform_and_of_each_network() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            page.navigate(platform.url("/"));
            page.locator("footer a", new Page.LocatorOptions().setHasText("Impressum")).click();
            page.waitForURL("**/impressum");
            assertThat(page.locator("main").innerText()).contains("Augenhöhe-Plattform (Demo-Betreiber)").contains("§ 5");
            Browsers.assertGoodPage(page);
            page.navigate(platform.url("/datenschutz"));
            assertThat(page.locator("main").innerText()).contains("augenhoehe-csrf").contains("Artikel 77")
                    .contains("Baden-Württemberg");
            Browsers.assertGoodPage(page);
            page.navigate(platform.url("/barrierefreiheit"));
            String statement = page.locator("main").innerText();
            assertThat(statement).contains("BITV 2.0 teilweise vereinbar").contains("Stand: 06.12.2026")
                    .contains("Schlichtungsstelle nach dem Behindertengleichstellungsgesetz").contains("barrierefreiheit@augenhoehe.example.org");
            String report = page.locator("a", new Page.LocatorOptions().setHasText("Barriere melden")).getAttribute("href");
            assertThat(report).startsWith("mailto:barrierefreiheit@augenhoehe.example.org?subject=Barriere%20melden");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "barrierefreiheit-phone");

            // a network's own pages: its provider, the platform's texts where it names none
            page.navigate(platform.url("/netzwerke/" + EMS_ACHSE));
            page.locator("nav[aria-label='Rechtliches zum Netzwerk'] a", new Page.LocatorOptions().setHasText("Impressum")).click();
            page.waitForURL("**/netzwerke/" + EMS_ACHSE + "/impressum");
            assertThat(page.locator("main").innerText()).contains("Ems-Achse e. V. (Demo)").contains("Vereinsregister");
            Browsers.assertGoodPage(page);
            page.navigate(platform.url("/netzwerke/" + EMS_ACHSE + "/datenschutz"));
            assertThat(page.locator("main").innerText()).contains("Niedersachsen").contains("7 Tagen");
            Browsers.assertGoodPage(page);
            page.navigate(platform.url("/netzwerke/" + HEILBRONN + "/barrierefreiheit"));
            assertThat(page.locator("main").innerText()).contains("Fachkräftenetzwerk Heilbronn").contains("barrierefreiheit-heilbronn@")
                    .contains("teilweise vereinbar").contains("Mauerstraße 53");
            Browsers.assertGoodPage(page);
        }
    }

    @Test
    void the_portal_can_be_added_to_a_phones_home_screen() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/"));
            // Chromium's own verdict on the manifest and its icons (what decides whether "install" is offered); Playwright's
            // contexts are incognito windows, where Chromium never offers it, so that one reason is expected
            CDPSession cdp = desktop.newCDPSession(page);
            JsonObject errors = cdp.send("Page.getInstallabilityErrors");
            List<String> reasons = new ArrayList<>();
            errors.getAsJsonArray("installabilityErrors").forEach(e -> reasons.add(e.getAsJsonObject().get("errorId").getAsString()));
            assertThat(reasons).as(errors.toString()).isSubsetOf("in-incognito");
            Response manifest = page.navigate(platform.url("/manifest.webmanifest"));
            assertThat(manifest.status()).isEqualTo(200);
            assertThat(manifest.headerValue("content-type")).startsWith("application/manifest+json");
            for (String icon : List.of("/assets/icon-192.png", "/assets/icon-512.png")) {
                Response r = page.navigate(platform.url(icon));
                assertThat(r.status()).as(icon).isEqualTo(200);
                assertThat(r.headerValue("content-type")).as(icon).isEqualTo("image/png");
            }
        }
    }

    /** The words of the matching elements whose letters the browser laid out on more than one line ("Praktik-umspl-ätze"). */
    private static List<String> wordsSplitAcrossLines(Page page, String selector) {
        @SuppressWarnings("unchecked")
        List<String> split = (List<String>) page.evaluate("""
                selector => [...document.querySelectorAll(selector)].flatMap(element => {
                  const split = [];
                  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
                    for (const word of text.data.matchAll(/\\S+/g)) {
                      const range = document.createRange();
                      range.setStart(text, word.index);
                      range.setEnd(text, word.index + word[0].length);
                      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                      if (lines.size > 1) split.push(word[0]);
                    }
                  }
                  return split;
                })""", selector);
        return split;
    }
}
