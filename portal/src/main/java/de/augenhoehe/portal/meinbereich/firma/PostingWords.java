package de.augenhoehe.portal.meinbereich.firma;

import java.util.LinkedHashMap;
import java.util.Map;

/** The posting's codes in the company's German, and what the page says when the API refuses a field. */
final class PostingWords {

    static final Map<String, String> TYPES = ordered(
            "JOB", "Job", "APPRENTICESHIP", "Ausbildung", "DUAL_STUDY", "Duales Studium", "INTERNSHIP", "Praktikum",
            "PROJECT_DAY", "Projekttag für Schülerinnen und Schüler", "WORKING_STUDENT", "Werkstudium");
    static final Map<String, String> WORKING_TIMES = ordered("FULL_TIME", "Vollzeit", "PART_TIME", "Teilzeit", "MINI_JOB", "Minijob");
    static final Map<String, String> QUALIFICATIONS = ordered(
            "NONE", "Kein Abschluss nötig", "SCHOOL", "Schulabschluss", "VOCATIONAL", "Abgeschlossene Berufsausbildung",
            "ADVANCED_VOCATIONAL", "Meister, Technikerin oder Fachwirt", "ACADEMIC", "Studium");
    static final Map<String, String> GERMAN_LEVELS = ordered("A1", "A1", "A2", "A2", "B1", "B1", "B2", "B2", "C1", "C1", "C2", "C2");
    static final Map<String, String> SALARY_PERIODS = ordered("HOUR", "pro Stunde", "MONTH", "pro Monat", "YEAR", "pro Jahr");
    static final Map<String, String> STATUSES = ordered("DRAFT", "Entwurf", "PUBLISHED", "Veröffentlicht", "FILLED", "Besetzt",
            "EXPIRED", "Abgelaufen", "WITHDRAWN", "Zurückgezogen");

    /** The API's refusal of a field (its message is English), in German at that field. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("title", "Bitte einen Titel ohne spitze Klammern (< >) angeben, höchstens 200 Zeichen."),
            Map.entry("description", "Bitte die Beschreibung als Text ohne HTML-Zeichen wie <b> angeben."),
            Map.entry("type", "Bitte wählen Sie die Art der Stelle."),
            Map.entry("kldb", "Diese KldB-Nummer kennt die Bundesagentur-Liste nicht. Bitte einen fünfstelligen Beruf angeben, zum Beispiel 25212."),
            Map.entry("postalCode", "Diese Postleitzahl kennen wir nicht. Bitte die Postleitzahl des Arbeitsorts prüfen."),
            Map.entry("workingTime", "Bitte wählen Sie die Arbeitszeit."),
            Map.entry("remoteShare", "Bitte eine ganze Zahl von 0 bis 100 angeben."),
            Map.entry("startDate", "Der Beginn darf nicht nach dem Ende liegen."),
            Map.entry("endDate", "Ein Enddatum nur bei befristeten Stellen, und nicht vor dem Beginn."),
            Map.entry("validThrough", "Bitte ein Datum von heute bis höchstens zwei Jahre im Voraus angeben."),
            Map.entry("openings", "Bitte eine Zahl von 1 bis 500 angeben."),
            Map.entry("drivingLicence", "Bitte Führerscheinklassen angeben, zum Beispiel B oder C, CE."),
            Map.entry("salaryMin", "Das Mindestgehalt darf nicht über dem Höchstgehalt liegen."),
            Map.entry("salaryMax", "Das Höchstgehalt darf nicht unter dem Mindestgehalt liegen."),
            Map.entry("salaryPeriod", "Bitte angeben, wofür das Gehalt gilt (Stunde, Monat, Jahr)."),
            Map.entry("applicationUrl", "Bitte eine vollständige Adresse mit https:// angeben — oder eine E-Mail-Adresse für Bewerbungen."),
            Map.entry("applicationEmail", "Bitte eine gültige E-Mail-Adresse angeben."));

    private PostingWords() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
