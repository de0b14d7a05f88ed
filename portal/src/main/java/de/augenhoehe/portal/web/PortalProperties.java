package de.augenhoehe.portal.web;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param apiUrl where the portal reaches the platform's API: the gateway (never a service directly)
 * @param publicBaseUrl the platform's one public address (pages, JSON-LD, sitemap, QR codes and mails use it)
 * @param apiTimeout how long a page waits for one API answer before it shows "gerade nicht erreichbar"
 * @param tileUrl a map tile server (Leaflet URL template); empty: maps draw markers and the radius without tiles,
 *                so no visitor's address reaches a third party unless an operator configures one
 */
@ConfigurationProperties("augenhoehe.portal")
public record PortalProperties(
        @DefaultValue("http://127.0.0.1:8080") URI apiUrl,
        @DefaultValue("http://127.0.0.1:8080") String publicBaseUrl,
        @DefaultValue("5s") Duration apiTimeout,
        @DefaultValue("") String tileUrl) {

    /** An absolute public URL of a portal path ({@code /stellen/…}). */
    public String publicUrl(String path) {
        return publicBaseUrl.replaceAll("/+$", "") + path;
    }
}
