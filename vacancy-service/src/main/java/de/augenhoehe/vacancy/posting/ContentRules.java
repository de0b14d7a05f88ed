package de.augenhoehe.vacancy.posting;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;

import de.augenhoehe.platform.web.ProblemException;
import de.augenhoehe.platform.web.ProblemType;
import de.augenhoehe.vacancy.posting.PostingCommands.Content;
import de.augenhoehe.vacancy.referencedata.ReferenceData;
import de.augenhoehe.vacancy.referencedata.ReferenceData.PostalCodeArea;

/**
 * Checks a posting's content and resolves its place of work. One instance per request or batch: it caches the
 * reference-data lookups, so a batch of 1,000 postings in a few places asks the database a few times only.
 *
 * <p>Texts are <b>rejected</b>, not sanitised, when they contain markup: a title with {@code <} or {@code >}, a
 * description with something tag-like ({@code <} followed by a letter, {@code /}, {@code !} or {@code ?}). A plain
 * "Gehalt < 3.000 €" in a description stays allowed. What is stored is exactly what the company sent, and clients
 * render it as text; so no stored XSS even if a client forgot to escape a tag-free text.
 */
final class ContentRules {

    /** The platform's {@code validation-failed}, as 422: the request was readable, the posting breaks a rule. */
    static final ProblemType INVALID_POSTING = ProblemType.of(HttpStatus.UNPROCESSABLE_CONTENT, "validation-failed",
            "Ungültige Eingabe / Invalid input");
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 20_000;
    /**
     * Openings of one posting (#16: one PUT claimed 10,000). A company hires at most a few hundred people for one post
     * in one region; a larger need is several postings. The ledger counts a filled posting's openings as given, so the
     * cap also bounds what one claim can add to a balance (claims above 50 are shown to the coordinators there).
     */
    static final int MAX_OPENINGS = 500;
    /** {@link #MAX_OPENINGS} for {@code @Schema(maximum)}, which takes a constant string: the contract declares the same number. */
    static final String MAX_OPENINGS_TEXT = "" + MAX_OPENINGS;
    private static final Pattern KLDB = Pattern.compile("^[0-9]{5}$");
    private static final Pattern POSTAL = Pattern.compile("^[0-9]{5}$");
    private static final Pattern TAG_LIKE = Pattern.compile("<\\s*[A-Za-z/!?]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}$");
    private static final Pattern LICENCE = Pattern.compile("^[A-Z0-9]{1,3}( ?, ?[A-Z0-9]{1,3})*$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    /** Content that passed every rule, with its resolved place and a hash for "unchanged" detection. */
    record Valid(Content content, String postalCode, String place, String kreis, double latitude, double longitude,
            int remoteShare, boolean fixedTerm, int openings, boolean foreignQualificationsWelcome, boolean temporaryAgency,
            String hash) {
    }

    private final ReferenceData reference;
    private final LocalDate today;
    private final Map<String, Optional<PostalCodeArea>> postalCodes = new HashMap<>();
    private final Map<String, Boolean> occupations = new HashMap<>();

    ContentRules(ReferenceData reference, LocalDate today) {
        this.reference = reference;
        this.today = today;
    }

    /** @throws ProblemException 422 {@code validation-failed} with an {@code errors} list (field, message) */
    Valid check(Content c) {
        if (c == null) {
            throw failed(List.of(error("body", "a posting is required")));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        text(errors, "title", c.title(), MAX_TITLE, true);
        text(errors, "description", c.description(), MAX_DESCRIPTION, false);
        if (c.type() == null) {
            errors.add(error("type", "required"));
        }
        if (c.kldb() == null || !KLDB.matcher(c.kldb()).matches()) {
            errors.add(error("kldb", "a KldB 2010 occupation code of 5 digits is required"));
        } else if (!occupations.computeIfAbsent(c.kldb(), k -> reference.occupation(k).filter(o -> o.level() == 5).isPresent())) {
            errors.add(error("kldb", "unknown KldB 2010 occupation " + c.kldb()));
        }
        String postalCode = null, place = null, kreis = null;
        Double lat = c.latitude(), lon = c.longitude();
        if ((lat == null) != (lon == null)) {
            errors.add(error("latitude", "latitude and longitude go together"));
        } else if (lat != null && (!(lat >= 47 && lat <= 55.5) || !(lon >= 5.5 && lon <= 15.5))) {
            errors.add(error("latitude", "coordinates must lie in Germany"));
        }
        if (c.postalCode() != null) {
            if (!POSTAL.matcher(c.postalCode()).matches()) {
                errors.add(error("postalCode", "5 digits"));
            } else {
                Optional<PostalCodeArea> area = postalCodes.computeIfAbsent(c.postalCode(), reference::postalCode);
                if (area.isEmpty()) {
                    errors.add(error("postalCode", "unknown postal code " + c.postalCode()));
                } else {
                    postalCode = area.get().code();
                    place = area.get().place();
                    kreis = area.get().kreisCode();
                    if (lat == null) {
                        lat = area.get().latitude();
                        lon = area.get().longitude();
                    }
                }
            }
        } else if (lat == null) {
            errors.add(error("postalCode", "a postal code or coordinates are required"));
        }
        if (c.workingTime() == null) {
            errors.add(error("workingTime", "required"));
        }
        if (c.remoteShare() != null && (c.remoteShare() < 0 || c.remoteShare() > 100)) {
            errors.add(error("remoteShare", "0 to 100 percent"));
        }
        boolean fixedTerm = Boolean.TRUE.equals(c.fixedTerm());
        if (c.endDate() != null && !fixedTerm) {
            errors.add(error("endDate", "only a fixed-term posting has an end date"));
        }
        if (c.startDate() != null && c.endDate() != null && c.startDate().isAfter(c.endDate())) {
            errors.add(error("startDate", "the start lies after the end"));
        }
        if (c.validThrough() == null) {
            errors.add(error("validThrough", "required"));
        } else if (c.validThrough().isBefore(today)) {
            errors.add(error("validThrough", "lies in the past"));
        } else if (c.validThrough().isAfter(today.plusYears(2))) {
            errors.add(error("validThrough", "at most two years ahead"));
        }
        if (c.openings() != null && (c.openings() < 1 || c.openings() > MAX_OPENINGS)) {
            errors.add(error("openings", "1 to " + MAX_OPENINGS));
        }
        if (c.drivingLicence() != null && (c.drivingLicence().length() > 30 || !LICENCE.matcher(c.drivingLicence()).matches())) {
            errors.add(error("drivingLicence", "licence classes such as B or C, CE"));
        }
        salary(errors, c);
        application(errors, c);
        if (!errors.isEmpty()) {
            throw failed(errors);
        }
        return new Valid(c, postalCode, place, kreis, lat, lon, c.remoteShare() == null ? 0 : c.remoteShare(), fixedTerm,
                c.openings() == null ? 1 : c.openings(), Boolean.TRUE.equals(c.foreignQualificationsWelcome()),
                Boolean.TRUE.equals(c.temporaryAgency()), hash(c));
    }

    private static void text(List<Map<String, String>> errors, String field, String value, int max, boolean title) {
        if (value == null || value.isBlank()) {
            errors.add(error(field, "required"));
        } else if (value.length() > max) {
            errors.add(error(field, "at most " + max + " characters"));
        } else if (title ? value.indexOf('<') >= 0 || value.indexOf('>') >= 0 : TAG_LIKE.matcher(value).find()) {
            errors.add(error(field, "markup (HTML, script) is not allowed; send plain text"));
        } else if (CONTROL.matcher(value).find() || (title && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0))) {
            errors.add(error(field, "control characters are not allowed"));
        }
    }

    private static void salary(List<Map<String, String>> errors, Content c) {
        BigDecimal min = c.salaryMin(), max = c.salaryMax();
        if (min != null && (min.signum() < 0 || min.compareTo(BigDecimal.valueOf(10_000_000)) >= 0 || min.scale() > 2)) {
            errors.add(error("salaryMin", "0 or more, at most two decimals"));
        }
        if (max != null && (max.signum() < 0 || max.compareTo(BigDecimal.valueOf(10_000_000)) >= 0 || max.scale() > 2)) {
            errors.add(error("salaryMax", "0 or more, at most two decimals"));
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            errors.add(error("salaryMin", "above salaryMax"));
        }
        if ((min != null || max != null) && c.salaryPeriod() == null) {
            errors.add(error("salaryPeriod", "required with a salary"));
        }
    }

    private static void application(List<Map<String, String>> errors, Content c) {
        if (c.applicationUrl() == null && c.applicationEmail() == null) {
            errors.add(error("applicationUrl", "an application URL or e-mail address is required"));
        }
        if (c.applicationUrl() != null && !httpUrl(c.applicationUrl())) {
            errors.add(error("applicationUrl", "an absolute http(s) URL of at most 2000 characters"));
        }
        if (c.applicationEmail() != null && (c.applicationEmail().length() > PostingCommands.MAX_APPLICATION_EMAIL || !EMAIL.matcher(c.applicationEmail()).matches())) {
            errors.add(error("applicationEmail", "an e-mail address"));
        }
    }

    private static boolean httpUrl(String value) {
        if (value.length() > PostingCommands.MAX_APPLICATION_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (Exception e) {
            return false;
        }
    }

    static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    static ProblemException failed(List<Map<String, String>> errors) {
        return INVALID_POSTING.exception("The posting has invalid fields", Map.of("errors", List.copyOf(errors)));
    }

    /** A stable hash of everything the company sent (record components in declaration order). */
    static String hash(Content c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // the status asked for is not content (it is compared separately): cut the last component off
            String text = c.toString().replaceFirst(", status=[A-Za-z]*\\]$", "]");
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
