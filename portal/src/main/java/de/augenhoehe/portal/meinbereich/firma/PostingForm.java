package de.augenhoehe.portal.meinbereich.firma;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/**
 * A posting as the company's people type it: every field of vacancy-service's {@code Content} (README "Fields"), kept
 * as text so that anything typed comes back as typed (a refused number is shown again, not lost). {@code version} is
 * the posting's version when the form was loaded: it becomes the {@code If-Match} of the change, so a save over
 * somebody else's newer change is refused instead of silently overwriting it.
 */
public class PostingForm {

    static final String DATE = "|[0-9]{4}-[0-9]{2}-[0-9]{2}";
    static final String MONEY = "|[0-9]{1,9}([.,][0-9]{1,2})?";

    private String version = "";

    @NotBlank(message = "Bitte geben Sie einen Titel an.")
    @Size(max = 200, message = "Der Titel darf höchstens 200 Zeichen lang sein.")
    private String title = "";

    @NotBlank(message = "Bitte beschreiben Sie die Stelle.")
    @Size(max = 20000, message = "Die Beschreibung darf höchstens 20.000 Zeichen lang sein.")
    private String description = "";

    @NotBlank(message = "Bitte wählen Sie die Art der Stelle.")
    private String type = "";

    @Pattern(regexp = "[0-9]{5}", message = "Bitte den Beruf als fünfstellige KldB-Nummer angeben, zum Beispiel 25212.")
    private String kldb = "";

    @Pattern(regexp = "[0-9]{5}", message = "Bitte die Postleitzahl des Arbeitsorts mit 5 Ziffern angeben.")
    private String postalCode = "";

    @NotBlank(message = "Bitte wählen Sie die Arbeitszeit.")
    private String workingTime = "";

    @Pattern(regexp = "|[0-9]{1,3}", message = "Bitte eine ganze Zahl von 0 bis 100 angeben.")
    private String remoteShare = "";

    private boolean fixedTerm;

    @Pattern(regexp = DATE, message = "Bitte ein Datum angeben, zum Beispiel 2027-03-01.")
    private String startDate = "";

    @Pattern(regexp = DATE, message = "Bitte ein Datum angeben, zum Beispiel 2027-03-01.")
    private String endDate = "";

    @NotBlank(message = "Bitte angeben, bis wann die Stelle online bleibt.")
    @Pattern(regexp = DATE, message = "Bitte ein Datum angeben, zum Beispiel 2027-03-01.")
    private String validThrough = "";

    @Pattern(regexp = "|[0-9]{1,3}", message = "Bitte eine ganze Zahl von 1 bis 500 angeben.")
    private String openings = "";

    private String qualificationLevel = "";

    private String germanLevel = "";

    private boolean foreignQualificationsWelcome;

    @Size(max = 30, message = "Höchstens 30 Zeichen, zum Beispiel B oder C, CE.")
    private String drivingLicence = "";

    @Pattern(regexp = MONEY, message = "Bitte einen Betrag in Euro angeben, zum Beispiel 3200 oder 18,50.")
    private String salaryMin = "";

    @Pattern(regexp = MONEY, message = "Bitte einen Betrag in Euro angeben, zum Beispiel 3200 oder 18,50.")
    private String salaryMax = "";

    private String salaryPeriod = "";

    @Size(max = 2000, message = "Die Adresse darf höchstens 2.000 Zeichen lang sein.")
    private String applicationUrl = "";

    @Size(max = 254, message = "Die E-Mail-Adresse darf höchstens 254 Zeichen lang sein.")
    private String applicationEmail = "";

    private boolean temporaryAgency;

    /** A new posting: online for two months, one opening, full time — what most postings are. */
    static PostingForm blank(LocalDate today) {
        PostingForm form = new PostingForm();
        form.type = "JOB";
        form.workingTime = "FULL_TIME";
        form.openings = "1";
        form.validThrough = today.plusMonths(2).toString();
        return form;
    }

