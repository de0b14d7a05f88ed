package de.augenhoehe.portal.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** robots.txt and the web app manifest: they name the public address, so they are written, not static files. */
@RestController
class SiteFiles {

    private final PortalProperties properties;

    SiteFiles(PortalProperties properties) {
        this.properties = properties;
    }

    @GetMapping(value = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    String robots() {
        // personal links (confirmation, management, cancellation) are never indexed
        return """
                User-agent: *
                Allow: /
                Disallow: /rueckkehr/bestaetigen
                Disallow: /rueckkehr/meine-daten
                Disallow: /massnahmen/anmeldung/
                Sitemap: %s
                """.formatted(properties.publicUrl("/sitemap.xml"));
    }

    @GetMapping(value = "/manifest.webmanifest", produces = "application/manifest+json")
    String manifest() {
        return """
                {"name":"Augenhöhe – Fachkräftenetzwerk","short_name":"Augenhöhe","lang":"de","start_url":"/",
                 "scope":"/","display":"standalone","background_color":"#ffffff","theme_color":"#0b5394",
                 "icons":[{"src":"/assets/icon-192.png","sizes":"192x192","type":"image/png"},
                          {"src":"/assets/icon-512.png","sizes":"512x512","type":"image/png"},
                          {"src":"/assets/icon.svg","sizes":"any","type":"image/svg+xml"}]}
                """;
    }
}
