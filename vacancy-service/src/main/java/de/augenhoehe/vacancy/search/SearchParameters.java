package de.augenhoehe.vacancy.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.vacancy.referencedata.ReferenceData;

/** Turns the raw query parameters into {@link SearchCriteria}; anything it cannot use is a 400 problem. */
@Component
class SearchParameters {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final int MAX_RADIUS_KM = 200;
    static final int MAX_TEXT = 200;
    static final int MAX_VALUES = 20;

    static final Set<String> TYPES = Set.of("JOB", "APPRENTICESHIP", "DUAL_STUDY", "INTERNSHIP", "PROJECT_DAY", "WORKING_STUDENT");
    static final Set<String> WORKING_TIMES = Set.of("FULL_TIME", "PART_TIME", "MINI_JOB");
    static final Set<String> GERMAN_LEVELS = Set.of("A1", "A2", "B1", "B2", "C1", "C2");
    private static final Pattern KLDB_PREFIX = Pattern.compile("[0-9]{2,5}");
    private static final Pattern KREIS = Pattern.compile("[0-9]{5}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");

    /** The parameters as the client sent them (all optional). */
    record Raw(String q, List<String> type, String kldb, String postalCode, String radiusKm, List<String> kreis,
            String network, String startFrom, List<String> workingTime, String fixedTerm, String maxGermanLevel,
            String withoutTemporaryAgencies, String publishedWithinDays, String sort, String size, String facets) {
    }

    private final ReferenceData referenceData;

    SearchParameters(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    SearchCriteria parse(Raw raw) {
        String text = blankToNull(raw.q());
        if (text != null && text.length() > MAX_TEXT) {
            throw ProblemException.invalidParameter("q has at most " + MAX_TEXT + " characters");
        }
        List<String> types = values("type", raw.type(), TYPES);
        List<String> workingTimes = values("workingTime", raw.workingTime(), WORKING_TIMES);

        String kldb = blankToNull(raw.kldb());
        if (kldb != null) {
            if (!KLDB_PREFIX.matcher(kldb).matches()) {
                throw ProblemException.invalidParameter("kldb is a KldB 2010 code or prefix of 2 to 5 digits, not '" + abbreviate(kldb) + "'");
            }
            if (!referenceData.isOccupationPrefix(kldb)) {
                throw ProblemException.invalidParameter("No KldB 2010 position starts with " + kldb);
            }
        }

        SearchCriteria.Origin origin = null;
        String postalCode = blankToNull(raw.postalCode());
        if (postalCode != null) {
            if (!POSTAL_CODE.matcher(postalCode).matches()) {
                throw ProblemException.invalidParameter("postalCode has five digits, not '" + abbreviate(postalCode) + "'");
            }
            ReferenceData.PostalCodeArea area = referenceData.postalCode(postalCode)
                    .orElseThrow(() -> ProblemException.invalidParameter("The postal code " + postalCode + " is unknown"));
            origin = new SearchCriteria.Origin(postalCode, area.latitude(), area.longitude());
        }
        Integer radius = integer("radiusKm", raw.radiusKm(), 1, MAX_RADIUS_KM);
        if (radius != null && origin == null) {
            throw ProblemException.invalidParameter("radiusKm needs a postalCode to measure from");
        }

        List<String> kreise = new ArrayList<>();
        for (String k : list(raw.kreis())) {
            if (!KREIS.matcher(k).matches()) {
                throw ProblemException.invalidParameter("kreis is a 5-digit Kreisschlüssel, not '" + abbreviate(k) + "'");
            }
            if (!kreise.contains(k)) {
                kreise.add(k);
            }
        }
        if (kreise.size() > MAX_VALUES) {
            throw ProblemException.invalidParameter("At most " + MAX_VALUES + " values of kreis");
        }

        UUID network = null;
        if (blankToNull(raw.network()) != null) {
            try {
                network = UUID.fromString(raw.network().trim());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter("network is a network id (UUID)");
            }
        }
        LocalDate startFrom = null;
        if (blankToNull(raw.startFrom()) != null) {
            try {
                startFrom = LocalDate.parse(raw.startFrom().trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidParameter("startFrom is a date (YYYY-MM-DD)");
            }
        }
        Boolean fixedTerm = bool("fixedTerm", raw.fixedTerm());
        String german = blankToNull(raw.maxGermanLevel());
        if (german != null && !GERMAN_LEVELS.contains(german)) {
            throw ProblemException.invalidParameter("maxGermanLevel is one of A1, A2, B1, B2, C1, C2");
        }
        boolean withoutAgencies = Boolean.TRUE.equals(bool("withoutTemporaryAgencies", raw.withoutTemporaryAgencies()));
        Integer days = integer("publishedWithinDays", raw.publishedWithinDays(), 1, 365);
        int size = integer("size", raw.size(), 1, MAX_SIZE) instanceof Integer s ? s : DEFAULT_SIZE;
        boolean facets = Boolean.TRUE.equals(bool("facets", raw.facets()));

        SearchCriteria.Sort sort;
        String sortValue = blankToNull(raw.sort());
        if (sortValue == null) {
            sort = text != null ? SearchCriteria.Sort.RELEVANCE : SearchCriteria.Sort.DATE;
        } else {
            sort = switch (sortValue) {
                case "relevance" -> SearchCriteria.Sort.RELEVANCE;
                case "date" -> SearchCriteria.Sort.DATE;
                case "distance" -> SearchCriteria.Sort.DISTANCE;
                default -> throw ProblemException.invalidParameter("sort is relevance, date or distance");
            };
        }
        if (sort == SearchCriteria.Sort.RELEVANCE && text == null) {
            throw ProblemException.invalidParameter("sort=relevance needs a search text q");
        }
        if (sort == SearchCriteria.Sort.DISTANCE && origin == null) {
            throw ProblemException.invalidParameter("sort=distance needs a postalCode");
        }
        return new SearchCriteria(text, types, kldb, origin, radius, List.copyOf(kreise), network, startFrom, workingTimes,
                fixedTerm, german, withoutAgencies, days, sort, size, facets);
    }

    private static List<String> values(String name, List<String> raw, Set<String> allowed) {
        List<String> out = new ArrayList<>();
        for (String v : list(raw)) {
            if (!allowed.contains(v)) {
                throw ProblemException.invalidParameter(name + " is one of " + allowed.stream().sorted().toList() + ", not '" + abbreviate(v) + "'");
            }
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** Repeated parameters and comma-separated values alike: type=JOB&type=INTERNSHIP or type=JOB,INTERNSHIP. */
    private static List<String> list(List<String> raw) {
        List<String> out = new ArrayList<>();
        if (raw != null) {
            for (String v : raw) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        if (out.size() > MAX_VALUES) {
            throw ProblemException.invalidParameter("At most " + MAX_VALUES + " values per parameter");
        }
        return out;
    }

    private static Integer integer(String name, String raw, int min, int max) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidParameter(name + " is a whole number from " + min + " to " + max);
    }

    private static Boolean bool(String name, String raw) {
        String v = blankToNull(raw);
        if (v == null) {
            return null;
        }
        return switch (v.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidParameter(name + " is true or false");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
