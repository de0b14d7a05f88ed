package de.augenhoehe.portal.massnahmen;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.validation.Errors;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalogue's GET form: Kreis, target group, type, a date range, "only with free places", and the page. Values
 * are the API's codes (the select boxes offer only known ones); a value from a hand-made URL that is not one of them
 * comes back at its field instead of reaching the API.
 */
class CatalogueFilter {

    static final int PAGE_SIZE = 20;

    private String kreis = "";
    private String zielgruppe = "";
    private String art = "";
    private String ab = "";
    private String bis = "";
    private boolean frei;
    private String seite = "";
    private int page;

    void check(Errors errors) {
        known(errors, "kreis", kreis, Words.KREISE, "Bitte einen Kreis aus der Liste wählen.");
        known(errors, "zielgruppe", zielgruppe, Words.TARGET_GROUPS, "Bitte eine Zielgruppe aus der Liste wählen.");
        known(errors, "art", art, Words.TYPES, "Bitte eine Art aus der Liste wählen.");
        LocalDate from = date(errors, "ab", ab);
        LocalDate to = date(errors, "bis", bis);
        if (from != null && to != null && to.isBefore(from)) {
            errors.rejectValue("bis", "range", "Das Datum „bis“ liegt vor dem Datum „ab“.");
        }
        // a page number is navigation, not input: a broken one is the first page
        page = seite.matches("\\d{1,4}") ? Integer.parseInt(seite) : 0;
    }

    /** The API's query for this filter. */
    void query(UriBuilder b) {
        optional(b, "kreis", kreis);
        optional(b, "targetGroup", zielgruppe);
        optional(b, "type", art);
        optional(b, "from", ab);
        optional(b, "to", bis);
        if (frei) {
            b.queryParam("freePlaces", "true");
        }
        b.queryParam("page", page).queryParam("size", PAGE_SIZE);
    }

    /** This filter's catalogue address on another page (the paging links): only the filters that are set. */
    String pageLink(int other) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/massnahmen");
        optional(b, "kreis", kreis);
        optional(b, "zielgruppe", zielgruppe);
        optional(b, "art", art);
        optional(b, "ab", ab);
        optional(b, "bis", bis);
        if (frei) {
            b.queryParam("frei", "true");
        }
        return b.queryParam("seite", other).encode().build().toUriString();
    }

    private static void optional(UriBuilder b, String name, String value) {
        if (!value.isBlank()) {
            b.queryParam(name, value);
        }
    }

    private static void known(Errors errors, String field, String value, Map<String, String> words, String message) {
        if (!value.isBlank() && !words.containsKey(value)) {
            errors.rejectValue(field, "unknown", message);
        }
    }

    private static LocalDate date(Errors errors, String field, String value) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "date", "Bitte ein Datum angeben, zum Beispiel 2027-03-15.");
            return null;
        }
    }

    public String getKreis() {
        return kreis;
    }

    public void setKreis(String kreis) {
        this.kreis = kreis == null ? "" : kreis.strip();
    }

    public String getZielgruppe() {
        return zielgruppe;
    }

    public void setZielgruppe(String zielgruppe) {
        this.zielgruppe = zielgruppe == null ? "" : zielgruppe.strip();
    }

    public String getArt() {
        return art;
    }

    public void setArt(String art) {
        this.art = art == null ? "" : art.strip();
    }

    public String getAb() {
        return ab;
    }

    public void setAb(String ab) {
        this.ab = ab == null ? "" : ab.strip();
    }

    public String getBis() {
        return bis;
    }

    public void setBis(String bis) {
        this.bis = bis == null ? "" : bis.strip();
    }

    public boolean isFrei() {
        return frei;
    }

    public void setFrei(boolean frei) {
        this.frei = frei;
    }

    public String getSeite() {
        return seite;
    }

    public void setSeite(String seite) {
        this.seite = seite == null ? "" : seite.strip();
    }

    int page() {
        return page;
    }
}
