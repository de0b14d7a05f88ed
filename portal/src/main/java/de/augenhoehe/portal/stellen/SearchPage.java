package de.augenhoehe.portal.stellen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.ApiProblem;
import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PortalProperties;

/**
 * {@code /stellen}: the vacancy search. A plain GET form (works without JavaScript); htmx sends the same form on every
 * change and swaps the results. The list is the main view; the map only repeats it. A value the API would refuse
 * (an unknown postal code, a radius out of range) is a German message at the field.
 */
@Controller
class SearchPage {

    private final PlatformApi api;
    private final PortalProperties properties;

    SearchPage(PlatformApi api, PortalProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    /** A hit as the list and the map show it. */
    record Hit(String id, String title, String employer, String place, String distance, String type, String workingTime,
            String start, String validThrough, String salary, boolean temporaryAgency, double latitude, double longitude) {
    }

    /** One choice of a facet with the number of postings it would find ("1.000+" for a lower bound). */
    record Choice(String value, String label, String count) {
    }

    /** The centre and radius of the map's circle. */
    record Circle(double latitude, double longitude, String place, int radiusKm) {
    }

    @GetMapping("/stellen")
    String search(@Valid @ModelAttribute("suche") SearchForm form, BindingResult errors, HttpServletRequest request, Model model) {
        form.check(errors);
        Circle circle = errors.hasFieldErrors("plz") || form.getPlz() == null ? null : centre(form, errors);
        model.addAttribute("types", Labels.TYPES);
        model.addAttribute("workingTimes", Labels.WORKING_TIMES);
        model.addAttribute("germanLevels", Labels.GERMAN_LEVELS);
        model.addAttribute("radii", Labels.RADII);
        model.addAttribute("tileUrl", properties.tileUrl());
        model.addAttribute("circle", circle);
        if (errors.hasErrors()) {
            model.addAttribute("groups", List.of());
            return "stellen/suche";
        }
        JsonNode result = results(form, errors, model);
        if (result == null) {
            model.addAttribute("groups", List.of());
            return "stellen/suche";
        }
        List<Hit> hits = new ArrayList<>();
        result.path("items").forEach(h -> hits.add(hit(h)));
        JsonNode facets = result.path("facets");
        // a wide search is counted over a sample: then every count is a lower bound ("1.000+")
        boolean lowerBounds = facets.path("countsAreLowerBounds").asBoolean(false);
        long total = 0;
        for (JsonNode c : facets.path("type")) {
            total += c.path("count").asLong(); // every posting has exactly one type: the sum is the number of hits
        }
        model.addAttribute("hits", hits);
        // by relevance over more than 1,000 matches the platform ranks the first 1,000 found (issue #21)
        model.addAttribute("rankedFromSample", result.path("rankedFromSample").asBoolean(false));
        model.addAttribute("total", Labels.count(total, lowerBounds));
        model.addAttribute("typeCounts", counts(facets.path("type"), lowerBounds));
        model.addAttribute("workingTimeCounts", counts(facets.path("workingTime"), lowerBounds));
        model.addAttribute("groups", groups(facets.path("occupationGroup"), form.getBerufsgruppe(), lowerBounds));
        String next = result.path("next").asString(null);
        model.addAttribute("nextUrl", next == null ? null : withQuery(request, "seite", next));
        model.addAttribute("firstUrl", form.getSeite() == null ? null : withQuery(request, "seite", null));
        if (hits.isEmpty()) {
            model.addAttribute("widerUrl", circle == null || circle.radiusKm() >= SearchForm.MAX_RADIUS_KM ? null
                    : withQuery(request, "umkreis", String.valueOf(Math.min(SearchForm.MAX_RADIUS_KM, circle.radiusKm() * 2))));
            model.addAttribute("widerKm", circle == null ? null : Math.min(SearchForm.MAX_RADIUS_KM, circle.radiusKm() * 2));
            model.addAttribute("unfilteredUrl", form.narrowed() ? unfiltered(form) : null);
        }
        return "stellen/suche";
    }

    /** The postal code's centre from the reference data; an unknown code is a message at its field. */
    private Circle centre(SearchForm form, BindingResult errors) {
        try {
            JsonNode area = api.get("/api/vacancies/reference/postal-codes/{code}", form.getPlz());
            int radius = form.getUmkreis() == null ? 0 : Integer.parseInt(form.getUmkreis());
            return new Circle(area.path("latitude").asDouble(), area.path("longitude").asDouble(), area.path("place").asString(""), radius);
        } catch (ApiProblem problem) {
            if (problem.status() != 404 && problem.status() != 400) {
                throw problem;
            }
            errors.rejectValue("plz", "plz-unbekannt", "Diese Postleitzahl kennen wir nicht. Bitte prüfen Sie die fünf Ziffern.");
            return null;
        }
    }

    private JsonNode results(SearchForm form, BindingResult errors, Model model) {
        try {
            return api.get("/api/vacancies", form::query);
        } catch (ApiProblem problem) {
            if (problem.is(400, "invalid-cursor")) {
                // an old or changed "Weitere Ergebnisse" link: start again at the first page
                model.addAttribute("restarted", true);
                form.setSeite(null);
                return api.get("/api/vacancies", form::query);
            }
            if (problem.status() != 400) {
                throw problem;
            }
            errors.reject("suche", "Diese Suche können wir so nicht ausführen. Bitte ändern Sie Ihre Angaben.");
            return null;
        }
    }

    private static Hit hit(JsonNode h) {
        JsonNode distance = h.path("distanceKm");
        return new Hit(h.path("id").asString(), h.path("title").asString(), h.path("employerName").asString(""),
                place(h), distance.isNumber() ? Labels.km(distance.asDouble()) : null,
                Labels.of(Labels.TYPES, h.path("type").asString(null)), Labels.of(Labels.WORKING_TIMES, h.path("workingTime").asString(null)),
                Labels.date(h.path("startDate").asString(null)), Labels.date(h.path("validThrough").asString(null)),
                Labels.salary(decimal(h.path("salaryMin")), decimal(h.path("salaryMax")),
                        h.path("salaryPeriod").asString(null)),
                h.path("temporaryAgency").asBoolean(false), h.path("latitude").asDouble(), h.path("longitude").asDouble());
    }

    static java.math.BigDecimal decimal(JsonNode n) {
        return n.isNumber() ? n.decimalValue() : null;
    }

    static String place(JsonNode p) {
        String code = p.path("postalCode").asString("");
        String place = p.path("place").asString("");
        return (code + " " + place).strip();
    }

    private static Map<String, String> counts(JsonNode facet, boolean lowerBounds) {
        Map<String, String> counts = new java.util.HashMap<>();
        facet.forEach(c -> counts.put(c.path("value").asString(), Labels.count(c.path("count").asLong(), lowerBounds)));
        return counts;
    }

    /** The occupation groups found (with counts); a chosen group stays choosable even when it finds nothing now. */
    private static List<Choice> groups(JsonNode facet, String chosen, boolean lowerBounds) {
        List<Choice> groups = new ArrayList<>();
        facet.forEach(c -> groups.add(new Choice(c.path("value").asString(), c.path("label").asString(c.path("value").asString()),
                Labels.count(c.path("count").asLong(), lowerBounds))));
        if (chosen != null && groups.stream().noneMatch(g -> g.value().equals(chosen))) {
            groups.add(0, new Choice(chosen, "Berufsgruppe " + chosen, null));
        }
        return groups;
    }

    /** This search's address with one parameter replaced (null: removed); the page cursor is always reset. */
    private static String withQuery(HttpServletRequest request, String name, String value) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/stellen").query(request.getQueryString()).replaceQueryParam("seite");
        if (value == null) {
            b.replaceQueryParam(name);
        } else {
            b.replaceQueryParam(name, value);
        }
        return b.build().toUriString();
    }

    private static String unfiltered(SearchForm form) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/stellen");
        if (form.getWas() != null) {
            b.queryParam("was", form.getWas());
        }
        if (form.getPlz() != null) {
            b.queryParam("plz", form.getPlz());
        }
        if (form.getUmkreis() != null) {
            b.queryParam("umkreis", form.getUmkreis());
        }
        return b.encode().build().toUriString();
    }
}
