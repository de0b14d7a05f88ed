package de.augenhoehe.portal.meinbereich.betrieb;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One dead letter as the ops API lists it (no event data: that stays on the topic): where it lies ({@code topic} is
 * the dead-letter topic, e.g. {@code outreach-events.DLT}), what it was, the error, and whether it was already redriven
 * successfully.
 */
public record Totbrief(String dienst, String topic, int partition, long offset, String urspruenglichesTopic, String typ,
        String ereignisId, String betreff, String fehlerArt, String fehler, Instant zeit, boolean erneutAngewandt) {

    static Totbrief aus(String dienst, JsonNode letter) {
        return new Totbrief(dienst, letter.path("topic").asString(""), letter.path("partition").asInt(0),
                letter.path("offset").asLong(0), letter.path("originalTopic").asString("–"), letter.path("eventType").asString("–"),
                letter.path("eventId").asString("–"), letter.path("subject").asString("–"), letter.path("exceptionClass").asString("–"),
                letter.path("error").asString("–"), Anzeige.instant(letter.path("deadLetteredAt").asString(null)),
                letter.path("redriven").asBoolean(false));
    }

    boolean ist(String topic, int partition, long offset) {
        return this.topic.equals(topic) && this.partition == partition && this.offset == offset;
    }

    /** The confirmation page of its redrive. */
    public String bestaetigung() {
        return "/mein-bereich/betrieb/dead-letters/" + dienst + "/" + topic + "/" + partition + "/" + offset;
    }

    /** A stable id for its link, so that htmx keeps the keyboard focus on it when the part is refreshed. */
    public String anker() {
        return "dl-" + dienst + "-" + topic.replaceAll("[^A-Za-z0-9-]", "-") + "-" + partition + "-" + offset;
    }

    public String zeitText() {
        return Anzeige.zeit(zeit);
    }

    /** The error's kind without its package: what an operator searches the logs for. */
    public String fehlerKurz() {
        int dot = fehlerArt.lastIndexOf('.');
        return dot < 0 ? fehlerArt : fehlerArt.substring(dot + 1);
    }
}
