package de.augenhoehe.portal.meinbereich.firma;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PathIds;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.SeeOther;

/**
 * The people of a company who sign in (partner-service, {@code /api/partners/{id}/accounts}): an administrator adds a
 * colleague (the one-time password shown once, to hand over), changes the address the "forgot password" links go to,
 * gives a new one-time password, disables an account after a confirming page. Staff see who may do it; the service
 * decides. The one-time password travels from the POST to the page as a flash attribute, as the HR client's secret does.
 */
@Controller
class AccountsController {

    static final String PAGE = "/mein-bereich/firma/konten";
    // partner-service's rules for a username and an address, checked here to answer at the field
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Map<String, String> ROLES = linked("PARTNER_STAFF", "Mitarbeit: Stellen, Maßnahmen, Geben und Nehmen",
            "PARTNER_ADMIN", "Administration: dazu Konten und die HR-Schnittstelle");

    private final PlatformApi api;
    private final WorkspaceAccess access;

    AccountsController(PlatformApi api, WorkspaceAccess access) {
        this.api = api;
        this.access = access;
    }

    @GetMapping(PAGE)
    String accounts(Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("rolle", "PARTNER_STAFF");
        return page(visit, model);
    }

    @PostMapping(PAGE)
    Object create(@RequestParam(name = "benutzername", defaultValue = "") String username,
            @RequestParam(name = "rolle", defaultValue = "") String role, @RequestParam(name = "email", defaultValue = "") String email,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        String name = username.strip();
        String address = email.strip();
        Map<String, String> errors = new HashMap<>();
        if (!USERNAME.matcher(name).matches()) {
            errors.put("benutzername", "Bitte 3 bis 100 Zeichen: Buchstaben ohne Umlaute, Ziffern, Punkt, Bindestrich, Unterstrich oder @.");
        }
        if (!ROLES.containsKey(role)) {
            errors.put("rolle", "Bitte wählen Sie, was die Person tun darf.");
        }
        if (!address.isEmpty() && !wellFormed(address)) {
            errors.put("email", "Bitte eine E-Mail-Adresse wie name@firma.de – oder das Feld leer lassen.");
        }
        int status = 422;
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", name);
            body.put("roles", List.of(role));
            if (!address.isEmpty()) {
                body.put("email", address);
            }
            try {
                JsonNode created = api.post("/api/partners/{id}/accounts", body, visit.bearer(), visit.person().partnerId());
                flash.addFlashAttribute("einmalPasswort", new OneTimePassword(name, created.path("initialPassword").asString()));
                flash.addFlashAttribute("meldung", "Das Konto „" + name + "“ ist angelegt.");
                return SeeOther.view(PAGE);
            } catch (ApiProblem problem) {
                if (problem.status() != 409) {
                    throw problem;
                }
                errors.put("benutzername", "Diesen Benutzernamen gibt es schon auf der Plattform. Bitte wählen Sie einen anderen.");
                status = 409;
            }
        }
        model.addAttribute("fehler", errors);
        model.addAttribute("benutzername", username);
        model.addAttribute("rolle", role);
        model.addAttribute("email", email);
        response.setStatus(status);
        return page(visit, model);
    }

    @PostMapping(PAGE + "/{id}/email")
    Object changeEmail(@PathVariable String id, @RequestParam(name = "email", defaultValue = "") String email, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        String account = PathIds.id(id);
        String address = email.strip();
        if (!address.isEmpty() && !wellFormed(address)) {
            model.addAttribute("emailFehler", Map.of(account, "Bitte eine E-Mail-Adresse wie name@firma.de – oder das Feld leer lassen."));
            model.addAttribute("emailEingabe", Map.of(account, email));
            response.setStatus(422);
            return page(visit, model);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("email", address.isEmpty() ? null : address);
        JsonNode changed = api.put("/api/partners/{id}/accounts/{accountId}/email", body, visit.bearer(), visit.person().partnerId(), account);
        flash.addFlashAttribute("meldung", address.isEmpty()
                ? "Das Konto „" + changed.path("username").asString() + "“ hat keine E-Mail-Adresse mehr: ein vergessenes Passwort setzen dann Sie zurück."
                : "Die E-Mail-Adresse von „" + changed.path("username").asString() + "“ ist geändert. Links, die an die alte gingen, gelten nicht mehr.");
        return SeeOther.view(PAGE);
    }

    @PostMapping(PAGE + "/{id}/einmal-passwort")
    Object newOneTimePassword(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        String account = PathIds.id(id);
        JsonNode known = api.get("/api/partners/{id}/accounts/{accountId}", visit.bearer(), visit.person().partnerId(), account);
        JsonNode renewed = api.post("/api/partners/{id}/accounts/{accountId}/initial-password", null, visit.bearer(),
                visit.person().partnerId(), account);
        String name = known.path("username").asString();
        flash.addFlashAttribute("einmalPasswort", new OneTimePassword(name, renewed.path("initialPassword").asString()));
        flash.addFlashAttribute("meldung", "„" + name + "“ hat ein neues Einmal-Passwort; das bisherige Passwort gilt nicht mehr.");
        return SeeOther.view(PAGE);
    }

    /** The confirming step: a GET changes nothing. */
    @GetMapping(PAGE + "/{id}/deaktivieren")
    String confirmDisable(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        model.addAttribute("konto", view(api.get("/api/partners/{id}/accounts/{accountId}", visit.bearer(),
                visit.person().partnerId(), PathIds.id(id)), visit));
        return "firma/konto-deaktivieren";
    }

    @PostMapping(PAGE + "/{id}/deaktivieren")
    Object disable(@PathVariable String id, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Visit visit = access.open(Workspace.FIRMA, model, request, response);
        String account = PathIds.id(id);
        if (account.equals(visit.person().subject())) {
            flash.addFlashAttribute("refusal", "Ihr eigenes Konto deaktiviert eine andere Administratorin oder ein anderer Administrator.");
            return SeeOther.view(PAGE);
        }
        api.delete("/api/partners/{id}/accounts/{accountId}", visit.bearer(), visit.person().partnerId(), account);
        flash.addFlashAttribute("meldung", "Das Konto ist deaktiviert: Es kann sich nicht mehr anmelden, und eine laufende Sitzung endet spätestens in zehn Minuten.");
        return SeeOther.view(PAGE);
    }

    private String page(Visit visit, Model model) {
        boolean admin = visit.person().hasAnyRole("partner_admin");
        model.addAttribute("admin", admin);
        model.addAttribute("rollen", ROLES);
        if (!model.containsAttribute("fehler")) {
            model.addAttribute("fehler", Map.of());
        }
        List<AccountView> accounts = new ArrayList<>();
        if (admin) {
            api.get("/api/partners/{id}/accounts", visit.bearer(), visit.person().partnerId()).forEach(a -> accounts.add(view(a, visit)));
        }
        model.addAttribute("konten", accounts);
        return "firma/konten";
    }

    /** An account as the page shows it: the roles in German, whether it is the person's own. */
    record AccountView(String id, String username, String email, String roles, boolean enabled, boolean own) {
    }

    private static AccountView view(JsonNode a, Visit visit) {
        List<String> roles = new ArrayList<>();
        a.path("roles").forEach(r -> roles.add(switch (r.asString()) {
            case "PARTNER_ADMIN" -> "Administration";
            case "PARTNER_STAFF" -> "Mitarbeit";
            case "COORDINATOR" -> "Koordination";
            default -> r.asString();
        }));
        String id = a.path("id").asString();
        return new AccountView(id, a.path("username").asString(), a.path("email").asString(null), String.join(", ", roles),
                a.path("enabled").asBoolean(), id.equals(visit.person().subject()));
    }

    /** Shown once after creating or renewing; Serializable: as a flash attribute it waits in the session. */
    record OneTimePassword(String username, String password) implements java.io.Serializable {
    }

    private static boolean wellFormed(String address) {
        return address.length() >= 3 && address.length() <= 254 && EMAIL.matcher(address).matches();
    }

    private static Map<String, String> linked(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
