package de.augenhoehe.portal.massnahmen;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PortalProperties;

/**
 * The measure catalogue: a plain GET form of filters with its results, and a measure's page with its sessions, the
 * places left, the calendar (download and subscription) and the registration form.
 */
@Controller
class CatalogueController {

    /** A measure's id in a page path: anything else is no page of ours (404), never a call to the API. */
    static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final PlatformApi api;
    private final PortalProperties properties;

    CatalogueController(PlatformApi api, PortalProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    @GetMapping("/massnahmen")
    String catalogue(@ModelAttribute("filter") CatalogueFilter filter, BindingResult errors, Model model) {
        filter.check(errors);
        words(model);
        model.addAttribute("invalid", errors.hasErrors());
        if (errors.hasErrors()) {
            model.addAttribute("results", List.of());
            return "massnahmen/katalog";
        }
        JsonNode page = api.get("/api/measures", filter::query);
        List<MeasureViews.Card> cards = new ArrayList<>();
        page.path("items").forEach(m -> cards.add(MeasureViews.Card.of(m)));
        model.addAttribute("results", cards);
        if (filter.page() > 0) {
            model.addAttribute("previous", filter.pageLink(filter.page() - 1));
        }
        if (cards.size() == CatalogueFilter.PAGE_SIZE) {
            model.addAttribute("next", filter.pageLink(filter.page() + 1));
        }
        return "massnahmen/katalog";
    }

    @GetMapping("/massnahmen/" + ID)
    String measure(@PathVariable String id, Model model) {
        show(id, new RegistrationForm(), model);
        return "massnahmen/detail";
    }

    /** The detail page's model: the measure, its calendar links and the (new or returned) registration form. */
    void show(String id, RegistrationForm form, Model model) {
        MeasureViews.Detail measure = MeasureViews.Detail.of(api.get("/api/measures/{id}", id), Instant.now());
        String feed = properties.publicUrl("/api/measures/" + measure.id() + "/calendar");
        model.addAttribute("measure", measure);
        model.addAttribute("calendarUrl", feed);
        model.addAttribute("webcalUrl", feed.replaceFirst("^https?://", "webcal://"));
        if (!model.containsAttribute("anmeldung")) {
            model.addAttribute("anmeldung", form);
        }
    }

    static void words(Model model) {
        model.addAttribute("kreise", Words.KREISE);
        model.addAttribute("zielgruppen", Words.TARGET_GROUPS);
        model.addAttribute("arten", Words.TYPES);
    }
}
