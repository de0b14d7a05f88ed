package de.augenhoehe.portal.meinbereich.kampagnen;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A batch of material (how many pieces, which kind, for which municipality), as the campaign page asks for it. */
public class BatchForm {

    static final Map<String, String> API_FIELDS = Map.of("quantity", "menge", "channel", "kanal", "area", "gebiet");
    static final Map<String, String> MESSAGES = Map.of("menge", "Bitte prüfen Sie die Menge.", "kanal", "Bitte wählen Sie die Art des Materials.",
            "gebiet", "Bitte prüfen Sie die Gemeinde.");

    @Pattern(regexp = "[1-9][0-9]{0,5}|1000000", message = "Bitte eine ganze Zahl von 1 bis 1.000.000 angeben.")
    @NotNull(message = "Bitte eine ganze Zahl von 1 bis 1.000.000 angeben.")
    private String menge;
    @Pattern(regexp = "DOOR_HANGER|POSTCARD|POSTER|EVENT|SOCIAL_MEDIA|NEWSPAPER", message = "Bitte wählen Sie die Art des Materials.")
    @NotNull(message = "Bitte wählen Sie die Art des Materials.")
    private String kanal;
    @NotBlank(message = "Bitte nennen Sie die Gemeinde oder den Ortsteil, in dem verteilt wird.")
    @Size(max = 200, message = "Die Gemeinde darf höchstens 200 Zeichen lang sein.")
    private String gebiet;

    Map<String, Object> request() {
        return Map.of("quantity", Integer.valueOf(menge), "channel", kanal, "area", gebiet.strip());
    }

    public String getMenge() {
        return menge;
    }

    public void setMenge(String menge) {
        this.menge = menge == null ? null : menge.strip();
    }

    public String getKanal() {
        return kanal;
    }

    public void setKanal(String kanal) {
        this.kanal = kanal;
    }

    public String getGebiet() {
        return gebiet;
    }

    public void setGebiet(String gebiet) {
        this.gebiet = gebiet;
    }
}
