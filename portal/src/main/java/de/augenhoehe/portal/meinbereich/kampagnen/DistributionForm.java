package de.augenhoehe.portal.meinbereich.kampagnen;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

/**
 * A distribution of (part of) a batch: who handed it out (a volunteer or a group, in a word), where (streets or postal
 * codes), on which day and how many pieces. No personal data beyond a label: "Ehrenamt Leer-Ost" is enough.
 */
public class DistributionForm {

    static final Map<String, String> API_FIELDS = Map.of("volunteer", "wer", "whoGiven", "wer", "streets", "strassen",
            "postalCodes", "plz", "whereGiven", "strassen", "on", "am", "quantity", "menge");
    static final Map<String, String> MESSAGES = Map.of("wer", "Bitte prüfen Sie, wer verteilt hat.", "strassen", "Bitte prüfen Sie, wo verteilt wurde.",
            "plz", "Bitte prüfen Sie die Postleitzahlen.", "am", "Bitte prüfen Sie den Tag.", "menge", "Bitte prüfen Sie die Menge.");

    @Size(max = 100, message = "Bitte höchstens 100 Zeichen.")
    private String wer;
    @Size(max = 2000, message = "Bitte höchstens 2000 Zeichen.")
    private String strassen;
    @Pattern(regexp = "[0-9 ,;]*", message = "Bitte nur fünfstellige Postleitzahlen, getrennt durch Komma oder Leerzeichen.")
    private String plz;
    private String am;
    @Pattern(regexp = "[1-9][0-9]{0,5}|1000000", message = "Bitte eine ganze Zahl von 1 bis 1.000.000 angeben.")
    @NotNull(message = "Bitte eine ganze Zahl von 1 bis 1.000.000 angeben.")
    private String menge;

    void check(BindingResult errors) {
        if (wer == null || wer.isBlank()) {
            errors.rejectValue("wer", "missing", "Bitte nennen Sie, wer verteilt hat (z. B. „Ehrenamt Leer-Ost“).");
        }
        if ((strassen == null || strassen.isBlank()) && postalCodes().isEmpty()) {
            errors.rejectValue("strassen", "missing", "Bitte nennen Sie die Straßen oder Postleitzahlen, in denen verteilt wurde.");
        }
        if (!postalCodes().stream().allMatch(p -> p.matches("[0-9]{5}"))) {
            errors.rejectValue("plz", "format", "Bitte nur fünfstellige Postleitzahlen, getrennt durch Komma oder Leerzeichen.");
        }
        if (am == null || am.isBlank()) {
            errors.rejectValue("am", "missing", "Bitte geben Sie den Tag der Verteilung an.");
            return;
        }
        try {
            if (LocalDate.parse(am.strip()).isAfter(LocalDate.now(ZoneId.of("Europe/Berlin")))) {
                errors.rejectValue("am", "future", "Eine Verteilung lässt sich erst erfassen, wenn sie geschehen ist.");
            }
        } catch (DateTimeParseException notADate) {
            errors.rejectValue("am", "format", "Bitte ein Datum angeben, z. B. 2027-01-31.");
        }
    }

    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("volunteer", wer.strip());
        body.put("streets", strassen == null || strassen.isBlank() ? null : strassen.strip());
        body.put("postalCodes", postalCodes());
        body.put("on", am.strip());
        body.put("quantity", Integer.valueOf(menge));
        return body;
    }

    private List<String> postalCodes() {
        return plz == null ? List.of() : Arrays.stream(plz.split("[,;\\s]+")).filter(p -> !p.isBlank()).distinct().toList();
    }

    public String getWer() {
        return wer;
    }

    public void setWer(String wer) {
        this.wer = wer;
    }

    public String getStrassen() {
        return strassen;
    }

    public void setStrassen(String strassen) {
        this.strassen = strassen;
    }

    public String getPlz() {
        return plz;
    }

    public void setPlz(String plz) {
        this.plz = plz;
    }

    public String getAm() {
        return am;
    }

    public void setAm(String am) {
        this.am = am;
    }

    public String getMenge() {
        return menge;
    }

    public void setMenge(String menge) {
        this.menge = menge == null ? null : menge.strip();
    }
}