    /** The form of a stored posting (the API's {@code Posting}), with the version it was read in. */
    static PostingForm of(JsonNode posting) {
        PostingForm form = new PostingForm();
        form.version = text(posting, "version");
        form.title = text(posting, "title");
        form.description = text(posting, "description");
        form.type = text(posting, "type");
        form.kldb = text(posting, "kldb");
        form.postalCode = text(posting, "postalCode");
        form.workingTime = text(posting, "workingTime");
        form.remoteShare = text(posting, "remoteShare");
        form.fixedTerm = posting.path("fixedTerm").asBoolean(false);
        form.startDate = text(posting, "startDate");
        form.endDate = text(posting, "endDate");
        form.validThrough = text(posting, "validThrough");
        form.openings = text(posting, "openings");
        form.qualificationLevel = text(posting, "qualificationLevel");
        form.germanLevel = text(posting, "germanLevel");
        form.foreignQualificationsWelcome = posting.path("foreignQualificationsWelcome").asBoolean(false);
        form.drivingLicence = text(posting, "drivingLicence");
        form.salaryMin = money(posting, "salaryMin");
        form.salaryMax = money(posting, "salaryMax");
        form.salaryPeriod = text(posting, "salaryPeriod");
        form.applicationUrl = text(posting, "applicationUrl");
        form.applicationEmail = text(posting, "applicationEmail");
        form.temporaryAgency = posting.path("temporaryAgency").asBoolean(false);
        return form;
    }

    /** The request body of {@code POST /api/vacancies} and {@code PUT /api/vacancies/{id}}: empty fields left out. */
    Map<String, Object> toApi() {
        Map<String, Object> body = new LinkedHashMap<>();
        put(body, "title", title);
        put(body, "description", description);
        put(body, "type", type);
        put(body, "kldb", kldb);
        put(body, "postalCode", postalCode);
        put(body, "workingTime", workingTime);
        if (!remoteShare.isEmpty()) {
            body.put("remoteShare", Integer.parseInt(remoteShare));
        }
        body.put("fixedTerm", fixedTerm);
        put(body, "startDate", startDate);
        put(body, "endDate", endDate);
        put(body, "validThrough", validThrough);
        if (!openings.isEmpty()) {
            body.put("openings", Integer.parseInt(openings));
        }
        put(body, "qualificationLevel", qualificationLevel);
        put(body, "germanLevel", germanLevel);
        body.put("foreignQualificationsWelcome", foreignQualificationsWelcome);
        put(body, "drivingLicence", drivingLicence);
        if (!salaryMin.isEmpty()) {
            body.put("salaryMin", new BigDecimal(salaryMin.replace(',', '.')));
        }
        if (!salaryMax.isEmpty()) {
            body.put("salaryMax", new BigDecimal(salaryMax.replace(',', '.')));
        }
        put(body, "salaryPeriod", salaryPeriod);
        put(body, "applicationUrl", applicationUrl);
        put(body, "applicationEmail", applicationEmail);
        body.put("temporaryAgency", temporaryAgency);
        return body;
    }


