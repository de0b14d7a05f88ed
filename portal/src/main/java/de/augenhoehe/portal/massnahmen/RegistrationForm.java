package de.augenhoehe.portal.massnahmen;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The registration form of a measure page: a contact for one person or a small group (the API takes at most 5 places
 * anonymously), the consent to the shown data-protection text, and a key made when the form was shown — sent as
 * Idempotency-Key, so a double click or a reload of the answer registers once and mails once.
 */
public class RegistrationForm {

    static final int MAX_PLACES = 5;

    @NotBlank(message = "Bitte geben Sie Ihren Namen an.")
    @Size(max = 200, message = "Der Name darf höchstens 200 Zeichen lang sein.")
    private String name = "";

    @NotBlank(message = "Bitte geben Sie Ihre E-Mail-Adresse an.")
    @Size(max = 254, message = "Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein.")
    // empty is @NotBlank's message alone; labels without dots between the dots: no backtracking on long input
    @Email(regexp = "|[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", message = "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@example.org.")
    private String email = "";

    @NotNull(message = "Bitte wählen Sie, für wie viele Personen Sie anmelden.")
    @Min(value = 1, message = "Bitte wählen Sie 1 bis 5 Plätze.")
    @Max(value = MAX_PLACES, message = "Bitte wählen Sie 1 bis 5 Plätze. Für größere Gruppen meldet die Schule oder der Betrieb an.")
    private Integer plaetze = 1;

    @AssertTrue(message = "Bitte stimmen Sie dem Datenschutzhinweis zu. Ohne Ihre Zustimmung können wir Sie nicht anmelden.")
    private boolean einwilligung;

    @Pattern(regexp = "[0-9a-f-]{36}", message = "Bitte laden Sie die Seite neu und senden Sie das Formular noch einmal.")
    private String schluessel = UUID.randomUUID().toString();

    /** After the API refused the key (another registration sent it before): the next try is a new registration. */
    void renewKey() {
        schluessel = UUID.randomUUID().toString();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email.strip();
    }

    public Integer getPlaetze() {
        return plaetze;
    }

    public void setPlaetze(Integer plaetze) {
        this.plaetze = plaetze;
    }

    public boolean isEinwilligung() {
        return einwilligung;
    }

    public void setEinwilligung(boolean einwilligung) {
        this.einwilligung = einwilligung;
    }

    public String getSchluessel() {
        return schluessel;
    }

    public void setSchluessel(String schluessel) {
        this.schluessel = schluessel;
    }
}
