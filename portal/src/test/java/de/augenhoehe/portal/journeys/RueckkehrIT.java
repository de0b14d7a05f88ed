package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Journey (1): a door hanger's QR code scanned with a phone → {@code /r/{code}} → the landing page with the campaign's
 * message → the sign-up done with the keyboard alone → the mail → its link → one confirming click → the matches →
 * the scan and the sign-up in the campaign's funnel. And the form's answers to bad input and bad links.
 */
class RueckkehrIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static String coordinator;

    @BeforeAll
    static void start() {
        coordinator = platform.token("coordinator", "--networks", Returnees.EMS_ACHSE);
    }

    @Test
    void a_scanned_door_hanger_leads_to_a_keyboard_sign_up_a_confirmation_with_matches_and_the_funnel() {
        Returnees.Campaign campaign = Returnees.campaign(platform, coordinator);
        assertThat(campaign.scanUrl()).isEqualTo(platform.url("/r/" + campaign.code()));
        String email = Returnees.email();
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            List<String> foreign = new CopyOnWriteArrayList<>();
            page.onRequest(r -> {
                if (!r.url().startsWith(platform.baseUrl()) && !r.url().startsWith("data:")) {
                    foreign.add(r.url());
                }
            });

            // the QR code: counted, then the landing page with the campaign's attribution
            Response landing = page.navigate(campaign.scanUrl());
            assertThat(landing.status()).isEqualTo(200);
            assertThat(page.url()).startsWith(platform.url("/rueckkehr?campaign=" + campaign.id())).contains("code=" + campaign.code());
            assertThat(page.locator("h1").innerText()).isEqualTo("Willkommen zurück in Papenburg!");
            assertThat(page.locator("main").innerText()).contains("Weihnachts-Rückkehraktion Papenburg", "Im Netzwerk „Ems-Achse");
            assertThat(page.locator("#matching-text").innerText()).isNotBlank();
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "rueckkehr-landing-phone");

            // the sign-up with the keyboard alone: Tab from the top, type, Space for the boxes, Enter to send
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip");
            page.keyboard().press("Enter");
            Returnees.tabTo(page, "firstName");
            page.keyboard().type("Imke");
            page.keyboard().press("Tab");
            page.keyboard().type("Dreesmann");
            page.keyboard().press("Tab");
            page.keyboard().type(email);
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("currentPlace");
            page.keyboard().type("Bremen");
            Returnees.tabTo(page, "occupation");
            page.keyboard().press("ArrowDown");
            page.keyboard().press("ArrowDown");
            assertThat(page.locator("#occupation").inputValue()).isEqualTo("244");
            Returnees.tabTo(page, "interests1");
            page.keyboard().press("Space");
            Returnees.tabTo(page, "matching1");
            page.keyboard().press("Space");
            page.keyboard().press("Tab");
            page.keyboard().press("Space");
            Returnees.tabTo(page, "anmelden");
            page.keyboard().press("Enter");
            page.waitForURL(platform.url("/rueckkehr/postfach"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Bitte schauen Sie in Ihr Postfach");
            Browsers.assertAccessible(page);

            // the mail's link opens a page that changes nothing until its one button is pressed
            Mail mail = platform.awaitMail(email, 1);
            String link = mail.link(platform.url("/rueckkehr/bestaetigen?token="));
            Response open = page.navigate(link);
            assertThat(open.status()).isEqualTo(200);
            assertThat(open.headerValue("referrer-policy")).isEqualTo("no-referrer");
            assertThat(open.headerValue("x-robots-tag")).contains("noindex");
            assertThat(page.locator("meta[name=robots]").getAttribute("content")).contains("noindex");
            page.reload();
            assertThat(page.locator("h1").innerText()).isEqualTo("Anmeldung bestätigen");
            Browsers.assertAccessible(page);
            page.waitForNavigation(() -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Ja, ich bestätige meine Anmeldung")).click());
            assertThat(page.locator("h1").innerText()).isEqualTo("Danke! Ihre Anmeldung ist bestätigt");
            Locator matches = page.locator("ul.matches > li");
            assertThat(matches.count()).as("the welder's matches around Papenburg").isGreaterThanOrEqualTo(1);
            assertThat(page.locator("ul.matches").innerText()).contains("Metallbau und Schweißtechnik");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "rueckkehr-bestaetigt-phone");

            // the same link again: used, said in German
            page.navigate(link);
            page.waitForNavigation(() -> page.locator("main button[type=submit]").click());
            assertThat(page.locator("h1").innerText()).isEqualTo("Schon bestätigt");
            assertThat(foreign).as("requests to anyone but the platform").isEmpty();
        }

        JsonNode funnel = Returnees.call(platform, coordinator, "GET", "/api/campaigns/" + campaign.id() + "/funnel", null);
        JsonNode total = funnel.path("total");
        assertThat(total.path("scanned").asInt()).as(funnel.toString()).isEqualTo(1);
        assertThat(total.path("signedUp").asInt()).as(funnel.toString()).isEqualTo(1);
        assertThat(total.path("confirmed").asInt()).as(funnel.toString()).isEqualTo(1);
    }

    @Test
    void bad_input_and_bad_links_come_back_in_german_at_the_field() {
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            // without a code: the region must be chosen; empty fields are named at the field
            page.navigate(platform.url("/rueckkehr"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Zurück in die Heimat");
            page.waitForNavigation(() -> page.locator("#anmelden").click());
            assertThat(page.locator("#firstName-fehler").innerText()).isEqualTo("Bitte geben Sie Ihren Vornamen an.");
            assertThat(page.locator("#firstName").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(page.locator("#firstName").getAttribute("aria-describedby")).contains("firstName-fehler");
            assertThat(page.locator("#email-fehler").innerText()).isEqualTo("Bitte geben Sie Ihre E-Mail-Adresse an.");
            assertThat(page.locator("#networkId-fehler").innerText()).contains("Region");
            assertThat(page.locator("#interests-fehler").innerText()).isEqualTo("Bitte wählen Sie mindestens ein Thema.");
            assertThat(page.locator("#matching-fehler").innerText()).contains("Bitte setzen Sie den Haken");
            Browsers.assertAccessible(page);
            Browsers.assertNoHorizontalScroll(page);

            // too long, a wrong e-mail, a name the API refuses: kept, and named at the field
            page.locator("#firstName").fill("A".repeat(101));
            page.locator("#lastName").fill("R2-D2");
            page.locator("#email").fill("keine-adresse");
            page.locator("#currentPlace").fill("Bremen");
            page.locator("#networkId").selectOption(Returnees.EMS_ACHSE);
            page.locator("#occupation").selectOption("244");
            page.locator("#interests1").check();
            page.locator("#matching1").check();
            page.waitForNavigation(() -> page.locator("#anmelden").click());
            assertThat(page.locator("#firstName-fehler").innerText()).isEqualTo("Bitte höchstens 100 Zeichen.");
            assertThat(page.locator("#email-fehler").innerText()).startsWith("Bitte geben Sie eine gültige E-Mail-Adresse an");
            assertThat(page.locator("#email").inputValue()).isEqualTo("keine-adresse");
            page.locator("#firstName").fill("Imke");
            page.locator("#email").fill(Returnees.email());
            page.waitForNavigation(() -> page.locator("#anmelden").click());
            assertThat(page.locator("#lastName-fehler").innerText()).as("the API's refusal at the field")
                    .isEqualTo("Bitte nur Buchstaben, Leerzeichen, Bindestriche, Apostrophe und Punkte verwenden.");
            assertThat(page.locator("#networkId").inputValue()).isEqualTo(Returnees.EMS_ACHSE);
            Browsers.assertAccessible(page);

            // an unknown code: said, and the sign-up still possible
            page.navigate(platform.url("/rueckkehr?code=ZZZZZZZZ"));
            assertThat(page.locator("main").innerText()).contains("Den Code von Ihrem Türhänger kennen wir leider nicht");
            assertThat(page.locator("#networkId").count()).isEqualTo(1);

            // a forged confirmation link: a German page, no problem JSON
            Response forged = page.navigate(platform.url("/rueckkehr/bestaetigen?token=" + "A".repeat(43)));
            assertThat(forged.status()).isEqualTo(200);
            page.waitForNavigation(() -> page.locator("main button[type=submit]").click());
            assertThat(page.locator("h1").innerText()).isEqualTo("Dieser Link funktioniert nicht");
            Browsers.assertAccessible(page);
            Response empty = page.navigate(platform.url("/rueckkehr/bestaetigen"));
            assertThat(empty.status()).isEqualTo(404);
            assertThat(empty.headerValue("content-type")).startsWith("text/html");
        }
    }
}
