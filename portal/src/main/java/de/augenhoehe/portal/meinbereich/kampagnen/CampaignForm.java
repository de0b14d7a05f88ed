package de.augenhoehe.portal.meinbereich.kampagnen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;
import tools.jackson.databind.JsonNode;

/**
 * A campaign as the coordinator writes it (create and edit), in the words of the page; checked here before the API is
 * asked (which checks again: its refusals land at the same fields, {@link #API_FIELDS}). Numbers and dates are kept as
 * typed, so that a wrong one comes back as it was, with a German message.
 */
public class CampaignForm {

    /** The API's field of each refusal → the form's field. */
    static final Map<String, String> API_FIELDS = Map.ofEntries(Map.entry("title", "titel"), Map.entry("goal.text", "ziel"),
            Map.entry("goal.target", "zielzahl"), Map.entry("rationale.text", "begruendung"),
            Map.entry("rationale.monitorFinding", "befund"), Map.entry("rationale.monitorFindingALink", "befund"),
            Map.entry("audience", "zielgruppe"), Map.entry("channels", "kanaele"), Map.entry("targetAreas", "gebiete"),
            Map.entry("period", "bis"), Map.entry("period.ordered", "bis"), Map.entry("period.from", "von"),
            Map.entry("period.to", "bis"), Map.entry("budgetEur", "budget"));

    static final Map<String, String> MESSAGES = Map.of("titel", "Bitte prüfen Sie den Titel.", "ziel", "Bitte prüfen Sie das Ziel.",
            "zielzahl", "Bitte prüfen Sie die Zielzahl.", "begruendung", "Bitte prüfen Sie die Begründung.",
            "befund", "Bitte geben Sie als Befund einen Link an (https://…).", "zielgruppe", "Bitte prüfen Sie die Zielgruppe.",
            "kanaele", "Bitte wählen Sie mindestens einen Kanal.", "gebiete", "Bitte prüfen Sie die Postleitzahlen.",
            "von", "Bitte prüfen Sie den Beginn.", "bis", "Bitte prüfen Sie den Zeitraum.");

    @NotBlank(message = "Bitte geben Sie der Kampagne einen Titel.")
    @Size(max = 200, message = "Der Titel darf höchstens 200 Zeichen lang sein.")
    private String titel;
    @NotBlank(message = "Bitte beschreiben Sie das Ziel der Kampagne.")
    @Size(max = 2000, message = "Das Ziel darf höchstens 2000 Zeichen lang sein.")
    private String ziel;
    @Pattern(regexp = "|[1-9][0-9]{0,5}|1000000", message = "Bitte eine ganze Zahl von 1 bis 1.000.000 angeben oder das Feld leer lassen.")
    private String zielzahl;
    @NotBlank(message = "Bitte begründen Sie die Kampagne.")
    @Size(max = 4000, message = "Die Begründung darf höchstens 4000 Zeichen lang sein.")
    private String begruendung;
    @Size(max = 2000, message = "Der Link darf höchstens 2000 Zeichen lang sein.")
    @Pattern(regexp = "|https?://\\S+|/\\S*", message = "Bitte geben Sie als Befund einen Link an (https://…) oder lassen Sie das Feld leer.")
    private String befund;
    @NotBlank(message = "Bitte beschreiben Sie, wen die Kampagne erreichen soll.")
    @Size(max = 2000, message = "Die Zielgruppe darf höchstens 2000 Zeichen lang sein.")
    private String zielgruppe;
    @NotEmpty(message = "Bitte wählen Sie mindestens einen Kanal.")
    private List<String> kanaele = new ArrayList<>();
    private String gebiete;
    private String von;
    private String bis;
    private String budget;

    /** The form filled with a campaign of the API (to edit it). */
    static CampaignForm of(JsonNode c) {
        CampaignForm form = new CampaignForm();
        form.titel = c.path("title").asString("");
        form.ziel = c.path("goal").path("text").asString("");
        form.zielzahl = c.path("goal").path("target").isNumber() ? c.path("goal").path("target").asString() : "";
        form.begruendung = c.path("rationale").path("text").asString("");
        form.befund = c.path("rationale").path("monitorFinding").asString("");
        form.zielgruppe = c.path("audience").asString("");
        c.path("channels").forEach(ch -> form.kanaele.add(ch.asString()));
        List<String> areas = new ArrayList<>();
        c.path("targetAreas").forEach(a -> areas.add(a.asString()));
        form.gebiete = String.join(", ", areas);
        form.von = c.path("period").path("from").asString("");
        form.bis = c.path("period").path("to").asString("");
        form.budget = c.path("budgetEur").asString("0").replace('.', ',');
        return form;
    }

