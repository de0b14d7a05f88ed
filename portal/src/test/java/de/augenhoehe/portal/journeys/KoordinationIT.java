package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's workspace (issue #18): a Heilbronn coordinator admits a company's application, suspends and lifts
 * the membership, reads the network's balance of give and gain, opens a vote in a working group whose representative
 * votes in her own browser with the keyboard alone, and closes it to a result; the same coordinator is refused every
 * page kind of the Ems-Achse by URL (403, nothing of it shown); every page passes axe on a desktop and a phone.
 */
class KoordinationIT {

    static final RunningPlatform platform = RunningPlatform.get();
    @RegisterExtension
    static final Browsers browsers = new Browsers();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String HEILBRONN = NetzwerkeIT.HEILBRONN;
    static final String EMS_ACHSE = NetzwerkeIT.EMS_ACHSE;
    static final String COORDINATOR = "demo-koordination-heilbronn";
    /** The demo groups (partner-service's DemoWorkingGroups), each with a closed, adopted decision. */
    static final String HEILBRONN_GROUP = "0d3e4a52-7c1b-4f0e-9a61-0000000000a1";
    static final String EMS_GROUP = "0d3e4a52-7c1b-4f0e-9a61-0000000000a2";

    static String workspace(String path) {
        return platform.url("/mein-bereich/koordination" + path);
    }

    static String firstDecision(String token, String group) {
        return json(platform.call(token, "GET", "/api/working-groups/" + group + "/decisions", null)).get(0).get("id").asString();
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    @Test
    void a_coordinator_admits_an_application_runs_a_vote_to_a_decision_and_reads_the_balance() {
        String coordinatorToken = platform.token("coordinator", "--networks", HEILBRONN);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String companyName = "Koordinationstest " + suffix + " GmbH";
        String companyId = json(platform.call(coordinatorToken, "POST", "/api/partners",
                "{\"name\":\"" + companyName + "\",\"kind\":\"COMPANY\"}")).get("id").asString();
        JsonNode account = json(platform.call(platform.token("operations"), "POST", "/api/partners/" + companyId + "/accounts",
                "{\"username\":\"vertretung-" + suffix + "\",\"roles\":[\"PARTNER_ADMIN\"]}"));
        // the company's administrator applies (a two-sided act: the coordinator cannot apply for it)
        platform.call(platform.token("partner_admin", "--partner-id", companyId), "POST", "/api/networks/" + HEILBRONN + "/memberships",
                "{\"partnerId\":\"" + companyId + "\"}");

        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            SignIn.demo(page, platform.url("/mein-bereich"), COORDINATOR);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Netzwerk koordinieren").setExact(true)).first().click();
            // one network: straight to it, the applications first
            page.waitForURL(u -> u.endsWith("/mein-bereich/koordination/" + HEILBRONN));
            assertThat(page.locator("h1").innerText()).isEqualTo("Partner und Mitgliedschaften");
            assertThat(page.locator("main").innerText()).contains("Netzwerk: Fachkräftenetzwerk Heilbronn", "Antrag gestellt");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "koordination-mitglieder");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(companyName)).click();
            page.waitForURL(u -> u.contains("/mitgliedschaften/"));
            assertThat(page.locator("#mitgliedschaft-stand").innerText()).isEqualTo("Antrag gestellt");
            Browsers.assertGoodPage(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Antrag annehmen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText())
                    .isEqualTo("Der Antrag ist angenommen: " + companyName + " ist jetzt aktives Mitglied des Netzwerks.");
            assertThat(page.locator("#mitgliedschaft-stand").innerText()).isEqualTo("Aktiv");

