package de.augenhoehe.portal.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The German words for measures-service's codes of a measure (type, target group, Kreis), shared by the public
 * catalogue ({@code massnahmen}) and the host's workspace ({@code meinbereich.anbieten}), which both offer exactly
 * these codes in their forms. The Kreise are those of the demo regions (measures-service ships their postal codes).
 */
public final class MeasureWords {

    public static final Map<String, String> TYPES = ordered(
            "TECHNOLOGY_DAY", "Techniktag",
            "PROJECT_DAY", "Projekttag",
            "INTERNSHIP_PROGRAMME", "Praktikumsprogramm",
            "TECHNICAL_LANGUAGE_TRAINING", "Fachsprachkurs",
            "QUALIFICATION", "Qualifizierung",
            "MENTORING", "Mentoring",
            "JOB_FAIR", "Jobmesse",
            "INFORMATION_EVENT", "Informationsveranstaltung",
            "RETURNEE_EVENT", "Veranstaltung für Rückkehrende",
            "OTHER", "Sonstiges");

    public static final Map<String, String> TARGET_GROUPS = ordered(
            "PUPILS_HAUPTSCHULE", "Schülerinnen und Schüler der Hauptschule",
            "PUPILS_REALSCHULE", "Schülerinnen und Schüler der Realschule",
            "PUPILS_GYMNASIUM", "Schülerinnen und Schüler des Gymnasiums",
            "PUPILS_GEMEINSCHAFTSSCHULE", "Schülerinnen und Schüler der Gemeinschaftsschule",
            "PUPILS_VOCATIONAL_SCHOOL", "Schülerinnen und Schüler der Berufsschule",
            "APPRENTICES", "Auszubildende",
            "MIGRATION_BACKGROUND", "Menschen mit Zuwanderungsgeschichte",
            "JOB_SEEKERS", "Arbeitsuchende",
            "EMPLOYEES", "Beschäftigte",
            "RETURNEES", "Rückkehrende",
            "COMPANIES", "Unternehmen");

    /** The Kreise by name ({@link Kreise}), in the order the filters offer them. */
    public static final Map<String, String> KREISE = Kreise.NAMES;

    private MeasureWords() {
    }

    /** An unmodifiable map of code → words in the order given ({@code "CODE", "Wort", …}): the order of a select box. */
    public static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
