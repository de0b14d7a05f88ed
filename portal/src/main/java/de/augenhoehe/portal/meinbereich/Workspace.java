package de.augenhoehe.portal.meinbereich;

import java.util.Arrays;
import java.util.List;

import de.augenhoehe.portal.web.SignedIn.Person;

/**
 * The workspaces of the signed-in area and the roles (the token's {@code roles} claim) that open them. The navigation
 * shows only what a person's roles allow; the services still decide what the person may read or change.
 */
public enum Workspace {
    FIRMA("firma", "Stellen meines Unternehmens", "Ihre Stellenanzeigen: Entwürfe, veröffentlichte und beendete.",
            "partner_admin", "partner_staff"),
    MASSNAHMEN("massnahmen", "Maßnahmen anbieten", "Maßnahmen und Termine Ihrer Organisation planen.",
            "partner_admin", "partner_staff"),
    ARBEITSGRUPPEN("arbeitsgruppen", "Arbeitsgruppen und Abstimmungen",
            "Sitzungen, Protokolle und Abstimmungen der Arbeitsgruppen, in denen Ihre Organisation Mitglied ist.",
            "partner_admin", "partner_staff"),
    KOORDINATION("koordination", "Netzwerk koordinieren", "Partner, Mitgliedschaften, Geben und Nehmen, Arbeitsgruppen.",
            "coordinator"),
    MONITOR("monitor", "Arbeitsmarkt-Monitor", "Engpässe, Lücken und Stellen je Kreis und Berufsgruppe, Monat für Monat.",
            "coordinator"),
    KAMPAGNEN("kampagnen", "Kampagnen und Rückkehrende",
            "Rückkehr-Kampagnen, Material mit QR-Codes, der Weg vom Türhänger bis zur Einstellung, Rückkehrende.",
            "coordinator"),
    BETRIEB("betrieb", "Betrieb der Plattform", "Zustand der Dienste, Warteschlangen und Fehler.", "operations");

    final String path;
    final String title;
    final String summary;
    private final List<String> roles;

    Workspace(String path, String title, String summary, String... roles) {
        this.path = path;
        this.title = title;
        this.summary = summary;
        this.roles = List.of(roles);
    }

    public boolean openTo(Person person) {
        return person.hasAnyRole(roles.toArray(String[]::new));
    }

    public String href() {
        return "/mein-bereich/" + path;
    }

    public static List<Workspace> of(Person person) {
        return Arrays.stream(values()).filter(w -> w.openTo(person)).toList();
    }

    // for the templates
    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public String getHref() {
        return href();
    }
}
