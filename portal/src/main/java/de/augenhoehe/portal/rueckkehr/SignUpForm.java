package de.augenhoehe.portal.rueckkehr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The returnee sign-up as the form sends it. The limits are the API's (so the person hears about them at the field,
 * in German, before the API refuses); the consent checkboxes come with the version of the text the page showed, so
 * the API records exactly what the person read.
 */
class SignUpForm {

    @NotBlank(message = "Bitte geben Sie Ihren Vornamen an.")
    @Size(max = 100, message = "Bitte höchstens 100 Zeichen.")
    private String firstName;

    @NotBlank(message = "Bitte geben Sie Ihren Nachnamen an.")
    @Size(max = 100, message = "Bitte höchstens 100 Zeichen.")
    private String lastName;

    @NotBlank(message = "Bitte geben Sie Ihre E-Mail-Adresse an.")
    @Size(max = 254, message = "Bitte höchstens 254 Zeichen.")
    @Email(message = "Bitte geben Sie eine gültige E-Mail-Adresse an, zum Beispiel name@beispiel.de.")
    private String email;

    @Size(max = 30, message = "Bitte höchstens 30 Zeichen.")
    @Pattern(regexp = "|\\+?[0-9 ()/-]{5,30}", message = "Bitte nur Ziffern, Leerzeichen und + ( ) / - verwenden.")
    private String phone;

    @NotBlank(message = "Bitte sagen Sie uns, wo Sie jetzt wohnen.")
    @Size(max = 200, message = "Bitte höchstens 200 Zeichen.")
    private String currentPlace;

    @Pattern(regexp = "|[0-9]{5}", message = "Bitte eine Postleitzahl mit 5 Ziffern angeben.")
    private String returnPostalCode;

    @NotBlank(message = "Bitte wählen Sie Ihr Berufsfeld.")
    @Pattern(regexp = "|[0-9]{3}", message = "Bitte wählen Sie Ihr Berufsfeld aus der Liste.")
    private String occupation;

    @Size(max = 500, message = "Bitte höchstens 500 Zeichen.")
    private String qualification;

    @Pattern(regexp = "|[0-9]{4}-[0-9]{2}-[0-9]{2}", message = "Bitte ein Datum angeben, zum Beispiel 2027-03-01.")
    private String earliestReturn;

    @NotEmpty(message = "Bitte wählen Sie mindestens ein Thema.")
    private List<String> interests = new ArrayList<>();

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

    @AssertTrue(message = "Bitte wählen Sie die Region, in die Sie zurückkehren möchten.")
    boolean isRegionGiven() {
        return (code != null && !code.isBlank()) || networkId != null;
    }

    /** The API's request body. */
    Map<String, Object> toApi() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", firstName.strip());
        body.put("lastName", lastName.strip());
        body.put("email", email.strip());
        body.put("phone", blankToNull(phone));
        body.put("currentPlace", currentPlace.strip());
        body.put("returnPostalCode", blankToNull(returnPostalCode));
        body.put("occupation", occupation);
        body.put("qualification", blankToNull(qualification));
        body.put("earliestReturn", blankToNull(earliestReturn));
        body.put("interests", interests);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCurrentPlace() {
        return currentPlace;
    }

    public void setCurrentPlace(String currentPlace) {
        this.currentPlace = currentPlace;
    }

    public String getReturnPostalCode() {
        return returnPostalCode;
    }

    public void setReturnPostalCode(String returnPostalCode) {
        this.returnPostalCode = returnPostalCode;
    }

    public String getOccupation() {
        return occupation;
    }

    public void setOccupation(String occupation) {
        this.occupation = occupation;
    }

    public String getQualification() {
        return qualification;
    }

    public void setQualification(String qualification) {
        this.qualification = qualification;
    }

    public String getEarliestReturn() {
        return earliestReturn;
    }

    public void setEarliestReturn(String earliestReturn) {
        this.earliestReturn = earliestReturn;
    }

    public List<String> getInterests() {
        return interests;
    }

    public void setInterests(List<String> interests) {
        this.interests = interests == null ? new ArrayList<>() : interests;
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
