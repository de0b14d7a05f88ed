package de.augenhoehe.portal.massnahmen;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/** What the catalogue and the detail page show of the API's measures, in German words and dates. */
final class MeasureViews {

    private MeasureViews() {
    }

    /** One entry of the catalogue's result list. */
    record Card(String id, String title, String type, String dates, String kreise, String targetGroups, String places) {

        static Card of(JsonNode m) {
            return new Card(text(m, "id"), text(m, "title"), Words.type(text(m, "type")),
                    period(text(m, "startsOn"), text(m, "endsOn")), joined(m.path("kreise"), Words::kreis),
                    joined(m.path("targetGroups"), Words::targetGroup), places(text(m, "status"), m.path("freePlaces").asInt(0)));
        }

        /** Places left only where one can register; otherwise what the status says. */
        private static String places(String status, int free) {
            if (!"OPEN".equals(status)) {
                return Words.status(status);
            }
            return (free == 1 ? "noch 1 Platz frei" : "noch " + free + " Plätze frei") + " – Anmeldung möglich";
        }
    }

    record Session(String date, String time, String place, String kreis) {
    }

    /**
     * The detail page's measure. {@code registrable}: the API would take a registration now (OPEN or FULL, inside the
     * window); otherwise {@code closedNote} says why not.
     */
    record Detail(String id, String title, String description, String type, List<String> targetGroups,
            List<Session> sessions, int capacity, int freePlaces, String status, String statusReason, boolean full,
            boolean registrable, String closedNote, String cost, String funding, String registrationWindow) {

        static Detail of(JsonNode m, Instant now) {
            String status = text(m, "status");
            List<Session> sessions = new ArrayList<>();
            for (JsonNode s : m.path("sessions")) {
                sessions.add(new Session(Words.date(text(s, "date")),
                        Words.time(text(s, "startTime")) + " bis " + Words.time(text(s, "endTime")) + " Uhr",
                        text(s, "place") + ", " + text(s, "postalCode"), Words.kreis(text(s, "kreis"))));
            }
            List<String> groups = new ArrayList<>();
            m.path("targetGroups").forEach(g -> groups.add(Words.targetGroup(g.asString())));
            Instant opens = instant(m, "registrationOpensAt");
            Instant closes = instant(m, "registrationClosesAt");
            String closedNote = closedNote(status, opens, closes, now);
            BigDecimal cost = m.path("costEur").isNumber() ? m.path("costEur").decimalValue() : BigDecimal.ZERO;
            return new Detail(text(m, "id"), text(m, "title"), text(m, "description"), Words.type(text(m, "type")), groups,
                    sessions, m.path("capacity").asInt(0), m.path("freePlaces").asInt(0), Words.status(status),
                    text(m, "statusReason"), "FULL".equals(status), closedNote == null, closedNote,
                    cost.signum() == 0 ? "kostenlos" : cost.stripTrailingZeros().toPlainString().replace('.', ',') + " Euro",
                    text(m, "funding"), window(opens, closes));
        }

        private static String closedNote(String status, Instant opens, Instant closes, Instant now) {
            return switch (status) {
                case "CANCELLED" -> "Diese Maßnahme wurde abgesagt. Eine Anmeldung ist nicht mehr möglich.";
                case "RUNNING", "COMPLETED" -> "Diese Maßnahme hat schon begonnen. Eine Anmeldung ist nicht mehr möglich.";
                case "OPEN", "FULL" -> opens != null && now.isBefore(opens)
                        ? "Die Anmeldung beginnt am " + Words.dateTime(opens) + "."
                        : closes != null && !now.isBefore(closes) ? "Die Anmeldefrist ist vorbei." : null;
                default -> "Die Anmeldung ist noch nicht geöffnet.";
            };
        }

        private static String window(Instant opens, Instant closes) {
            if (closes == null) {
                return "";
            }
            return (opens == null ? "" : "ab " + Words.dateTime(opens) + " ") + "bis " + Words.dateTime(closes);
        }
    }

    static String period(String from, String to) {
        if (from.isEmpty()) {
            return "";
        }
        return to.isEmpty() || to.equals(from) ? Words.date(from) : Words.date(from) + " bis " + Words.date(to);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString("");
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value.isEmpty() ? null : Instant.parse(value);
    }

    private static String joined(JsonNode array, Function<String, String> word) {
        List<String> words = new ArrayList<>();
        array.forEach(v -> words.add(word.apply(v.asString())));
        return String.join(", ", words);
    }
}
