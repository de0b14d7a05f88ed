package de.augenhoehe.portal.rueckkehr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The returnee sign-up as the form sends it: the profile, the address for the double opt-in, where the person came
 * from (the door hanger's code, or the network they picked) and the consents — each checkbox with the version of the
 * text the page showed, so the API records exactly what the person read.
 */
class SignUpForm extends ProfileForm {

    @NotBlank(message = "Bitte geben Sie Ihre E-Mail-Adresse an.")
    @Size(max = 254, message = "Bitte höchstens 254 Zeichen.")
    @Email(message = "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.")
    private String email;

    /** The tracking code of the door hanger (hidden); without one, the person picks the network. */
    @Size(max = 32, message = "Dieser Code ist zu lang.")
    private String code;

    private UUID networkId;

    @AssertTrue(message = "Ohne diese Einwilligung können wir Ihnen keine Angebote zeigen. Bitte setzen Sie den Haken.")
    private boolean matching;

    private boolean notifications;

    private boolean contact;

    /** The version of each consent text the page showed, by purpose (hidden fields). */
    private Map<String, String> versions = new LinkedHashMap<>();

    /** The API's request body. */
    Map<String, Object> toApi() {
        Map<String, Object> body = profileToApi();
        body.put("email", email.strip());
        body.put("code", blankToNull(code));
        body.put("networkId", code == null || code.isBlank() ? networkId : null);
        List<Map<String, String>> consents = new ArrayList<>();
        consent(consents, matching, "MATCHING");
        consent(consents, notifications, "MATCH_NOTIFICATIONS");
        consent(consents, contact, "NETWORK_CONTACT");
        body.put("consents", consents);
        return body;
    }

    private void consent(List<Map<String, String>> consents, boolean given, String purpose) {
        if (given) {
            consents.add(Map.of("purpose", purpose, "textVersion", versions.getOrDefault(purpose, "")));
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public UUID getNetworkId() {
        return networkId;
    }

    public void setNetworkId(UUID networkId) {
        this.networkId = networkId;
    }

    public boolean isMatching() {
        return matching;
    }

    public void setMatching(boolean matching) {
        this.matching = matching;
    }

    public boolean isNotifications() {
        return notifications;
    }

    public void setNotifications(boolean notifications) {
        this.notifications = notifications;
    }

    public boolean isContact() {
        return contact;
    }

    public void setContact(boolean contact) {
        this.contact = contact;
    }

    public Map<String, String> getVersions() {
        return versions;
    }

    public void setVersions(Map<String, String> versions) {
        this.versions = versions;
    }
}
