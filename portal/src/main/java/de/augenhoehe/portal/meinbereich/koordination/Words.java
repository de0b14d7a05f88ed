package de.augenhoehe.portal.meinbereich.koordination;

import java.util.Map;

import org.springframework.stereotype.Component;

import de.augenhoehe.portal.web.Times;

/** The German words of the API's codes on the coordinator's pages (the templates call {@code @words}). */
@Component("words")
class Words {

    static final Map<String, String> STATUS = Map.of("INVITED", "Eingeladen", "APPLIED", "Antrag gestellt",
            "ACTIVE", "Aktiv", "SUSPENDED", "Ruht", "ENDED", "Beendet");

    private static final Map<String, String> KIND = Map.ofEntries(Map.entry("COMPANY", "Unternehmen"),
            Map.entry("EMPLOYMENT_AGENCY", "Agentur für Arbeit"), Map.entry("JOB_CENTRE", "Jobcenter"),
            Map.entry("EMPLOYERS_ASSOCIATION", "Arbeitgeberverband"), Map.entry("UNION", "Gewerkschaft"),
            Map.entry("CHAMBER_OF_COMMERCE", "Industrie- und Handelskammer"), Map.entry("CHAMBER_OF_CRAFTS", "Handwerkskammer"),
            Map.entry("MUNICIPALITY", "Gemeinde"), Map.entry("DISTRICT", "Landkreis"), Map.entry("SCHOOL", "Schule"),
            Map.entry("VOCATIONAL_SCHOOL", "Berufsschule"), Map.entry("UNIVERSITY", "Hochschule"),
            Map.entry("CHARITY", "Wohlfahrtsverband"), Map.entry("EDUCATION_PROVIDER", "Bildungsträger"),
            Map.entry("OTHER", "Sonstige"));

    private static final Map<String, String> CATEGORY = Map.ofEntries(Map.entry("VACANCIES", "Stellen angeboten"),
            Map.entry("INTERNSHIP_PLACES", "Praktikumsplätze"), Map.entry("PROJECT_DAYS", "Projekttage"),
            Map.entry("PUPIL_PLACES", "Plätze für Schülerinnen und Schüler"), Map.entry("COURSE_PLACES", "Kursplätze"),
            Map.entry("MEASURES", "Maßnahmen"), Map.entry("ROOMS_INFRASTRUCTURE", "Räume und Ausstattung"),
            Map.entry("STAFF_HOURS", "Personalstunden"), Map.entry("EXPERTISE", "Fachwissen"), Map.entry("FUNDING", "Förderung"),
            Map.entry("DATA", "Daten und Berichte"), Map.entry("OUTREACH_CHANNELS", "Kanäle der Ansprache"),
            Map.entry("VACANCIES_FILLED", "Stellen besetzt"), Map.entry("CLIENTS_PLACED", "Menschen vermittelt"),
            Map.entry("APPRENTICES_TRAINED", "Auszubildende gewonnen"), Map.entry("PARTICIPANTS_SENT", "Teilnehmende gewonnen"),
            Map.entry("RETURNEES_HIRED", "Rückkehrende eingestellt"));

    private static final Map<String, String> UNIT = Map.ofEntries(Map.entry("vacancies", "Stellen"), Map.entry("places", "Plätze"),
            Map.entry("days", "Tage"), Map.entry("measures", "Maßnahmen"), Map.entry("rooms", "Räume"), Map.entry("hours", "Stunden"),
            Map.entry("EUR", "Euro"), Map.entry("reports", "Berichte"), Map.entry("channels", "Kanäle"), Map.entry("people", "Personen"),
            Map.entry("apprentices", "Auszubildende"), Map.entry("participants", "Teilnehmende"), Map.entry("returnees", "Rückkehrende"));

    static final Map<String, String> VOTE = Map.of("YES", "Ja", "NO", "Nein", "ABSTAIN", "Enthaltung");

    static final Map<String, String> RESULT = Map.of("ADOPTED", "Angenommen", "REJECTED", "Abgelehnt",
            "NO_QUORUM", "Nicht beschlussfähig");

    private static final Map<String, String> MAJORITY = Map.of("SIMPLE", "einfache Mehrheit (mehr Ja als Nein)",
            "TWO_THIRDS", "Zweidrittelmehrheit (Ja mindestens zwei Drittel von Ja und Nein)",
            "UNANIMOUS", "Einstimmigkeit (mindestens ein Ja, kein Nein)");

    public String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    public String kind(String code) {
        return KIND.getOrDefault(code, code);
    }

    public String category(String code) {
        return CATEGORY.getOrDefault(code, code);
    }

    public String unit(String code) {
        return UNIT.getOrDefault(code, code);
    }

    /** One line of a balance: what, pledged and realised, in its one unit. */
    public String line(tools.jackson.databind.JsonNode line) {
        return category(line.path("category").asString("")) + ": " + line.path("pledged").asString("0") + " zugesagt, "
                + line.path("realised").asString("0") + " verwirklicht (" + unit(line.path("unit").asString("")) + ")";
    }

    /** A list of texts (a group's topics) in one line. */
    public String joined(tools.jackson.databind.JsonNode texts) {
        java.util.List<String> all = new java.util.ArrayList<>();
        texts.forEach(t -> all.add(t.asString("")));
        return String.join(", ", all);
    }

    public String vote(String code) {
        return VOTE.getOrDefault(code, code);
    }

    public String result(String code) {
        return RESULT.getOrDefault(code, code);
    }

    public String majority(String code) {
        return MAJORITY.getOrDefault(code, code);
    }

    public String groupKind(String code) {
        return "EXPERT_CIRCLE".equals(code) ? "Expertenkreis" : "Arbeitsgruppe";
    }

    /** The quorum in words: a share of the eligible member partners (rounded up) or a number of partners. */
    public String quorum(tools.jackson.databind.JsonNode quorum) {
        String kind = quorum.path("kind").asString("");
        double value = quorum.path("value").asDouble(0);
        if ("COUNT".equals(kind)) {
            return "mindestens " + (long) value + " Partner stimmen ab (Enthaltungen zählen mit)";
        }
        return "mindestens " + Math.round(value * 100) + " % der stimmberechtigten Partner stimmen ab, aufgerundet (Enthaltungen zählen mit)";
    }

    /** A date-time of the API (an instant) as people in the networks read it: local time in Germany. */
    public String when(String instant) {
        return Times.when(instant);
    }
}
