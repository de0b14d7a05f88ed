package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The front door through the gateway: readable on a phone, accessible, its own assets only. */
class StartPageIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void the_start_page_lists_the_demo_networks_on_a_phone() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            List<String> foreign = new CopyOnWriteArrayList<>();
            page.onRequest(r -> {
                if (!r.url().startsWith(platform.baseUrl()) && !r.url().startsWith("data:")) {
                    foreign.add(r.url());
                }
            });
            Response response = page.navigate(platform.url("/"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headerValue("content-security-policy")).contains("script-src 'self'");
            Browsers.assertPageBasics(page);
            assertThat(page.locator("main").innerText()).contains("Fachkräftenetzwerk Heilbronn");
            Browsers.assertAccessible(page);
            Browsers.assertNoHorizontalScroll(page);
            Browsers.screenshot(page, "start-phone");
            assertThat(foreign).as("requests to anyone but the platform").isEmpty();
        }
    }

    @Test
    void an_unknown_page_is_a_german_404_page_not_json() {
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            Response response = page.navigate(platform.url("/stellen/gibt-es-nicht/und-so"));
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headerValue("content-type")).startsWith("text/html");
            assertThat(page.locator("h1").innerText()).isEqualTo("Diese Seite gibt es nicht");
            Browsers.assertAccessible(page);
        }
    }
}