    /** What Bean Validation cannot say: the postal codes, the period, the budget — each at its field. */
    void check(BindingResult errors) {
        if (kanaele != null && !kanaele.stream().allMatch(Worte.CHANNEL::containsKey)) {
            errors.rejectValue("kanaele", "unknown", "Bitte wählen Sie nur Kanäle aus der Liste.");
        }
        List<String> areas = postalCodes(gebiete);
        if (areas.isEmpty()) {
            errors.rejectValue("gebiete", "empty", "Bitte geben Sie mindestens eine Postleitzahl an, z. B. 74072.");
        } else if (!areas.stream().allMatch(a -> a.matches("[0-9]{5}"))) {
            errors.rejectValue("gebiete", "format", "Bitte nur fünfstellige Postleitzahlen, getrennt durch Komma oder Leerzeichen.");
        } else if (areas.size() > 500) {
            errors.rejectValue("gebiete", "size", "Bitte höchstens 500 Postleitzahlen.");
        }
        LocalDate from = date(von, "von", "Bitte geben Sie den Beginn an.", errors);
        LocalDate to = date(bis, "bis", "Bitte geben Sie das Ende an.", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.rejectValue("bis", "order", "Das Ende darf nicht vor dem Beginn liegen.");
        }
        if (amount() == null) {
            errors.rejectValue("budget", "format", "Bitte geben Sie das Budget in Euro an, z. B. 1500 oder 1500,50 (0, wenn keins).");
        }
    }

    /** The API's body; the partners are kept as they are (the page does not change them). */
    Map<String, Object> request(String networkId, JsonNode partnerIds) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("text", ziel.strip());
        goal.put("target", zielzahl == null || zielzahl.isBlank() ? null : Integer.valueOf(zielzahl.strip()));
        Map<String, Object> rationale = new LinkedHashMap<>();
        rationale.put("text", begruendung.strip());
        rationale.put("monitorFinding", befund == null || befund.isBlank() ? null : befund.strip());
        List<String> partners = new ArrayList<>();
        if (partnerIds != null) {
            partnerIds.forEach(p -> partners.add(p.asString()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("networkId", networkId);
        body.put("title", titel.strip());
        body.put("goal", goal);
        body.put("rationale", rationale);
        body.put("audience", zielgruppe.strip());
        body.put("channels", kanaele);
        body.put("targetAreas", postalCodes(gebiete));
        body.put("period", Map.of("from", von.strip(), "to", bis.strip()));
        body.put("partnerIds", partners);
        body.put("budgetEur", amount());
        return body;
    }

    private static List<String> postalCodes(String text) {
        List<String> codes = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    codes.add(part.strip());
                }
            }
        }
        return codes.stream().distinct().toList();
    }

    /** German or plain: "1.500,50", "1500,50", "1500.50"; at most two decimals, not negative. */
    private BigDecimal amount() {
        String text = budget == null ? "" : budget.strip().replace(" ", "");
        if (text.isEmpty() || !text.matches("[0-9]{1,3}(\\.[0-9]{3})*(,[0-9]{1,2})?|[0-9]{1,10}([,.][0-9]{1,2})?")) {
            return null;
        }
        String plain = text.contains(",") ? text.replace(".", "").replace(',', '.') : text;
        if (!text.contains(",") && text.matches("[0-9]{1,3}(\\.[0-9]{3})+")) {
            plain = text.replace(".", ""); // "1.500" is fifteen hundred, as people in Germany write it
        }
        BigDecimal value = new BigDecimal(plain);
        return value.precision() - value.scale() > 10 ? null : value;
    }

    private static LocalDate date(String value, String field, String missing, BindingResult errors) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "missing", missing);
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            errors.rejectValue(field, "format", "Bitte ein Datum angeben, z. B. 2027-01-31.");
            return null;
        }
    }

    public String getTitel() {
        return titel;
    }

    public void setTitel(String titel) {
        this.titel = titel;
    }

    public String getZiel() {
        return ziel;
    }

    public void setZiel(String ziel) {
        this.ziel = ziel;
    }

    public String getZielzahl() {
        return zielzahl;
    }

    public void setZielzahl(String zielzahl) {
        this.zielzahl = zielzahl == null ? null : zielzahl.strip();
    }

    public String getBegruendung() {
        return begruendung;
    }

    public void setBegruendung(String begruendung) {
        this.begruendung = begruendung;
    }

    public String getBefund() {
        return befund;
    }

    public void setBefund(String befund) {
        this.befund = befund == null ? null : befund.strip();
    }

    public String getZielgruppe() {
        return zielgruppe;
    }

    public void setZielgruppe(String zielgruppe) {
        this.zielgruppe = zielgruppe;
    }

    public List<String> getKanaele() {
        return kanaele;
    }

    public void setKanaele(List<String> kanaele) {
        this.kanaele = kanaele == null ? new ArrayList<>() : kanaele;
    }

    public String getGebiete() {
        return gebiete;
    }

    public void setGebiete(String gebiete) {
        this.gebiete = gebiete;
    }

    public String getVon() {
        return von;
    }

    public void setVon(String von) {
        this.von = von;
    }

    public String getBis() {
        return bis;
    }

    public void setBis(String bis) {
        this.bis = bis;
    }

    public String getBudget() {
        return budget;
    }

    public void setBudget(String budget) {
        this.budget = budget;
    }
}
