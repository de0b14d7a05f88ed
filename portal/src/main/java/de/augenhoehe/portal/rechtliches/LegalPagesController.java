package de.augenhoehe.portal.rechtliches;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PortalProperties;
import de.augenhoehe.portal.web.PathIds;

/**
 * Impressum, Datenschutz and the accessibility statement, for the platform ({@code /impressum}, …) and for each
 * network ({@code /netzwerke/{id}/impressum}, …) with the network's own provider. The texts are configuration
 * ({@link LegalTexts}); the page only asks the API whether the network exists and what it is called.
 */
@Controller
class LegalPagesController {

    static final String PLATFORM = "Augenhöhe-Plattform";

    private final LegalTexts texts;
    private final PlatformApi api;
    private final PortalProperties portal;

    LegalPagesController(LegalTexts texts, PlatformApi api, PortalProperties portal) {
        this.texts = texts;
        this.api = api;
        this.portal = portal;
    }

    @GetMapping({"/impressum", "/datenschutz", "/barrierefreiheit"})
    String platform(HttpServletRequest request, Model model) {
        String page = request.getRequestURI().substring(1);
        return show(page, texts.legal(), PLATFORM, "", model);
    }

    @GetMapping("/netzwerke/{id}/{page:impressum|datenschutz|barrierefreiheit}")
    String network(@PathVariable String id, @PathVariable String page, Model model) {
        UUID network = PathIds.uuid(id);
        String name = api.get("/api/networks/{id}", network).path("name").asString();
        return show(page, texts.of(network.toString()), name, "/netzwerke/" + network, model);
    }

    private String show(String page, LegalTexts.Provider provider, String scope, String base, Model model) {
        model.addAttribute("provider", provider);
        model.addAttribute("scope", scope);
        model.addAttribute("base", base);
        model.addAttribute("site", portal.publicUrl(base.isEmpty() ? "/" : base));
        if (provider.accessibility() != null && provider.accessibility().feedbackEmail() != null) {
            model.addAttribute("reportBarrier", reportBarrier(provider.accessibility().feedbackEmail(), scope));
        }
        return "rechtliches/" + page;
    }

    /**
     * "Barriere melden": a mail to the configured address with subject and a short guide prefilled. A mail, not a
     * form: the portal keeps no data of its own, and a person's own mail program is the route they already know
     * (with their own assistive technology); the address is shown as text too, for those without one.
     */
    static String reportBarrier(String email, String scope) {
        return "mailto:" + email + "?subject=" + encode("Barriere melden: " + scope) + "&body="
                + encode("Auf welcher Seite (Adresse)?\n\nWas hat nicht funktioniert?\n\nWelche Hilfsmittel nutzen Sie "
                        + "(zum Beispiel Screenreader, Vergrößerung)? Freiwillige Angabe.\n");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

}
