package de.augenhoehe.portal.meinbereich.anbieten;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.Times;

/** For the templates: the API's dates and sessions in German. Public, so that the templates' expressions may call it. */
public final class Formats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** "15.01.2027", or a dash for a day not known. */
    public String day(JsonNode isoDate) {
        return isoDate.isString() ? LocalDate.parse(isoDate.asString()).format(DAY) : "–";
    }

    /** "06.12.2026, 21:15 Uhr" for an instant of the API, a dash for none. */
    public String when(JsonNode instant) {
        return instant.isString() ? Times.when(instant.asString()) : "–";
    }

    /** "Dienstag, 15.01.2027, 09:00–15:00 Uhr". */
    public String session(JsonNode s) {
        return HostWords.session(s.path("date").asString(), s.path("startTime").asString(), s.path("endTime").asString());
    }
}
