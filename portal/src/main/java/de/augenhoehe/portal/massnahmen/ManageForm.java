package de.augenhoehe.portal.massnahmen;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The management page's form: the link from the registration mail. The mail's link carries
 * {@code #anmeldung=<id>&token=<secret>} in the fragment (never sent to a server); {@code assets/massnahmen.js} puts
 * that fragment into this field, and without JavaScript the person pastes the whole link (or only its part from
 * {@code anmeldung=}). Either way it reaches the portal in a POST body, and the API in the Registration-Token header.
 */
public class ManageForm {

    private static final Pattern ID = Pattern.compile("anmeldung=([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]{16,100})");

    @NotBlank(message = "Bitte fügen Sie den Link aus Ihrer E-Mail ein.")
    @Size(max = 600, message = "Das ist zu lang für den Link aus der E-Mail. Bitte kopieren Sie nur den Link.")
    private String code = "";

    /** The registration and its secret, when the code holds both. */
    Optional<Link> link() {
        Matcher id = ID.matcher(code);
        Matcher token = TOKEN.matcher(code);
        return id.find() && token.find() ? Optional.of(new Link(id.group(1).toLowerCase(), token.group(1))) : Optional.empty();
    }

    record Link(String registration, String token) {
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code == null ? "" : code.strip();
    }
}
