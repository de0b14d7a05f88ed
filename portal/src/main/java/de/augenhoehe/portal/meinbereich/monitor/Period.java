package de.augenhoehe.portal.meinbereich.monitor;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The monitor's period from the page's fields {@code von}/{@code bis} ({@code yyyy-MM}, the month input's value):
 * by default the last twelve months up to the current one. Checked here as measures-service checks it (whole months,
 * the first not after the last, at most 36), so a wrong entry is refused at its field before any call.
 */
record Period(YearMonth from, YearMonth to, Map<String, String> errors) {

    static final int MAX_MONTHS = 36;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Period of(String von, String bis) {
        YearMonth now = YearMonth.now(BERLIN);
        Map<String, String> errors = new LinkedHashMap<>();
        YearMonth to = month(bis, now, "bis", errors);
        YearMonth from = month(von, to.minusMonths(11), "von", errors);
        if (errors.isEmpty() && to.isBefore(from)) {
            errors.put("bis", "Der letzte Monat darf nicht vor dem ersten liegen.");
        } else if (errors.isEmpty() && from.plusMonths(MAX_MONTHS - 1).isBefore(to)) {
            errors.put("bis", "Höchstens " + MAX_MONTHS + " Monate auf einmal.");
        }
        return new Period(from, to, Map.copyOf(errors));
    }

    private static YearMonth month(String value, YearMonth otherwise, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            YearMonth month = YearMonth.parse(value.strip());
            if (month.getYear() < 2000 || month.getYear() > 2100) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return month;
        } catch (DateTimeParseException e) {
            errors.put(field, "Bitte einen Monat angeben, z. B. 2026-03.");
            return otherwise;
        }
    }

    boolean valid() {
        return errors.isEmpty();
    }
}
