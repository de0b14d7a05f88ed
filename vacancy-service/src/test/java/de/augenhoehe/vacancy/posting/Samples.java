package de.augenhoehe.vacancy.posting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Valid postings over the demo reference subset (KldB 26112 Mechatronik, 74172 Neckarsulm, …), changed per test. */
final class Samples {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));

    private Samples() {
    }

    static Map<String, Object> posting() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Mechatroniker/in (m/w/d) Instandhaltung");
        m.put("description", "Wir suchen Verstärkung für die Instandhaltung unserer Fertigungslinien in Neckarsulm.\nSchichtarbeit, Tarifbindung.");
        m.put("type", "JOB");
        m.put("kldb", "26112");
        m.put("postalCode", "74172");
        m.put("workingTime", "FULL_TIME");
        m.put("remoteShare", 0);
        m.put("fixedTerm", false);
        m.put("startDate", TODAY.plusDays(30).toString());
        m.put("validThrough", TODAY.plusDays(60).toString());
        m.put("openings", 2);
        m.put("qualificationLevel", "VOCATIONAL");
        m.put("germanLevel", "B1");
        m.put("foreignQualificationsWelcome", true);
        m.put("drivingLicence", "B");
        m.put("salaryMin", 3200);
        m.put("salaryMax", 3900);
        m.put("salaryPeriod", "MONTH");
        m.put("applicationUrl", "https://karriere.example.de/stellen/4711");
        m.put("temporaryAgency", false);
        return m;
    }

    static Map<String, Object> with(Object... keyValues) {
        Map<String, Object> m = posting();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                m.remove((String) keyValues[i]);
            } else {
                m.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return m;
    }

    static String json(Object value) {
        return Http.JSON.writeValueAsString(value);
    }
}
