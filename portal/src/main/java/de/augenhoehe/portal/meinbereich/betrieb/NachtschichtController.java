package de.augenhoehe.portal.meinbereich.betrieb;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.augenhoehe.portal.meinbereich.Workspace;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess;
import de.augenhoehe.portal.meinbereich.WorkspaceAccess.Visit;
import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.SeeOther;

/**
 * The operator's night page (issue #18): every service instance's health, the gateway's circuit breakers, outbox
 * backlogs, consumer lag, dead letters with their error and a redrive (after a confirmation page: a GET changes
 * nothing), the rate-limit store — and at the top, in words, whether all is well. Role operations; the gateway and
 * the services check it again on every ops call.
 */
@Controller
class NachtschichtController {

    static final String SEITE = "/mein-bereich/betrieb";

    private final OpsAbfrage ops;
    private final WorkspaceAccess access;

    NachtschichtController(OpsAbfrage ops, WorkspaceAccess access) {
        this.ops = ops;
        this.access = access;
    }

    @GetMapping(SEITE)
    String nachtschicht(@RequestParam(name = "seite", required = false) Integer seite, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        Visit visit = access.open(Workspace.BETRIEB, model, request, response);
        int nummer = Totbriefe.seitennummer(seite);
        OpsAbfrage.Lage lage = ops.lesen(visit.bearer(), Totbriefe.limitFuer(nummer));
        model.addAttribute("bericht", Lagebericht.aus(lage, Totbriefe.aus(lage.deadLetters(), nummer), Instant.now()));
        model.addAttribute("stand", Anzeige.uhrzeit(Instant.now()));
        model.addAttribute("selbst", nummer == 1 ? SEITE : SEITE + "?seite=" + nummer);
        return "betrieb/nachtschicht";
    }

    @GetMapping(SEITE + "/dead-letters/{dienst}/{topic}/{partition}/{offset}")
    String bestaetigen(@PathVariable String dienst, @PathVariable String topic, @PathVariable String partition,
            @PathVariable String offset, Model model, HttpServletRequest request, HttpServletResponse response) {
        Visit visit = access.open(Workspace.BETRIEB, model, request, response);
        Adresse adresse = Adresse.von(dienst, topic, partition, offset);
        Totbrief brief = finden(adresse, visit).orElseThrow(() -> ApiProblem.notFound("no such dead letter"));
        model.addAttribute("brief", brief);
        return "betrieb/redrive";
    }

    @PostMapping(SEITE + "/dead-letters/{dienst}/{topic}/{partition}/{offset}/redrive")
    String redrive(@PathVariable String dienst, @PathVariable String topic, @PathVariable String partition,
            @PathVariable String offset, Model model, HttpServletRequest request, HttpServletResponse response,
            RedirectAttributes flash) {
        Visit visit = access.open(Workspace.BETRIEB, model, request, response);
        Adresse a = Adresse.von(dienst, topic, partition, offset);
        String was = "Der Dead Letter " + a.topic() + "/" + a.partition() + "/" + a.offset() + " von " + a.dienst() + "-service";
        try {
            ops.redrive(a.dienst(), a.topic(), a.partition(), a.offset(), visit.bearer());
            melden(flash, Stufe.OK, was + " wurde erneut angewandt und ist erledigt.");
        } catch (ApiProblem problem) {
            if (problem.is(409, "redrive-failed")) {
                melden(flash, Stufe.WARNUNG, was + " ist erneut fehlgeschlagen: " + grund(problem)
                        + " Es wurde nichts geändert; er bleibt bei den offenen Dead Letters und kann später noch einmal angewandt werden.");
            } else if (problem.is(409, "already-redriven")) {
                melden(flash, Stufe.OK, was + " war schon erneut angewandt worden; es ist nichts weiter geschehen.");
            } else if (problem.status() == 404) {
                melden(flash, Stufe.WARNUNG, was + " ist nicht (mehr) da; es ist nichts geschehen.");
            } else if (problem.status() == 401) {
                throw problem;
            } else {
                melden(flash, Stufe.STOERUNG, was + " konnte nicht erneut angewandt werden: " + a.dienst()
                        + "-service " + Lagebericht.grund(problem) + ". Es ist nichts geschehen; versuchen Sie es später noch einmal.");
            }
        }
        return SeeOther.to(request, SEITE + "#dead-letters"); // a reload never redrives twice
    }

    private Optional<Totbrief> finden(Adresse a, Visit visit) {
        var letters = ops.deadLetters(a.dienst(), visit.bearer());
        for (var letter : letters) {
            Totbrief brief = Totbrief.aus(a.dienst(), letter);
            if (brief.ist(a.topic(), a.partition(), a.offset())) {
                return Optional.of(brief);
            }
        }
        return Optional.empty();
    }

    private static String grund(ApiProblem problem) {
        String detail = problem.getMessage();
        int colon = detail.indexOf(": ");
        return colon < 0 ? "ohne Angabe des Grundes." : "„" + detail.substring(colon + 2) + "“.";
    }

    private static void melden(RedirectAttributes flash, Stufe stufe, String text) {
        flash.addFlashAttribute("meldung", new Befund(stufe, text));
    }

    /** Where a dead letter lies, from the page's address: anything else is the 404 page, never a call. */
    record Adresse(String dienst, String topic, int partition, long offset) {
        static Adresse von(String dienst, String topic, String partition, String offset) {
            if (!OpsAbfrage.DIENSTE.contains(dienst) || topic.length() > 249 || !topic.matches("[A-Za-z0-9._-]+")
                    || !partition.matches("\\d{1,9}") || !offset.matches("\\d{1,18}")) {
                throw ApiProblem.notFound("no such dead letter address");
            }
            return new Adresse(dienst, topic, Integer.parseInt(partition), Long.parseLong(offset));
        }
    }
}
