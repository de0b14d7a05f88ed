package de.augenhoehe.portal.stellen;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The API's codes in plain German, as the pages show them. */
final class Labels {

    static final Map<String, String> TYPES = ordered(
            "JOB", "Job", "APPRENTICESHIP", "Ausbildung", "DUAL_STUDY", "Duales Studium",
            "INTERNSHIP", "Praktikum", "PROJECT_DAY", "Projekttag (für Schülerinnen und Schüler)", "WORKING_STUDENT", "Werkstudium");
    static final Map<String, String> WORKING_TIMES = ordered("FULL_TIME", "Vollzeit", "PART_TIME", "Teilzeit", "MINI_JOB", "Minijob");
    static final Map<String, String> GERMAN_LEVELS = ordered(
            "A1", "A1 – wenige Wörter", "A2", "A2 – einfache Sätze", "B1", "B1 – im Alltag gut",
            "B2", "B2 – im Beruf gut", "C1", "C1 – sehr gut", "C2", "C2 – fast wie Muttersprache");
    static final Map<String, String> QUALIFICATIONS = ordered(
            "NONE", "Kein Abschluss nötig", "SCHOOL", "Schulabschluss", "VOCATIONAL", "Abgeschlossene Berufsausbildung",
            "ADVANCED_VOCATIONAL", "Meister, Technikerin oder Fachwirt", "ACADEMIC", "Studium");
    static final Map<String, String> SALARY_PERIODS = Map.of("HOUR", "pro Stunde", "MONTH", "pro Monat", "YEAR", "pro Jahr");
    /** The radius choices of the form; the API allows 1–200 km. */
    static final Map<String, String> RADII = ordered("10", "10 km", "25", "25 km", "50", "50 km", "100", "100 km", "200", "200 km");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMANY);

    private Labels() {
    }

    static String of(Map<String, String> labels, String code) {
        return code == null ? null : labels.getOrDefault(code, code);
    }

    static String date(String iso) {
        return iso == null || iso.isBlank() ? null : LocalDate.parse(iso.substring(0, 10)).format(DATE);
    }

    static String km(double km) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.GERMANY);
        format.setMaximumFractionDigits(1);
        return format.format(km) + " km";
    }

    /**
     * A number of postings as the page shows it: "1.000", and "1.000+" for a lower bound (a wide search is counted over
     * a sample of its matches, vacancy-service's facets.countsAreLowerBounds).
     */
    static String count(long n, boolean lowerBound) {
        return NumberFormat.getIntegerInstance(Locale.GERMANY).format(n) + (lowerBound ? "+" : "");
    }

    /** "18 – 24 € pro Stunde", "3.200 € pro Monat", or null without a salary. */
    static String salary(BigDecimal min, BigDecimal max, String period) {
        if (min == null && max == null || period == null) {
            return null;
        }
        NumberFormat euro = NumberFormat.getNumberInstance(Locale.GERMANY);
        euro.setMinimumFractionDigits(0);
        euro.setMaximumFractionDigits(2);
        String amount = min != null && max != null && min.compareTo(max) != 0 ? euro.format(min) + " – " + euro.format(max)
                : euro.format(min != null ? min : max);
        return amount + " € " + SALARY_PERIODS.getOrDefault(period, "");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
