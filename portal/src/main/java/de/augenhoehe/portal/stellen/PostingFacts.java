package de.augenhoehe.portal.stellen;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Every field of a posting as a German (term, description) pair, in the order a person asks about them. */
record PostingFacts(String term, String description) {

    static List<PostingFacts> of(JsonNode p) {
        List<PostingFacts> facts = new ArrayList<>();
        add(facts, "Art", Labels.of(Labels.TYPES, text(p, "type")));
        add(facts, "Arbeitszeit", Labels.of(Labels.WORKING_TIMES, text(p, "workingTime")));
        add(facts, "Arbeitsort", SearchPage.place(p));
        int remote = p.path("remoteShare").asInt(0);
        add(facts, "Homeoffice", remote == 0 ? null : remote >= 100 ? "Ganz von zu Hause aus möglich" : "Bis zu " + remote + " % der Zeit");
        add(facts, "Vertrag", p.path("fixedTerm").asBoolean(false)
                ? "Befristet" + (text(p, "endDate") == null ? "" : " bis " + Labels.date(text(p, "endDate"))) : "Unbefristet");
        add(facts, "Beginn", text(p, "startDate") == null ? "Ab sofort oder nach Absprache" : Labels.date(text(p, "startDate")));
        add(facts, "Bewerben bis", Labels.date(text(p, "validThrough")));
        int openings = p.path("openings").asInt(1);
        add(facts, "Freie Stellen", openings > 1 ? String.valueOf(openings) : null);
        add(facts, "Gehalt", Labels.salary(SearchPage.decimal(p.path("salaryMin")), SearchPage.decimal(p.path("salaryMax")),
                text(p, "salaryPeriod")));
        add(facts, "Abschluss", Labels.of(Labels.QUALIFICATIONS, text(p, "qualificationLevel")));
        add(facts, "Deutschkenntnisse", text(p, "germanLevel") == null ? "Keine Angabe" : "Mindestens " + Labels.of(Labels.GERMAN_LEVELS, text(p, "germanLevel")));
        add(facts, "Abschluss aus dem Ausland", p.path("foreignQualificationsWelcome").asBoolean(false) ? "Willkommen" : null);
        add(facts, "Führerschein", text(p, "drivingLicence") == null ? null : "Klasse " + text(p, "drivingLicence"));
        add(facts, "Zeitarbeit", p.path("temporaryAgency").asBoolean(false) ? "Ja, Angebot einer Zeitarbeitsfirma" : null);
        add(facts, "Beruf (KldB 2010)", text(p, "kldb"));
        add(facts, "Veröffentlicht am", Labels.date(text(p, "publishedAt")));
        return facts;
    }

    private static void add(List<PostingFacts> facts, String term, String description) {
        if (description != null && !description.isBlank()) {
            facts.add(new PostingFacts(term, description));
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asString();
    }
}
