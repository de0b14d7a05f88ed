package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A company's administrator adds a colleague in the browser (issue #18: the company's daily work without curl): bad
 * input refused at its fields, the one-time password shown once, a taken username refused, the address for "forgot
 * password" changed, a new one-time password that the colleague uses for the first login, and the account disabled
 * after a confirming page — after which the colleague's login is refused.
 */
class KontenIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void an_administrator_adds_a_colleague_changes_the_address_renews_the_password_and_disables_the_account() {
        NewCompany company = NewCompany.create(platform, "Konten");
        String colleague = company.username() + "-kollegin";
        try (BrowserContext desktop = browsers.desktop(); BrowserContext colleaguesPhone = browsers.phone()) {
            Page page = desktop.newPage();
            page.navigate(platform.url("/mein-bereich/firma/konten"));
            company.signInFirstTime(page);
            page.waitForURL(platform.url("/mein-bereich/firma/konten"));
            Locator own = page.locator("table.firma-konten tbody tr").filter(new Locator.FilterOptions().setHasText(company.username()));
            assertThat(own.innerText()).contains("(Sie)", "Administration", "aktiv");
            assertThat(own.getByText("Deaktivieren …").count()).as("not one's own account").isZero();
            Browsers.assertAccessible(page);

            // bad input: refused at the fields, the typed text kept
            page.getByLabel("Benutzername").fill("Müller Anna");
            page.getByLabel("E-Mail-Adresse (freiwillig)").fill("anna-at-firma");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/mein-bereich/firma/konten") && r.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Konto anlegen")).click());
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("#benutzername-fehler").innerText()).contains("3 bis 100 Zeichen");
            assertThat(page.locator("#rolle-fehler").count()).as("Mitarbeit stays chosen").isZero();
            assertThat(page.locator("#email-fehler").innerText()).contains("name@firma.de");
            assertThat(page.getByLabel("Benutzername").inputValue()).isEqualTo("Müller Anna");
            Browsers.assertAccessible(page);

            page.getByLabel("Benutzername").fill(colleague);
            page.getByLabel("E-Mail-Adresse (freiwillig)").fill(colleague + "@firma.example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Konto anlegen")).click();
            page.waitForURL(platform.url("/mein-bereich/firma/konten"));
            assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("ist angelegt");
            String first = page.locator("#einmal-passwort").innerText().strip();
            assertThat(first).hasSizeGreaterThanOrEqualTo(12);
            Locator row = page.locator("table.firma-konten tbody tr").filter(new Locator.FilterOptions().setHasText(colleague));
            assertThat(row.innerText()).contains("Mitarbeit", "aktiv");
            Browsers.assertAccessible(page);
            page.reload();
            assertThat(page.locator("#einmal-passwort").count()).as("shown once").isZero();

            // the same username again: taken
            page.getByLabel("Benutzername").fill(colleague);
            Response taken = page.waitForResponse(r -> r.url().endsWith("/mein-bereich/firma/konten") && r.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Konto anlegen")).click());
            assertThat(taken.status()).isEqualTo(409);
            assertThat(page.locator("#benutzername-fehler").innerText()).contains("gibt es schon");

            // the address: a wrong one at its field, then a new one
            Locator address = page.getByLabel("E-Mail von " + colleague);
            address.fill("kein-at");
            Response wrongAddress = page.waitForResponse(r -> r.url().endsWith("/email"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("E-Mail speichern: " + colleague)).click());
            assertThat(wrongAddress.status()).isEqualTo(422);
            assertThat(row.locator("p.error").innerText()).contains("name@firma.de");
            page.getByLabel("E-Mail von " + colleague).fill(colleague + "@neu.example.org");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("E-Mail speichern: " + colleague)).click();
            page.waitForURL(platform.url("/mein-bereich/firma/konten"));
            assertThat(page.getByRole(AriaRole.STATUS).first().innerText()).contains("ist geändert");
            assertThat(page.getByLabel("E-Mail von " + colleague).inputValue()).isEqualTo(colleague + "@neu.example.org");

            // she lost the first password: a new one, the old one void
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Neues Einmal-Passwort für " + colleague)).click();
            page.waitForURL(platform.url("/mein-bereich/firma/konten"));
            String second = page.locator("#einmal-passwort").innerText().strip();
            assertThat(second).isNotEqualTo(first);

            Page phone = colleaguesPhone.newPage();
            phone.navigate(platform.url("/mein-bereich/firma/konten"));
            SignIn.submit(phone, colleague, second);
            phone.waitForURL(url -> url.contains("/oauth2/password"));
            phone.getByLabel("Neues Passwort (mindestens 12 Zeichen)").fill(NewCompany.OWN_PASSWORD);
            phone.getByLabel("Neues Passwort wiederholen").fill(NewCompany.OWN_PASSWORD);
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort speichern")).click();
            phone.waitForURL(platform.url("/mein-bereich/firma/konten"));
            assertThat(phone.locator("main").innerText()).contains("verwalten die Administratorinnen und Administratoren")
                    .doesNotContain(company.username());
            Browsers.assertNoHorizontalScroll(phone);

            // disabled after the confirming page: the list says so, her next login is refused
            row.getByText("Deaktivieren …").click();
            page.waitForURL(url -> url.endsWith("/deaktivieren"));
            assertThat(page.locator("main").innerText()).contains(colleague, "nicht mehr anmelden");
            Browsers.assertAccessible(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Konto deaktivieren")).click();
            page.waitForURL(platform.url("/mein-bereich/firma/konten"));
            assertThat(page.locator("table.firma-konten tbody tr").filter(new Locator.FilterOptions().setHasText(colleague)).innerText())
                    .contains("deaktiviert");
            Browsers.screenshot(page, "firma-konten");

            try (BrowserContext again = browsers.phone()) {
                Page retry = again.newPage();
                retry.navigate(platform.url("/mein-bereich/firma"));
                SignIn.submit(retry, colleague, NewCompany.OWN_PASSWORD);
                retry.waitForLoadState();
                assertThat(retry.url()).contains("/oauth2/login");
            }
        }
    }
}
