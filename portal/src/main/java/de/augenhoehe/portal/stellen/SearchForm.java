package de.augenhoehe.portal.stellen;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;
import org.springframework.web.util.UriBuilder;

/**
 * The vacancy search as a plain GET form with German parameter names (the address a person shares). Everything is
 * optional; a value the form cannot offer (a forged link) gets a German message at its field, never the API's 400.
 */
public class SearchForm {

    static final int MAX_RADIUS_KM = 200;

    @Size(max = 200, message = "Bitte höchstens 200 Zeichen eingeben.")
    private String was;
    @Pattern(regexp = "\\d{5}", message = "Bitte eine Postleitzahl mit 5 Ziffern eingeben, zum Beispiel 74072.")
    private String plz;
    private String umkreis;
    private List<String> art = new ArrayList<>();
    private List<String> arbeitszeit = new ArrayList<>();
    @Pattern(regexp = "\\d{3}", message = "Diese Berufsgruppe gibt es nicht. Bitte wählen Sie aus der Liste.")
    private String berufsgruppe;
    private String deutsch;
    /** true: temporary-work agencies too (they are left out unless asked for). */
    private boolean zeitarbeit;
    /** The API's cursor of the next page. */
    private String seite;

    /** The rules between fields and the closed lists (checkboxes, selects), checked after Bean Validation. */
    void check(BindingResult errors) {
        if (umkreis != null && !errors.hasFieldErrors("umkreis")) {
            if (!umkreis.matches("\\d{1,4}") || Integer.parseInt(umkreis) < 1 || Integer.parseInt(umkreis) > MAX_RADIUS_KM) {
                errors.rejectValue("umkreis", "umkreis", "Der Umkreis kann 1 bis " + MAX_RADIUS_KM + " km groß sein.");
            } else if (plz == null) {
                errors.rejectValue("plz", "plz-fehlt", "Für die Suche im Umkreis brauchen wir Ihre Postleitzahl.");
            }
        }
        if (!Labels.TYPES.keySet().containsAll(art)) {
            errors.rejectValue("art", "art", "Bitte wählen Sie eine Art aus der Liste.");
        }
        if (!Labels.WORKING_TIMES.keySet().containsAll(arbeitszeit)) {
            errors.rejectValue("arbeitszeit", "arbeitszeit", "Bitte wählen Sie eine Arbeitszeit aus der Liste.");
        }
        if (deutsch != null && !Labels.GERMAN_LEVELS.containsKey(deutsch)) {
            errors.rejectValue("deutsch", "deutsch", "Bitte wählen Sie eine Stufe aus der Liste.");
        }
    }

    /** The API's query ({@code GET /api/vacancies}) for this form, with facets. */
    void query(UriBuilder b) {
        if (was != null) {
            // braces would be read as URI template variables; they mean nothing to the full-text search
            b.queryParam("q", was.replace('{', ' ').replace('}', ' '));
        }
        if (plz != null) {
            b.queryParam("postalCode", plz).queryParam("sort", was == null ? "distance" : "relevance");
        }
        if (umkreis != null) {
            b.queryParam("radiusKm", umkreis);
        }
        art.forEach(a -> b.queryParam("type", a));
        arbeitszeit.forEach(a -> b.queryParam("workingTime", a));
        if (berufsgruppe != null) {
            b.queryParam("kldb", berufsgruppe);
        }
        if (deutsch != null) {
            b.queryParam("maxGermanLevel", deutsch);
        }
        if (!zeitarbeit) {
            b.queryParam("withoutTemporaryAgencies", "true");
        }
        if (seite != null) {
            b.queryParam("cursor", seite);
        }
        b.queryParam("facets", "true").queryParam("size", "20");
    }

    boolean narrowed() {
        return !art.isEmpty() || !arbeitszeit.isEmpty() || berufsgruppe != null || deutsch != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getWas() { return was; }
    public void setWas(String was) { this.was = blankToNull(was); }
    public String getPlz() { return plz; }
    public void setPlz(String plz) { this.plz = blankToNull(plz); }
    public String getUmkreis() { return umkreis; }
    public void setUmkreis(String umkreis) { this.umkreis = blankToNull(umkreis); }
    public List<String> getArt() { return art; }
    public void setArt(List<String> art) { this.art = art == null ? new ArrayList<>() : new ArrayList<>(art.stream().filter(a -> !a.isBlank()).toList()); }
    public List<String> getArbeitszeit() { return arbeitszeit; }
    public void setArbeitszeit(List<String> arbeitszeit) { this.arbeitszeit = arbeitszeit == null ? new ArrayList<>() : new ArrayList<>(arbeitszeit.stream().filter(a -> !a.isBlank()).toList()); }
    public String getBerufsgruppe() { return berufsgruppe; }
    public void setBerufsgruppe(String berufsgruppe) { this.berufsgruppe = blankToNull(berufsgruppe); }
    public String getDeutsch() { return deutsch; }
    public void setDeutsch(String deutsch) { this.deutsch = blankToNull(deutsch); }
    public boolean isZeitarbeit() { return zeitarbeit; }
    public void setZeitarbeit(boolean zeitarbeit) { this.zeitarbeit = zeitarbeit; }
    public String getSeite() { return seite; }
    public void setSeite(String seite) { this.seite = blankToNull(seite); }
}
