package de.augenhoehe.portal.meinbereich.koordination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/**
 * A working group or the expert circle as a coordinator forms it: name, kind, topics (comma-separated), the quorum as a
 * number of partners or a share in per cent of the member partners, and the majority a motion needs.
 */
class GroupForm {

    static final Map<String, String> KINDS = Map.of("WORKING_GROUP", "Arbeitsgruppe", "EXPERT_CIRCLE", "Expertenkreis");
    static final Map<String, String> QUORUMS = Map.of("COUNT", "eine Zahl von Partnern", "FRACTION", "einen Anteil in Prozent");
    static final Map<String, String> MAJORITIES = Map.of("SIMPLE", "Einfache Mehrheit", "TWO_THIRDS", "Zweidrittelmehrheit",
            "UNANIMOUS", "Einstimmigkeit");

    @NotBlank(message = "Bitte geben Sie der Gruppe einen Namen.")
    @Size(max = 200, message = "Der Name darf höchstens 200 Zeichen lang sein.")
    private String name;
    private String art = "WORKING_GROUP";
    @Size(max = 2000, message = "Bitte höchstens 20 Themen mit je höchstens 100 Zeichen.")
    private String themen;
    private String quorumArt = "FRACTION";
    private String quorumWert = "50";
    private String mehrheit = "SIMPLE";

    /** The rules Bean Validation cannot say: codes from the lists, the topics, the quorum's number. */
    void check(Errors errors) {
        if (!KINDS.containsKey(art)) {
            errors.rejectValue("art", "invalid", "Bitte wählen Sie die Art der Gruppe.");
        }
        if (!MAJORITIES.containsKey(mehrheit)) {
            errors.rejectValue("mehrheit", "invalid", "Bitte wählen Sie die Mehrheit.");
        }
        if (topics().size() > 20 || topics().stream().anyMatch(t -> t.length() > 100)) {
            errors.rejectValue("themen", "invalid", "Bitte höchstens 20 Themen mit je höchstens 100 Zeichen.");
        }
        if (!QUORUMS.containsKey(quorumArt)) {
            errors.rejectValue("quorumArt", "invalid", "Bitte wählen Sie, wie die Beschlussfähigkeit bemessen wird.");
        } else if (quorumValue() == null) {
            errors.rejectValue("quorumWert", "invalid", "COUNT".equals(quorumArt)
                    ? "Bitte geben Sie eine ganze Zahl von mindestens 1 an."
                    : "Bitte geben Sie einen Anteil zwischen 1 und 100 Prozent an (höchstens eine Nachkommastelle).");
        }
    }

    List<String> topics() {
        return themen == null ? List.of() : Arrays.stream(themen.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The API's quorum value: a whole number of partners, or the share as a fraction in (0, 1] with at most 3 decimals. */
    BigDecimal quorumValue() {
        try {
            BigDecimal v = new BigDecimal(quorumWert == null ? "" : quorumWert.strip().replace(',', '.'));
            if ("COUNT".equals(quorumArt)) {
                return v.scale() <= 0 && v.signum() > 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0 ? v : null;
            }
            return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0 && v.stripTrailingZeros().scale() <= 1
                    ? v.divide(BigDecimal.valueOf(100), 3, RoundingMode.UNNECESSARY).stripTrailingZeros() : null;
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return null;
        }
    }

    Map<String, Object> toApi(String networkId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("networkId", networkId);
        body.put("kind", art);
        body.put("name", name.strip());
        body.put("topics", topics());
        body.put("quorum", Map.of("kind", quorumArt, "value", quorumValue()));
        body.put("majority", mehrheit);
        return body;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getArt() {
        return art;
    }

    public void setArt(String art) {
        this.art = art;
    }

    public String getThemen() {
        return themen;
    }

    public void setThemen(String themen) {
        this.themen = themen;
    }

    public String getQuorumArt() {
        return quorumArt;
    }

    public void setQuorumArt(String quorumArt) {
        this.quorumArt = quorumArt;
    }

    public String getQuorumWert() {
        return quorumWert;
    }

    public void setQuorumWert(String quorumWert) {
        this.quorumWert = quorumWert;
    }

    public String getMehrheit() {
        return mehrheit;
    }

    public void setMehrheit(String mehrheit) {
        this.mehrheit = mehrheit;
    }
}
