package de.augenhoehe.portal.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A company of a journey's own: new on the platform, an active member of the Heilbronn network (applied with its
 * administrator's token, admitted by the network's coordinator), and its first administrator created by operations with
 * a one-time password — as a real company arrives. vacancy-service learns of the membership from partner-events;
 * {@link #create} waits until it has, so the company may post at once.
 */
record NewCompany(String id, String name, String username, String oneTimePassword) {

    static final String HEILBRONN = "0d3e4a52-7c1b-4f0e-9a61-000000000001";
    static final String OWN_PASSWORD = "Unser Passwort für Augenhöhe";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static NewCompany create(RunningPlatform platform, String nameStart) {
        String coordinator = platform.token("coordinator", "--networks", HEILBRONN);
        String name = nameStart + " " + UUID.randomUUID().toString().substring(0, 8) + " GmbH";
        String id = read(platform.call(coordinator, "POST", "/api/partners", "{\"name\":\"" + name + "\",\"kind\":\"COMPANY\"}"))
                .get("id").asString();
        String admin = platform.token("partner_admin", "--partner-id", id);
        String membership = read(platform.call(admin, "POST", "/api/networks/" + HEILBRONN + "/memberships",
                "{\"partnerId\":\"" + id + "\"}")).get("id").asString();
        platform.call(coordinator, "POST", "/api/networks/" + HEILBRONN + "/memberships/" + membership + "/activate", null);
        String username = "firma-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode account = read(platform.call(platform.token("operations"), "POST", "/api/partners/" + id + "/accounts",
                "{\"username\":\"" + username + "\",\"roles\":[\"PARTNER_ADMIN\"]}"));
        awaitMembershipKnownToVacancies(platform, id);
        return new NewCompany(id, name, username, account.get("initialPassword").asString());
    }

    /** A development token of this company's administrator, for setting a journey's scene through the API. */
    String adminToken(RunningPlatform platform) {
        return platform.token("partner_admin", "--partner-id", id);
    }

    /**
     * The first login on the authorization server's form (the page must be on it): the one-time password, then the
     * company's own; the portal then shows the page asked for.
     */
    void signInFirstTime(Page page) {
        page.getByLabel("Benutzername / Username").fill(username);
        page.getByLabel("Passwort / Password").fill(oneTimePassword);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anmelden / Log in")).click();
        page.waitForURL(url -> url.contains("/oauth2/password"));
        page.getByLabel("Neues Passwort (mindestens 12 Zeichen)").fill(OWN_PASSWORD);
        page.getByLabel("Neues Passwort wiederholen").fill(OWN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Passwort speichern")).click();
        page.waitForURL(url -> url.contains("/mein-bereich"));
    }

    private static void awaitMembershipKnownToVacancies(RunningPlatform platform, String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                if (read(platform.call(null, "GET", "/api/vacancies/employers/" + id, null)).path("networks").size() > 0) {
                    return;
                }
            } catch (AssertionError notYet) {
                // 404 until partner-events brought the company to vacancy-service
            }
            RunningPlatform.sleep(300);
        }
        throw new AssertionError("vacancy-service did not learn of " + id + "'s membership within 60 s");
    }

    private static JsonNode read(String json) {
        JsonNode node = JSON.readTree(json);
        assertThat(node).isNotNull();
        return node;
    }
}
