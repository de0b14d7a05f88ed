package de.augenhoehe.portal.stellen;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import de.augenhoehe.portal.web.PlatformApi;
import de.augenhoehe.portal.web.PortalProperties;

/**
 * {@code /sitemap.xml}: every published posting ({@code /stellen/{id}}) and every measure of the public catalogue
 * ({@code /massnahmen/{id}}), read page by page through the public APIs, with absolute public URLs. The protocol allows
 * 50,000 URLs per file; the sitemap stops there (a sitemap index would be the next step).
 */
@RestController
class Sitemap {

    static final int MAX_URLS = 50_000;
    private static final int PAGE = 100;

    private final PlatformApi api;
    private final PortalProperties properties;

    Sitemap(PlatformApi api, PortalProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String sitemap() {
        List<String> urls = new ArrayList<>();
        urls.add(properties.publicUrl("/stellen"));
        urls.add(properties.publicUrl("/massnahmen"));
        postings(urls);
        measures(urls);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        urls.forEach(u -> xml.append("  <url><loc>").append(escape(u)).append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }

    /** The search's cursor pages, newest first. */
    private void postings(List<String> urls) {
        String cursor = null;
        do {
            String after = cursor;
            JsonNode page = api.get("/api/vacancies", b -> {
                b.queryParam("sort", "date").queryParam("size", PAGE);
                if (after != null) {
                    b.queryParam("cursor", after);
                }
            });
            page.path("items").forEach(h -> add(urls, "/stellen/" + h.path("id").asString()));
            cursor = page.path("next").asString(null);
        } while (cursor != null && urls.size() < MAX_URLS);
    }

    /** The catalogue's numbered pages (its own default window: what is still to come). */
    private void measures(List<String> urls) {
        for (int number = 0; urls.size() < MAX_URLS; number++) {
            int n = number;
            JsonNode page = api.get("/api/measures", b -> b.queryParam("page", n).queryParam("size", PAGE));
            page.path("items").forEach(m -> add(urls, "/massnahmen/" + m.path("id").asString()));
            if (page.path("items").size() < PAGE || (long) (n + 1) * PAGE >= page.path("total").asLong()) {
                return;
            }
        }
    }

    private void add(List<String> urls, String path) {
        if (urls.size() < MAX_URLS) {
            urls.add(properties.publicUrl(path));
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
