package de.augenhoehe.portal.rueckkehr;

/**
 * A returnee's correction of their profile from the management page (not the e-mail address: a new one needs its own
 * confirmation, so the person signs up again). The link's id and secret travel in hidden fields, never in the address.
 */
class CorrectionForm extends ProfileForm {

    private String id;

    private String token;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
