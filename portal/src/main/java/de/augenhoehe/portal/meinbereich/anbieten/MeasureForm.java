package de.augenhoehe.portal.meinbereich.anbieten;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import de.augenhoehe.portal.web.MeasureWords;

/**
 * A measure as its host describes it in the form: what it is, for whom, where and when. The fields the form does not
 * show (co-organisers, funding, language, …) are kept as they were read, because a change replaces the measure as a
 * whole ({@code PUT /api/measures/{id}}).
 */
public class MeasureForm {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** The request's fields the form leaves as they are (the rest of the read measure is the view's own). */
    private static final List<String> KEPT = List.of("coOrganiserIds", "foldedInto", "registrationOpensAt", "funding", "language");

    /** One session: a day, its hours, the place and its postal code (→ the Kreis). A row left empty is no session. */
    public static class Termin {
        private String datum = "";
        private String beginn = "";
        private String ende = "";
        private String plz = "";
        private String ort = "";

        boolean empty() {
            return (datum + beginn + ende + plz + ort).isBlank();
        }

        public String getDatum() { return datum; }
        public void setDatum(String datum) { this.datum = datum; }
        public String getBeginn() { return beginn; }
        public void setBeginn(String beginn) { this.beginn = beginn; }
        public String getEnde() { return ende; }
        public void setEnde(String ende) { this.ende = ende; }
        public String getPlz() { return plz; }
        public void setPlz(String plz) { this.plz = plz; }
        public String getOrt() { return ort; }
        public void setOrt(String ort) { this.ort = ort; }
    }

    @NotBlank(message = "Bitte geben Sie einen Titel an.")
    @Size(max = 200, message = "Der Titel darf höchstens 200 Zeichen lang sein.")
    private String titel = "";
    @Size(max = 5000, message = "Die Beschreibung darf höchstens 5000 Zeichen lang sein.")
    private String beschreibung = "";
    @NotBlank(message = "Bitte wählen Sie die Art der Maßnahme.")
    private String art = "";
    @NotEmpty(message = "Bitte wählen Sie mindestens eine Zielgruppe.")
    private List<String> zielgruppen = new ArrayList<>();
    @NotBlank(message = "Bitte wählen Sie, wie die Maßnahme durchgeführt wird.")
    private String durchfuehrung = "";
    @NotBlank(message = "Bitte wählen Sie das Netzwerk.")
    private String netzwerk = "";
    @Pattern(regexp = "|[1-9][0-9]{0,4}", message = "Bitte eine ganze Zahl von 1 bis 99999 angeben – oder leer lassen.")
    private String plaetze = "";
    @Pattern(regexp = "|[0-9]{1,8}([.,][0-9]{1,2})?", message = "Bitte einen Betrag in Euro angeben, z. B. 0 oder 25,50.")
    private String kosten = "0";
    @Pattern(regexp = "|[0-9]{3}( *[, ] *[0-9]{3})*", message = "Bitte dreistellige Berufsgruppen (KldB 2010) angeben, z. B. 242, 263.")
    private String berufsgruppen = "";
    private String anmeldungBis = "";
    private List<Termin> termine = new ArrayList<>(List.of(new Termin()));
    /** The version the form was read at (the ETag): a change made meanwhile by someone else is refused, not overwritten. */
    private long version;

    /** The form of a measure as read from the API. */
    static MeasureForm of(JsonNode m) {
        MeasureForm f = new MeasureForm();
        f.titel = m.path("title").asString("");
        f.beschreibung = m.path("description").asString("");
        f.art = m.path("type").asString("");
        f.zielgruppen = new ArrayList<>(m.path("targetGroups").valueStream().map(JsonNode::asString).toList());
        f.durchfuehrung = m.path("delivery").asString("");
        f.netzwerk = m.path("networkId").asString("");
        f.plaetze = m.path("capacity").isNumber() ? m.path("capacity").asString() : "";
        f.kosten = m.path("costEur").isNumber() ? m.path("costEur").decimalValue().stripTrailingZeros().toPlainString().replace('.', ',') : "";
        f.berufsgruppen = String.join(", ", m.path("occupationGroups").valueStream().map(JsonNode::asString).toList());
        f.anmeldungBis = m.path("registrationClosesAt").isString()
                ? java.time.Instant.parse(m.path("registrationClosesAt").asString()).atZone(BERLIN).toLocalDate().minusDays(1).toString() : "";
        f.termine = new ArrayList<>();
        for (JsonNode s : m.path("sessions")) {
            Termin t = new Termin();
            t.datum = s.path("date").asString("");
            t.beginn = hhmm(s.path("startTime").asString(""));
            t.ende = hhmm(s.path("endTime").asString(""));
            t.plz = s.path("postalCode").asString("");
            t.ort = s.path("place").asString("");
            f.termine.add(t);
        }
        f.version = m.path("version").asLong();
        return f;
    }

    private static String hhmm(String time) {
        return time.length() > 5 ? time.substring(0, 5) : time;
    }

    /** One more empty session row ("Weiteren Termin hinzufügen"), and at least one. */
    void addRow() {
        termine.add(new Termin());
    }

    /** What Bean Validation cannot say: codes from the lists, each filled session row whole, times in order, dates real. */
    void check(BindingResult errors) {
        if (!art.isBlank() && !MeasureWords.TYPES.containsKey(art)) {
            errors.rejectValue("art", "unknown", "Bitte wählen Sie eine Art aus der Liste.");
        }
        if (zielgruppen.stream().anyMatch(g -> !MeasureWords.TARGET_GROUPS.containsKey(g))) {
            errors.rejectValue("zielgruppen", "unknown", "Bitte wählen Sie Zielgruppen aus der Liste.");
        }
        if (!durchfuehrung.isBlank() && !HostWords.DELIVERY.containsKey(durchfuehrung)) {
            errors.rejectValue("durchfuehrung", "unknown", "Bitte wählen Sie eine Durchführung aus der Liste.");
        }
        if (!anmeldungBis.isBlank() && date(anmeldungBis) == null) {
            errors.rejectValue("anmeldungBis", "date", "Bitte ein Datum angeben (TT.MM.JJJJ).");
        }
        if (termine.stream().allMatch(Termin::empty)) {
            errors.rejectValue("termine[0].datum", "required", "Bitte geben Sie mindestens einen Termin an.");
        }
        for (int i = 0; i < termine.size(); i++) {
            Termin t = termine.get(i);
            if (t.empty()) {
                continue;
            }
            String row = "termine[" + i + "].";
            if (date(t.datum) == null) {
                errors.rejectValue(row + "datum", "date", "Bitte ein Datum angeben (TT.MM.JJJJ).");
            }
            LocalTime from = time(t.beginn), to = time(t.ende);
            if (from == null) {
                errors.rejectValue(row + "beginn", "time", "Bitte eine Uhrzeit angeben (SS:MM).");
            }
            if (to == null) {
                errors.rejectValue(row + "ende", "time", "Bitte eine Uhrzeit angeben (SS:MM).");
            } else if (from != null && !to.isAfter(from)) {
                errors.rejectValue(row + "ende", "order", "Das Ende muss nach dem Beginn liegen.");
            }
            if (!t.plz.strip().matches("[0-9]{5}")) {
                errors.rejectValue(row + "plz", "plz", "Bitte eine fünfstellige Postleitzahl angeben.");
            }
            if (t.ort.isBlank()) {
                errors.rejectValue(row + "ort", "required", "Bitte geben Sie den Ort an.");
            } else if (t.ort.length() > 300) {
                errors.rejectValue(row + "ort", "size", "Der Ort darf höchstens 300 Zeichen lang sein.");
            }
        }
    }

    /**
     * The API's request body: the form's fields over what was read ({@code read}: the measure as the API answered, or
     * null for a new one), so that fields the form does not show stay as they are.
     */
    ObjectNode request(ObjectNode body, String hostPartnerId, JsonNode read) {
        if (read != null) {
            KEPT.forEach(field -> {
                if (read.has(field) && !read.get(field).isNull()) {
                    body.set(field, read.get(field));
                }
            });
        }
        body.put("networkId", read == null ? netzwerk : read.path("networkId").asString());
        body.put("hostPartnerId", read == null ? hostPartnerId : read.path("hostPartnerId").asString());
        body.put("title", titel.strip());
        body.put("description", beschreibung.strip());
        body.put("type", art);
        ArrayNode groups = body.putArray("targetGroups");
        zielgruppen.forEach(groups::add);
        body.put("delivery", durchfuehrung);
        ArrayNode sessions = body.putArray("sessions");
        for (Termin t : termine) {
            if (!t.empty()) {
                ObjectNode s = sessions.addObject();
                s.put("date", date(t.datum).toString());
                s.put("startTime", time(t.beginn).toString());
                s.put("endTime", time(t.ende).toString());
                s.put("postalCode", t.plz.strip());
                s.put("place", t.ort.strip());
            }
        }
        if (plaetze.isBlank()) {
            body.putNull("capacity");
        } else {
            body.put("capacity", Integer.parseInt(plaetze));
        }
        body.put("costEur", kosten.isBlank() ? BigDecimal.ZERO : new BigDecimal(kosten.replace(',', '.')));
        ArrayNode occupations = body.putArray("occupationGroups");
        Arrays.stream(berufsgruppen.split("[, ]+")).filter(g -> !g.isBlank()).forEach(occupations::add);
        if (anmeldungBis.isBlank()) {
            body.putNull("registrationClosesAt");
        } else { // registration is possible through the whole of the named day
            body.put("registrationClosesAt", date(anmeldungBis).plusDays(1).atStartOfDay(BERLIN).toInstant().toString());
        }
        return body;
    }

    /** An ISO date (the date input) or a German one (TT.MM.JJJJ, typed where a browser has no date picker). */
    static LocalDate date(String text) {
        String t = text.strip();
        try {
            return t.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")
                    ? LocalDate.of(Integer.parseInt(t.split("\\.")[2]), Integer.parseInt(t.split("\\.")[1]), Integer.parseInt(t.split("\\.")[0]))
                    : LocalDate.parse(t);
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException notATime) {
            return null;
        }
    }

    public String getTitel() { return titel; }
    public void setTitel(String titel) { this.titel = titel; }
    public String getBeschreibung() { return beschreibung; }
    public void setBeschreibung(String beschreibung) { this.beschreibung = beschreibung; }
    public String getArt() { return art; }
    public void setArt(String art) { this.art = art; }
    public List<String> getZielgruppen() { return zielgruppen; }
    public void setZielgruppen(List<String> zielgruppen) { this.zielgruppen = zielgruppen == null ? new ArrayList<>() : zielgruppen; }
    public String getDurchfuehrung() { return durchfuehrung; }
    public void setDurchfuehrung(String durchfuehrung) { this.durchfuehrung = durchfuehrung; }
    public String getNetzwerk() { return netzwerk; }
    public void setNetzwerk(String netzwerk) { this.netzwerk = netzwerk; }
    public String getPlaetze() { return plaetze; }
    public void setPlaetze(String plaetze) { this.plaetze = plaetze.strip(); }
    public String getKosten() { return kosten; }
    public void setKosten(String kosten) { this.kosten = kosten.strip(); }
    public String getBerufsgruppen() { return berufsgruppen; }
    public void setBerufsgruppen(String berufsgruppen) { this.berufsgruppen = berufsgruppen.strip(); }
    public String getAnmeldungBis() { return anmeldungBis; }
    public void setAnmeldungBis(String anmeldungBis) { this.anmeldungBis = anmeldungBis; }
    public List<Termin> getTermine() { return termine; }
    public void setTermine(List<Termin> termine) { this.termine = termine == null ? new ArrayList<>() : termine; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