            // suspended (not without a reason) and lifted again: each step a message, each in the history with its reason
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mitgliedschaft ruhen lassen")).click();
            assertThat(page.locator("#grund-ruhen-fehler").innerText()).isEqualTo("Bitte nennen Sie den Grund, warum die Mitgliedschaft ruhen soll.");
            assertThat(page.locator("#mitgliedschaft-stand").innerText()).isEqualTo("Aktiv");
            Browsers.assertAccessible(page);
            page.getByLabel("Grund für das Ruhen").fill("Beitrag 2026 trotz Mahnung offen");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mitgliedschaft ruhen lassen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Die Mitgliedschaft von " + companyName + " ruht jetzt.");
            assertThat(page.locator("#mitgliedschaft-stand").innerText()).isEqualTo("Ruht");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wieder aufnehmen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo(companyName + " ist wieder aktives Mitglied.");
            assertThat(page.locator("table tbody tr").allInnerTexts()).hasSize(4)
                    .satisfies(rows -> assertThat(rows.get(0)).contains("Antrag gestellt"))
                    .satisfies(rows -> assertThat(rows.get(2)).contains("Ruht", "Beitrag 2026 trotz Mahnung offen"))
                    .satisfies(rows -> assertThat(rows.get(3)).contains("Aktiv"));
            Browsers.assertAccessible(page);

