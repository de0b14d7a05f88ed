package de.augenhoehe.portal.meinbereich.kampagnen;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The German words of outreach-service's codes on the campaign pages (the templates call {@code @kampagnenWorte}). */
@Component("kampagnenWorte")
class Worte {

    /** In the order the form offers them. */
    static final Map<String, String> CHANNEL = ordered("DOOR_HANGER", "Türhänger", "POSTCARD", "Postkarte", "POSTER", "Plakat",
            "EVENT", "Veranstaltung", "SOCIAL_MEDIA", "Soziale Medien", "NEWSPAPER", "Zeitung");

    static final Map<String, String> STATUS = Map.of("DRAFT", "Entwurf", "ACTIVE", "Läuft", "CLOSED", "Abgeschlossen");

    private static final Map<String, String> INTEREST = Map.of("JOB", "Stelle", "APPRENTICESHIP", "Ausbildung",
            "HOUSING", "Wohnen", "CHILDCARE", "Kinderbetreuung", "SCHOOLS", "Schulen", "RETURNEE_EVENTS", "Rückkehr-Treffen");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public Map<String, String> channels() {
        return CHANNEL;
    }

    public String channel(String code) {
        return CHANNEL.getOrDefault(code, code);
    }

    public String status(String code) {
        return STATUS.getOrDefault(code, code);
    }

    public String interest(String code) {
        return INTEREST.getOrDefault(code, code);
    }

    /** A list of codes (channels, interests) in words, in one line. */
    public String channels(tools.jackson.databind.JsonNode codes) {
        java.util.List<String> words = new java.util.ArrayList<>();
        codes.forEach(c -> words.add(channel(c.asString(""))));
        return String.join(", ", words);
    }

    /** Texts of the API (postal codes) in one line. */
    public String joined(tools.jackson.databind.JsonNode texts) {
        java.util.List<String> all = new java.util.ArrayList<>();
        texts.forEach(t -> all.add(t.asString("")));
        return String.join(", ", all);
    }

    public String interests(tools.jackson.databind.JsonNode codes) {
        java.util.List<String> words = new java.util.ArrayList<>();
        codes.forEach(c -> words.add(interest(c.asString(""))));
        return String.join(", ", words);
    }

    /** An ISO date of the API as people read it. */
    public String day(String iso) {
        return iso == null || iso.isBlank() ? "" : DAY.format(LocalDate.parse(iso));
    }

    /** An instant of the API as its day in Germany. */
    public String dayOf(String instant) {
        return instant == null || instant.isBlank() ? "" : DAY.format(Instant.parse(instant).atZone(ZoneId.of("Europe/Berlin")));
    }

    /** A conversion rate of the funnel (0.0123) as a German percentage; none where the step before counted nothing. */
    public String rate(tools.jackson.databind.JsonNode rate) {
        if (rate == null || rate.isMissingNode() || rate.isNull()) {
            return "–";
        }
        return String.format(java.util.Locale.GERMANY, "%.1f %%", rate.asDouble() * 100);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
