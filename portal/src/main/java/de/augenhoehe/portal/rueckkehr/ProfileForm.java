package de.augenhoehe.portal.rueckkehr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/**
 * What a returnee tells about themselves, in the sign-up and in a correction. The limits are the API's, so the person
 * hears about them at the field, in German, before the API refuses.
 */
class ProfileForm {

    @NotBlank(message = "Bitte geben Sie Ihren Vornamen an.")
    @Size(max = 100, message = "Bitte höchstens 100 Zeichen.")
    private String firstName;

    @NotBlank(message = "Bitte geben Sie Ihren Nachnamen an.")
    @Size(max = 100, message = "Bitte höchstens 100 Zeichen.")
    private String lastName;

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

    /** The profile part of an API request body. */
    Map<String, Object> profileToApi() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("firstName", firstName.strip());
        body.put("lastName", lastName.strip());
        body.put("phone", blankToNull(phone));
        body.put("currentPlace", currentPlace.strip());
        body.put("returnPostalCode", blankToNull(returnPostalCode));
        body.put("occupation", occupation);
        body.put("qualification", blankToNull(qualification));
        body.put("earliestReturn", blankToNull(earliestReturn));
        body.put("interests", interests);
        return body;
    }

    /** Filled from the API's export: the correction form starts from what is stored. */
    void fillFrom(JsonNode profile) {
        firstName = text(profile, "firstName");
        lastName = text(profile, "lastName");
        phone = text(profile, "phone");
        currentPlace = text(profile, "currentPlace");
        returnPostalCode = text(profile, "returnPostalCode");
        String kldb = text(profile, "occupation");
        occupation = kldb == null || kldb.length() < 3 ? kldb : kldb.substring(0, 3);
        qualification = text(profile, "qualification");
        earliestReturn = text(profile, "earliestReturn");
        interests = new ArrayList<>();
        profile.path("interests").forEach(i -> interests.add(i.asString()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString();
    }

    static String blankToNull(String value) {
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
}
