package de.augenhoehe.portal.netzwerke;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** One measure or vacancy on the network page: its title, its page, and one line of what matters at a glance. */
public record Teaser(String title, String href, String details) {

    static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** {@code items} of {@code GET /api/measures}: dates and free places. */
    static List<Teaser> measures(JsonNode items) {
        List<Teaser> teasers = new ArrayList<>();
        for (JsonNode m : items) {
            List<String> details = new ArrayList<>();
            String starts = m.path("startsOn").asString("");
            String ends = m.path("endsOn").asString("");
            if (!starts.isEmpty()) {
                details.add(date(starts) + (ends.isEmpty() || ends.equals(starts) ? "" : " bis " + date(ends)));
            }
            if (m.has("freePlaces")) {
                int free = m.path("freePlaces").asInt();
                details.add(free == 0 ? "ausgebucht" : free == 1 ? "1 Platz frei" : free + " Plätze frei");
            }
            teasers.add(new Teaser(m.path("title").asString(), "/massnahmen/" + m.path("id").asString(), String.join(" · ", details)));
        }
        return teasers;
    }

    /** {@code items} of {@code GET /api/vacancies}: the employer and the place. */
    static List<Teaser> vacancies(JsonNode items) {
        List<Teaser> teasers = new ArrayList<>();
        for (JsonNode v : items) {
            String place = v.path("place").asString("");
            teasers.add(new Teaser(v.path("title").asString(), "/stellen/" + v.path("id").asString(),
                    v.path("employerName").asString("") + (place.isEmpty() ? "" : ", " + place)));
        }
        return teasers;
    }

    private static String date(String iso) {
        return LocalDate.parse(iso).format(GERMAN_DATE);
    }
}