            // the network's balance: the demo company with its lines, the new one without entries, the flags explained
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Geben und Nehmen")).click();
            page.waitForURL(u -> u.contains("/bilanz"));
            String balance = page.locator("main").innerText();
            assertThat(balance).contains("Gibt nur", "Nimmt nur", "Neckartal Präzisionstechnik GmbH");
            assertThat(page.locator("table.koordination-bilanz tr", new Page.LocatorOptions().setHasText(companyName)).innerText())
                    .contains("noch keine Einträge");
            assertThat(page.locator("svg[role=img] text").allTextContents()).contains(companyName, "gibt 0", "nimmt 0");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "koordination-bilanz");
            // a period that is no period: the message at the field, 400, the API not asked
            Response bad = page.navigate(workspace("/" + HEILBRONN + "/bilanz?von=2027-02-01&bis=2027-01-01"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(page.locator("#bis-fehler").innerText()).isEqualTo("Das Ende darf nicht vor dem Anfang liegen.");
            assertThat(page.locator("#bis").getAttribute("aria-describedby")).isEqualTo("bis-fehler");
            Browsers.assertAccessible(page);
            page.navigate(workspace("/" + HEILBRONN + "/bilanz?von=2026-01-01&bis=2030-12-31"));
            assertThat(page.locator("#von").inputValue()).isEqualTo("2026-01-01");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alle Einträge dahinter ansehen")).click();
            page.waitForURL(u -> u.contains("/bilanz/eintraege"));
            assertThat(page.locator("main").innerText()).contains("Neckartal Präzisionstechnik GmbH", "zugesagt");
            Browsers.assertGoodPage(page);

            // a working group formed in the browser (a quorum that is no share: at its field), the company joins it
            String groupName = "AG Koordinationstest " + suffix;
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Arbeitsgruppen").setExact(true)).click();
            page.waitForURL(u -> u.endsWith("/gremien"));
            assertThat(page.locator(".koordination-netzwerk").innerText()).as("the network's heading").contains("Heilbronn");
            Browsers.assertGoodPage(page);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(groupName);
            page.getByLabel("Themen").fill("Ausbildung, Migration");
            page.getByLabel("Zahl oder Prozent").fill("150");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gruppe bilden")).click();
            assertThat(page.locator("#quorumWert-fehler").innerText()).contains("zwischen 1 und 100 Prozent");
            assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).inputValue()).isEqualTo(groupName);
            Browsers.assertAccessible(page);
            page.selectOption("#quorumArt", "COUNT");
            page.getByLabel("Zahl oder Prozent").fill("1");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gruppe bilden")).click();
            page.waitForURL(u -> u.matches(".*/gremien/[0-9a-f-]{36}$"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).contains("Arbeitsgruppe „" + groupName + "“ ist gebildet");
            String groupId = page.url().substring(page.url().lastIndexOf('/') + 1);
            page.selectOption("#partner", new com.microsoft.playwright.options.SelectOption().setLabel(companyName));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Aufnehmen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo(companyName + " ist jetzt Mitgliedspartner der Gruppe und stimmt mit ab.");
            assertThat(page.locator("main").innerText()).contains(companyName, "mindestens 1 Partner stimmen ab");
            // an empty title comes back at the field (422), nothing opened
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abstimmung eröffnen")).click();
            assertThat(page.locator("#titel-fehler").innerText()).isEqualTo("Bitte geben Sie der Abstimmung einen Titel.");
            assertThat(page.locator("main").innerText()).contains("Noch keine Abstimmung.");
            Browsers.assertGoodPage(page);
            page.getByLabel("Titel").fill("Gemeinsamer Ausbildungstag im März");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abstimmung eröffnen")).click();
            page.waitForURL(u -> u.contains("/entscheidungen/"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).contains("„Gemeinsamer Ausbildungstag im März“ ist eröffnet");
            assertThat(page.locator("#abstimmung-beteiligung").innerText()).startsWith("Abgestimmt haben 0 von 1 Mitgliedspartnern");
            Browsers.assertGoodPage(page);
            String decisionUrl = page.url();
            String decisionPath = decisionUrl.substring(decisionUrl.indexOf("/gremien/") + "/gremien".length());

            // the company's representative votes in her own browser, with the keyboard alone
            try (BrowserContext phone = browsers.phone()) {
                Page member = phone.newPage();
                member.navigate(platform.url("/mein-bereich/arbeitsgruppen" + decisionPath));
                SignIn.submit(member, account.get("account").get("username").asString(), account.get("initialPassword").asString());
                member.waitForURL(u -> u.contains("/oauth2/password"));
                String own = "Unser Passwort für die AG " + suffix;
                member.getByLabel("Neues Passwort (mindestens 12 Zeichen)").fill(own);
                member.getByLabel("Neues Passwort wiederholen").fill(own);
                member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort speichern")).click();
                member.waitForURL(u -> u.contains("/mein-bereich"));
                member.navigate(platform.url("/mein-bereich/arbeitsgruppen" + decisionPath));
                assertThat(member.locator("h1").innerText()).isEqualTo("Abstimmung: Gemeinsamer Ausbildungstag im März");
                Browsers.assertGoodPage(member);

                // Tab to the radio group, Space chooses "Ja", arrows move the choice, Tab to the button, Enter sends
                for (int i = 0; i < 60 && !"stimme-ja".equals(member.evaluate("() => document.activeElement.id")); i++) {
                    member.keyboard().press("Tab");
                }
                assertThat(member.evaluate("() => document.activeElement.id")).isEqualTo("stimme-ja");
                member.keyboard().press("Space");
                member.keyboard().press("ArrowDown");
                assertThat(member.locator("#stimme-nein").isChecked()).isTrue();
                member.keyboard().press("ArrowUp");
                assertThat(member.locator("#stimme-ja").isChecked()).isTrue();
                member.keyboard().press("Tab");
                assertThat(member.evaluate("() => document.activeElement.textContent.trim()")).isEqualTo("Stimme abgeben");
                member.keyboard().press("Enter");
                member.waitForLoadState();
                assertThat(member.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Ihre Stimme „Ja“ ist gezählt. Vielen Dank!");
                assertThat(member.locator("#eigene-stimme").innerText()).contains("mit „Ja“ abgestimmt");
                assertThat(member.locator("input[name=stimme]").count()).as("one vote per partner: no second form").isZero();
                Browsers.assertGoodPage(member);
                Browsers.screenshot(member, "koordination-abstimmung");
                // the member's list of groups and the group page (phone)
                member.navigate(platform.url("/mein-bereich/arbeitsgruppen"));
                assertThat(member.locator("main").innerText()).contains(groupName);
                Browsers.assertGoodPage(member);
                member.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).click();
                assertThat(member.locator("main").innerText()).contains("Gemeinsamer Ausbildungstag im März", "offen")
                        .doesNotContain("Neue Abstimmung eröffnen");
                Browsers.assertGoodPage(member);
            }

            // the coordinator sees the vote, closes it, and the result stands with its numbers
            page.reload();
            assertThat(page.locator("#abstimmung-beteiligung").innerText()).startsWith("Abgestimmt haben 1 von 1 Mitgliedspartnern");
            assertThat(page.locator("table tbody tr").innerText()).contains(companyName, "Ja");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Abstimmung schließen und auszählen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo(
                    "Die Abstimmung ist geschlossen. Ergebnis: Angenommen (1 Ja, 0 Nein, 0 Enthaltungen von 1 Stimmberechtigten).");
            assertThat(page.locator("#ergebnis").innerText()).contains("Ergebnis: Angenommen", "Die Gruppe war beschlussfähig.");
            assertThat(page.locator("#abstimmung-stand").innerText()).isEqualTo("geschlossen");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "koordination-abstimmung-ergebnis");

            // a meeting: scheduled with its agenda (a missing place at its field), then the minutes written; a second
            // tab's older save is refused with the stored minutes shown and its own text kept
            page.navigate(workspace("/" + HEILBRONN + "/gremien/" + groupId));
            page.getByLabel("Tag", new Page.GetByLabelOptions().setExact(true)).fill("2027-03-15");
            page.getByLabel("Uhrzeit").fill("16:00");
            page.getByLabel("Tagesordnung").fill("Begrüßung\nAusbildungstag: Aufgaben verteilen\n\nVerschiedenes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sitzung ansetzen")).click();
            assertThat(page.locator("#ort-fehler").innerText()).isEqualTo("Bitte geben Sie den Ort an.");
            assertThat(page.getByLabel("Tagesordnung").inputValue()).contains("Ausbildungstag: Aufgaben verteilen");
            Browsers.assertAccessible(page);
            page.getByLabel("Ort", new Page.GetByLabelOptions().setExact(true)).fill("IHK Heilbronn-Franken, Raum 2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sitzung ansetzen")).click();
            page.waitForURL(u -> u.contains("/sitzungen/"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Die Sitzung am 15.03.2027, 16:00 Uhr ist angesetzt.");
            assertThat(page.locator("ol li").allInnerTexts()).containsExactly("Begrüßung", "Ausbildungstag: Aufgaben verteilen", "Verschiedenes");
            Browsers.assertGoodPage(page);
            String meetingUrl = page.url();
            Page second = page.context().newPage();
            second.navigate(meetingUrl);
            page.getByLabel("Protokoll der Sitzung").fill("Der Ausbildungstag ist beschlossen; die Kammer lädt ein.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Protokoll speichern")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Das Protokoll ist gespeichert.");
            Browsers.screenshot(page, "koordination-sitzung");
            second.getByLabel("Protokoll der Sitzung").fill("Mein Entwurf aus dem zweiten Fenster.");
            second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Protokoll speichern")).click();
            assertThat(second.locator("#protokoll-konflikt").innerText()).contains("Der Ausbildungstag ist beschlossen; die Kammer lädt ein.");
            assertThat(second.getByLabel("Protokoll der Sitzung").inputValue()).isEqualTo("Mein Entwurf aus dem zweiten Fenster.");
            Browsers.assertAccessible(second);
            JsonNode stored = json(platform.call(coordinatorToken, "GET", "/api/working-groups/" + groupId + "/meetings/"
                    + meetingUrl.substring(meetingUrl.lastIndexOf('/') + 1), null));
            assertThat(stored.get("minutes").asString()).as("nothing overwritten unseen").isEqualTo("Der Ausbildungstag ist beschlossen; die Kammer lädt ein.");
            second.close();
        }
    }

    @Test
    void a_heilbronn_coordinator_cannot_reach_an_ems_achse_page_by_url() {
        String emsToken = platform.token("coordinator", "--networks", EMS_ACHSE);
        JsonNode emsGroup = json(platform.call(emsToken, "GET", "/api/working-groups/" + EMS_GROUP, null));
        String emsGroupId = emsGroup.get("id").asString();
        String emsDecision = firstDecision(emsToken, EMS_GROUP);
        String emsMembership = json(platform.call(emsToken, "GET", "/api/networks/" + EMS_ACHSE + "/memberships?size=1", null))
                .get("items").get(0).get("id").asString();
        List<String> emsPages = List.of("/" + EMS_ACHSE, "/" + EMS_ACHSE + "?stand=ACTIVE", "/" + EMS_ACHSE + "/mitgliedschaften/" + emsMembership,
                "/" + EMS_ACHSE + "/bilanz", "/" + EMS_ACHSE + "/bilanz/eintraege", "/" + EMS_ACHSE + "/gremien",
                "/" + EMS_ACHSE + "/gremien/" + emsGroupId, "/" + EMS_ACHSE + "/gremien/" + emsGroupId + "/entscheidungen/" + emsDecision);
        // what would betray the other network: its name, its partners, its group
        List<String> secrets = List.of("Ems", "Nordhorn", "Schiffbau", emsGroup.get("name").asString());

        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            SignIn.demo(page, workspace(""), COORDINATOR);
            assertThat(page.locator("main").innerText()).contains("Fachkräftenetzwerk Heilbronn");
            for (String path : emsPages) {
                Response refused = page.navigate(workspace(path));
                assertThat(refused.status()).as(path).isEqualTo(403);
                String shown = page.title() + page.locator("body").innerText();
                assertThat(secrets).as(path).noneMatch(shown::contains);
            }
            Browsers.assertAccessible(page);
            // the other network's group under the own network's address: it does not exist for him (404), nothing shown
            Response foreign = page.navigate(workspace("/" + HEILBRONN + "/gremien/" + emsGroupId));
            assertThat(foreign.status()).isEqualTo(404);
            String shown = page.title() + page.locator("body").innerText();
            assertThat(secrets).noneMatch(shown::contains);
            // a change by POST with the other network's id: refused too, nothing changed
            page.navigate(workspace("/" + HEILBRONN));
            String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
            var post = page.request().post(workspace("/" + EMS_ACHSE + "/mitgliedschaften/" + emsMembership + "/ruhen"),
                    com.microsoft.playwright.options.RequestOptions.create().setHeader("X-CSRF-TOKEN", csrf).setMaxRedirects(0));
            assertThat(post.status()).isEqualTo(403);
            assertThat(json(platform.call(emsToken, "GET", "/api/networks/" + EMS_ACHSE + "/memberships/" + emsMembership, null))
                    .get("status").asString()).isEqualTo("ACTIVE");
        }
    }

    @Test
    void every_page_of_the_workspace_works_on_a_phone() {
        String token = platform.token("coordinator", "--networks", HEILBRONN);
        String groupId = HEILBRONN_GROUP;
        String decision = firstDecision(token, HEILBRONN_GROUP);
        String membership = json(platform.call(token, "GET", "/api/networks/" + HEILBRONN + "/memberships?status=ACTIVE&size=1", null))
                .get("items").get(0).get("id").asString();
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            SignIn.demo(page, workspace(""), COORDINATOR);
            for (String path : List.of("/" + HEILBRONN + "?stand=ACTIVE", "/" + HEILBRONN + "/mitgliedschaften/" + membership,
                    "/" + HEILBRONN + "/bilanz", "/" + HEILBRONN + "/bilanz/eintraege", "/" + HEILBRONN + "/gremien",
                    "/" + HEILBRONN + "/gremien/" + groupId, "/" + HEILBRONN + "/gremien/" + groupId + "/entscheidungen/" + decision)) {
                Response shown = page.navigate(workspace(path));
                assertThat(shown.status()).as(path).isEqualTo(200);
                Browsers.assertGoodPage(page);
            }
            assertThat(page.locator("#ergebnis").innerText()).as("the demo decision is closed and adopted").contains("Angenommen");
            page.navigate(workspace("/" + HEILBRONN + "/bilanz"));
            Browsers.screenshot(page, "koordination-bilanz-phone");
        }
    }
}
