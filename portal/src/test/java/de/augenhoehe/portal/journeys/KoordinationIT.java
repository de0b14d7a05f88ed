package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The coordinator's workspace (issue #18): a Heilbronn coordinator admits a company's application, suspends and lifts
 * the membership, reads the network's balance of give and gain, opens a vote in a working group whose representative
 * votes in her own browser with the keyboard alone, and closes it to a result; runs a returnee campaign from its batch's
 * print sheet to a scan in the funnel; the same coordinator is refused every page kind of the Ems-Achse by URL (403,
 * nothing of it shown); every page passes axe on a desktop and a phone.
 */
@Order(1) // among the longest journeys: started first (portal/pom.xml)
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

    static String campaigns(String path) {
        return platform.url("/mein-bereich/kampagnen" + path);
    }

    /**
     * Journey (3)'s campaign part: the coordinator creates a campaign (a wrong form first: the messages at the fields),
     * starts it, adds a batch, downloads its print sheet through the portal (an SVG with the batch's code and landing
     * address, as an attachment), records a distribution; a phone scans the batch's QR code through the gateway and the
     * funnel shows that one scan in its table and its chart; the returnee who signed up there is recorded as returned
     * and hired (a second time: 409 with a German message). Every page passes axe on a desktop and a phone.
     */
    @Test
    void a_coordinator_creates_a_campaign_batch_downloads_its_print_sheet_and_sees_a_scan_in_the_funnel() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "Rückkehrtag Heilbronn " + suffix;
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).toString();
        String code;
        String campaignPath;
        String batchPath;
        try (BrowserContext desktop = browsers.desktop()) {
            Page page = desktop.newPage();
            SignIn.demo(page, platform.url("/mein-bereich"), COORDINATOR);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kampagnen und Rückkehrende").setExact(true)).first().click();
            page.waitForURL(u -> u.endsWith("/mein-bereich/kampagnen/" + HEILBRONN));
            assertThat(page.locator("h1").innerText()).isEqualTo("Rückkehr-Kampagnen");
            Browsers.assertGoodPage(page);

            // an empty form comes back with the messages at the fields, nothing created
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Neue Kampagne anlegen")).click();
            page.waitForURL(u -> u.endsWith("/neu"));
            Browsers.assertGoodPage(page);
            page.getByLabel("Budget in Euro").fill("viel");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kampagne anlegen")).click();
            page.waitForLoadState();
            assertThat(page.locator("#titel-fehler").innerText()).isEqualTo("Bitte geben Sie der Kampagne einen Titel.");
            assertThat(page.locator("#kanaele-fehler").innerText()).isEqualTo("Bitte wählen Sie mindestens einen Kanal.");
            assertThat(page.locator("#budget-fehler").innerText()).startsWith("Bitte geben Sie das Budget in Euro an");
            assertThat(page.locator("#budget").inputValue()).isEqualTo("viel");
            assertThat(page.locator("#titel").getAttribute("aria-describedby")).contains("titel-fehler");
            Browsers.assertGoodPage(page);
            page.getByLabel("Titel", new Page.GetByLabelOptions().setExact(true)).fill(title);
            page.getByLabel("Ziel", new Page.GetByLabelOptions().setExact(true)).fill("Fachkräfte zurückgewinnen, die über die Feiertage zu Besuch sind");
            page.getByLabel("Zielzahl (freiwillig)").fill("25");
            page.getByLabel("Begründung").fill("Engpass in der Metallbearbeitung laut Monitor");
            page.getByLabel("Zielgruppe").fill("Ehemalige Schülerinnen und Schüler der Region");
            page.getByLabel("Türhänger").check();
            page.getByLabel("Zielgebiete (Postleitzahlen)").fill("74072, 74074");
            page.getByLabel("Beginn").fill(today);
            page.getByLabel("Ende", new Page.GetByLabelOptions().setExact(true)).fill(java.time.LocalDate.parse(today).plusMonths(2).toString());
            page.getByLabel("Budget in Euro").fill("1.500,50");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kampagne anlegen")).click();
            page.waitForURL(u -> !u.endsWith("/neu"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).startsWith("Die Kampagne „" + title + "“ ist als Entwurf angelegt.");
            assertThat(page.locator("#kampagne-stand").innerText()).isEqualTo("Entwurf");
            assertThat(page.locator("main").innerText()).contains("1.500,50 Euro", "74072, 74074", "Türhänger", "Zielzahl: 25");
            campaignPath = page.url().substring(page.url().indexOf("/mein-bereich"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kampagne starten")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Die Kampagne „" + title + "“ läuft jetzt.");
            assertThat(page.locator("#kampagne-stand").innerText()).isEqualTo("Läuft");
            Browsers.assertGoodPage(page);
            // a change: the form comes filled as people write the values, the partners stay
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kampagne ändern")).click();
            assertThat(page.locator("#budget").inputValue()).isEqualTo("1500,5");
            page.getByLabel("Budget in Euro").fill("2000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Änderungen speichern")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).isEqualTo("Die Änderungen an der Kampagne sind gespeichert.");
            assertThat(page.locator("main").innerText()).contains("2.000,00 Euro");

            // a batch of door hangers for Böckingen: its own code, its page with the downloads
            page.getByLabel("Gemeinde oder Ortsteil").fill("Heilbronn-Böckingen");
            page.getByLabel("Material", new Page.GetByLabelOptions().setExact(true)).selectOption("DOOR_HANGER");
            page.getByLabel("Menge (Stück)").fill("200");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Charge anlegen")).click();
            page.waitForURL(u -> u.contains("/chargen/"));
            code = page.locator("#charge-code").innerText();
            assertThat(code).matches("[0-9A-Z]{8}");
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).contains("Heilbronn-Böckingen", code);
            batchPath = page.url().substring(page.url().indexOf("/mein-bereich"));
            Browsers.assertGoodPage(page);

            // the print sheet: a download from the portal's own address, an SVG with the code and the landing address
            com.microsoft.playwright.Download sheet = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Druckbogen herunterladen (SVG, A4)")).click());
            assertThat(sheet.url()).isEqualTo(platform.url(batchPath + "/druckbogen.svg"));
            assertThat(sheet.suggestedFilename()).isEqualTo("druckbogen-" + code + ".svg");
            String svg = java.nio.file.Files.readString(sheet.path());
            assertThat(svg).contains("<svg", code, "/r/" + code);
            var headers = page.request().get(platform.url(batchPath + "/druckbogen.svg"));
            assertThat(headers.status()).isEqualTo(200);
            assertThat(headers.headers().get("content-type")).startsWith("image/svg+xml");
            assertThat(headers.headers().get("content-disposition")).startsWith("attachment").contains("druckbogen-" + code + ".svg");
            var png = page.request().get(platform.url(batchPath + "/qr-code.png"));
            assertThat(png.headers().get("content-type")).isEqualTo("image/png");
            assertThat(png.body()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

            // a distribution recorded; more than the batch still holds is refused at the field
            page.getByLabel("Wer hat verteilt?").fill("Ehrenamt Böckingen");
            page.getByLabel("Straßen").fill("Ludwigsburger Straße, Klingenberger Straße");
            page.getByLabel("Am", new Page.GetByLabelOptions().setExact(true)).fill(today);
            page.getByLabel("Menge (Stück)").fill("150");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verteilung erfassen")).click();
            assertThat(page.getByRole(AriaRole.STATUS).innerText())
                    .isEqualTo("Die Verteilung von 150 Stück ist erfasst; verteilt sind jetzt 150 Stück dieser Charge.");
            assertThat(page.locator("#charge-verteilt").innerText()).isEqualTo("150 von 200 Stück");
            page.getByLabel("Wer hat verteilt?").fill("Ehrenamt Böckingen");
            page.getByLabel("Straßen").fill("Hauptstraße");
            page.getByLabel("Am", new Page.GetByLabelOptions().setExact(true)).fill(today);
            page.getByLabel("Menge (Stück)").fill("100");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/verteilungen"), () -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Verteilung erfassen")).click());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(page.locator("#menge-fehler").innerText()).startsWith("So viele Stück hat die Charge nicht mehr");
            assertThat(page.locator("#charge-verteilt").innerText()).isEqualTo("150 von 200 Stück");
            Browsers.assertGoodPage(page);
            page.navigate(platform.url(batchPath));
            Browsers.screenshot(page, "kampagnen-charge");

            // a phone scans the door hanger: through the gateway to the landing page, counted once
            try (BrowserContext phone = browsers.phone()) {
                Page scan = phone.newPage();
                Response landing = scan.navigate(platform.url("/r/" + code));
                assertThat(landing.status()).isEqualTo(200);
                assertThat(scan.url()).contains("code=" + code);
                assertThat(scan.locator("main").innerText()).contains(title);
            }
            // she signs up there and confirms: a returnee of the network
            Returnees.signedUpAndConfirmed(platform, "kampagne-" + suffix + "@example.org", "\"code\":\"" + code + "\"");

            page.navigate(platform.url(campaignPath));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trichter: vom Material bis zur Einstellung")).click();
            page.waitForURL(u -> u.endsWith("/trichter"));
            var row = page.locator("table.kampagnen-trichter tbody tr[data-code=\"" + code + "\"]");
            assertThat(row.locator("td.trichter-gescannt").innerText()).isEqualTo("1");
            assertThat(row.innerText()).contains("150", "0,7 %");
            assertThat(page.locator("svg[role=img] g[data-schritt=scanned] text").allTextContents()).containsExactly("gescannt 1");
            assertThat(page.locator("svg[role=img] g[data-schritt=distributed] text").allTextContents()).containsExactly("verteilt 150");
            assertThat(page.locator("#trichter-gesamt").innerText()).contains("Gescannt\n1", "Bestätigt\n1");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "kampagnen-trichter");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Je Gemeinde")).click();
            page.waitForURL(u -> u.contains("nach=gemeinde"));
            assertThat(page.locator("table.kampagnen-trichter tbody tr").innerText()).startsWith("Heilbronn-Böckingen");
            Browsers.assertGoodPage(page);

            // the returnee who signed up by the door hanger: return and hire recorded, each once
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rückkehrende").setExact(true)).click();
            page.waitForURL(u -> u.endsWith("/rueckkehrende"));
            assertThat(page.locator("main").innerText()).contains("Talea").doesNotContain("Ostendorp", "Oldenburg");
            Browsers.assertGoodPage(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rückkehr von Talea erfassen")).first().click();
            page.waitForURL(u -> u.contains("/rueckkehr?"));
            assertThat(page.locator("h1").innerText()).isEqualTo("Rückkehr erfassen: Talea");
            Browsers.assertGoodPage(page);
            String returnAction = page.locator("form[method=post]").last().getAttribute("action");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Rückkehr erfassen")).click();
            page.waitForURL(u -> u.contains("/rueckkehrende"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).startsWith("Rückkehr erfasst: Talea ist in die Region zurückgekehrt.");
            // the same again (a second tab, a reload): 409 and a German message, nothing counted twice
            String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
            var again = page.request().post(platform.url(returnAction), com.microsoft.playwright.options.RequestOptions.create()
                    .setHeader("X-CSRF-TOKEN", csrf).setMaxRedirects(0));
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.text()).contains("Die Rückkehr dieser Person ist schon erfasst; sie zählt nur einmal.");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Einstellung von Talea erfassen")).first().click();
            page.waitForURL(u -> u.contains("/einstellung?"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Einstellung erfassen")).click();
            assertThat(page.locator("#arbeitgeber-fehler").innerText()).isEqualTo("Bitte wählen Sie, wer eingestellt hat.");
            Browsers.assertGoodPage(page);
            page.getByLabel("Arbeitgeber (aktiver Partner des Netzwerks)").selectOption(
                    new com.microsoft.playwright.options.SelectOption().setLabel("Neckartal Präzisionstechnik GmbH"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ja, Einstellung erfassen")).click();
            page.waitForURL(u -> u.contains("/rueckkehrende"));
            assertThat(page.getByRole(AriaRole.STATUS).innerText()).startsWith("Einstellung erfasst: Talea ist eingestellt.");
            Browsers.assertGoodPage(page);
            Browsers.screenshot(page, "kampagnen-rueckkehrende");
            page.navigate(platform.url(campaignPath + "/trichter"));
            assertThat(page.locator("table.kampagnen-trichter tbody tr[data-code=\"" + code + "\"]").innerText())
                    .contains("1 (1 zurück, 1 eingestellt)");
        }

        // every new page on a phone
        try (BrowserContext phone = browsers.phone()) {
            Page page = phone.newPage();
            SignIn.demo(page, campaigns("/" + HEILBRONN), COORDINATOR);
            // the form to create a campaign is the form to change one, the funnel per municipality the funnel's template
            for (String path : List.of(campaigns("/" + HEILBRONN), platform.url(campaignPath + "/bearbeiten"), platform.url(campaignPath),
                    platform.url(batchPath), platform.url(campaignPath + "/trichter"), campaigns("/" + HEILBRONN + "/rueckkehrende"))) {
                Response shown = page.navigate(path);
                assertThat(shown.status()).as(path).isEqualTo(200);
                Browsers.assertGoodPage(page);
            }
            page.navigate(platform.url(campaignPath));
            Browsers.screenshot(page, "kampagnen-kampagne-phone");
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
                paced();
                Response refused = page.navigate(workspace(path));
                assertThat(refused.status()).as(path).isEqualTo(403);
                String shown = page.title() + page.locator("body").innerText();
                assertThat(secrets).as(path).noneMatch(shown::contains);
            }
            Browsers.assertAccessible(page);
            // the campaign pages likewise, the download of a print sheet too
            JsonNode emsCampaign = json(platform.call(emsToken, "GET", "/api/campaigns?networkId=" + EMS_ACHSE + "&size=1", null))
                    .get("items").get(0);
            String emsCampaignId = emsCampaign.get("id").asString();
            String emsBatch = json(platform.call(emsToken, "GET", "/api/campaigns/" + emsCampaignId + "/batches", null)).get(0).get("id").asString();
            for (String path : List.of("/" + EMS_ACHSE, "/" + EMS_ACHSE + "/neu", "/" + EMS_ACHSE + "/rueckkehrende",
                    "/" + EMS_ACHSE + "/" + emsCampaignId, "/" + EMS_ACHSE + "/" + emsCampaignId + "/trichter",
                    "/" + EMS_ACHSE + "/" + emsCampaignId + "/chargen/" + emsBatch,
                    "/" + EMS_ACHSE + "/" + emsCampaignId + "/chargen/" + emsBatch + "/druckbogen.svg")) {
                paced();
                Response refused = page.navigate(campaigns(path));
                assertThat(refused.status()).as(path).isEqualTo(403);
                String shown = page.title() + page.locator("body").innerText();
                assertThat(secrets).as(path).noneMatch(shown::contains);
                assertThat(shown).as(path).doesNotContain(emsCampaign.get("title").asString());
            }
            Response foreignCampaign = page.navigate(campaigns("/" + HEILBRONN + "/" + emsCampaignId + "/trichter"));
            assertThat(foreignCampaign.status()).isEqualTo(404);
            assertThat(page.title() + page.locator("body").innerText()).doesNotContain(emsCampaign.get("title").asString());
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

    /**
     * A person's pace between pages of a long list of addresses: the browser's requests to the portal pass the gateway
     * as anonymous ones (a session cookie is no token), limited per address to 60 at once and 10 a second — a robot
     * opening 30 pages with their assets in a few seconds got 429 where it expected 403/404.
     */
    private static void paced() {
        RunningPlatform.sleep(600);
    }
}