    /** The fields as the page names them, with their values as typed: what a conflict shows side by side. */
    Map<String, String> shown() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("Titel", title);
        shown.put("Beschreibung", description);
        shown.put("Art der Stelle", PostingWords.TYPES.getOrDefault(type, type));
        shown.put("Beruf (KldB)", kldb);
        shown.put("Postleitzahl", postalCode);
        shown.put("Arbeitszeit", PostingWords.WORKING_TIMES.getOrDefault(workingTime, workingTime));
        shown.put("Anteil mobiles Arbeiten (%)", remoteShare);
        shown.put("Befristet", fixedTerm ? "ja" : "nein");
        shown.put("Beginn", startDate);
        shown.put("Ende", endDate);
        shown.put("Online bis", validThrough);
        shown.put("Anzahl Stellen", openings);
        shown.put("Abschluss", PostingWords.QUALIFICATIONS.getOrDefault(qualificationLevel, qualificationLevel));
        shown.put("Deutsch", germanLevel);
        shown.put("Ausländische Abschlüsse willkommen", foreignQualificationsWelcome ? "ja" : "nein");
        shown.put("Führerschein", drivingLicence);
        shown.put("Gehalt von", salaryMin);
        shown.put("Gehalt bis", salaryMax);
        shown.put("Gehalt gilt", PostingWords.SALARY_PERIODS.getOrDefault(salaryPeriod, salaryPeriod));
        shown.put("Bewerbung über (Adresse)", applicationUrl);
        shown.put("Bewerbung per E-Mail", applicationEmail);
        shown.put("Zeitarbeit", temporaryAgency ? "ja" : "nein");
        return shown;
    }

    /** What differs between the stored posting and this input: field → (stored, typed). */
    java.util.List<Difference> differencesFrom(PostingForm stored) {
        Map<String, String> theirs = stored.shown();
        return shown().entrySet().stream().filter(e -> !e.getValue().equals(theirs.get(e.getKey())))
                .map(e -> new Difference(e.getKey(), theirs.get(e.getKey()), e.getValue())).toList();
    }

    /** One field of an edit conflict: what is stored now and what the person typed. */
    public record Difference(String field, String stored, String typed) {
    }

    private static void put(Map<String, Object> body, String field, String value) {
        if (!value.isEmpty()) {
            body.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asString();
    }

    /** "18,5" rather than "18.5": the form speaks German. */
    private static String money(JsonNode node, String field) {
        return text(node, field).replace('.', ',');
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version == null ? "" : version.strip();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title == null ? "" : title.strip();
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description == null ? "" : description.strip();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type.strip();
    }

    public String getKldb() {
        return kldb;
    }

    public void setKldb(String kldb) {
        this.kldb = kldb == null ? "" : kldb.strip();
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode == null ? "" : postalCode.strip();
    }

    public String getWorkingTime() {
        return workingTime;
    }

    public void setWorkingTime(String workingTime) {
        this.workingTime = workingTime == null ? "" : workingTime.strip();
    }

    public String getRemoteShare() {
        return remoteShare;
    }

    public void setRemoteShare(String remoteShare) {
        this.remoteShare = remoteShare == null ? "" : remoteShare.strip();
    }

    public boolean isFixedTerm() {
        return fixedTerm;
    }

    public void setFixedTerm(boolean fixedTerm) {
        this.fixedTerm = fixedTerm;
    }

    public String getStartDate() {
        return startDate;
    }

    public void setStartDate(String startDate) {
        this.startDate = startDate == null ? "" : startDate.strip();
    }

    public String getEndDate() {
        return endDate;
    }

    public void setEndDate(String endDate) {
        this.endDate = endDate == null ? "" : endDate.strip();
    }

    public String getValidThrough() {
        return validThrough;
    }

    public void setValidThrough(String validThrough) {
        this.validThrough = validThrough == null ? "" : validThrough.strip();
    }

    public String getOpenings() {
        return openings;
    }

    public void setOpenings(String openings) {
        this.openings = openings == null ? "" : openings.strip();
    }

    public String getQualificationLevel() {
        return qualificationLevel;
    }

    public void setQualificationLevel(String qualificationLevel) {
        this.qualificationLevel = qualificationLevel == null ? "" : qualificationLevel.strip();
    }

    public String getGermanLevel() {
        return germanLevel;
    }

    public void setGermanLevel(String germanLevel) {
        this.germanLevel = germanLevel == null ? "" : germanLevel.strip();
    }

    public boolean isForeignQualificationsWelcome() {
        return foreignQualificationsWelcome;
    }

    public void setForeignQualificationsWelcome(boolean foreignQualificationsWelcome) {
        this.foreignQualificationsWelcome = foreignQualificationsWelcome;
    }

    public String getDrivingLicence() {
        return drivingLicence;
    }

    public void setDrivingLicence(String drivingLicence) {
        this.drivingLicence = drivingLicence == null ? "" : drivingLicence.strip();
    }

    public String getSalaryMin() {
        return salaryMin;
    }

    public void setSalaryMin(String salaryMin) {
        this.salaryMin = salaryMin == null ? "" : salaryMin.strip();
    }

    public String getSalaryMax() {
        return salaryMax;
    }

    public void setSalaryMax(String salaryMax) {
        this.salaryMax = salaryMax == null ? "" : salaryMax.strip();
    }

    public String getSalaryPeriod() {
        return salaryPeriod;
    }

    public void setSalaryPeriod(String salaryPeriod) {
        this.salaryPeriod = salaryPeriod == null ? "" : salaryPeriod.strip();
    }

    public String getApplicationUrl() {
        return applicationUrl;
    }

    public void setApplicationUrl(String applicationUrl) {
        this.applicationUrl = applicationUrl == null ? "" : applicationUrl.strip();
    }

    public String getApplicationEmail() {
        return applicationEmail;
    }

    public void setApplicationEmail(String applicationEmail) {
        this.applicationEmail = applicationEmail == null ? "" : applicationEmail.strip();
    }

    public boolean isTemporaryAgency() {
        return temporaryAgency;
    }

    public void setTemporaryAgency(boolean temporaryAgency) {
        this.temporaryAgency = temporaryAgency;
    }
}
