package de.augenhoehe.portal.web;

import java.net.URI;

/**
 * The pages' CSP: only the portal's own scripts, styles, images and fonts (no inline script, no CDN, no third party),
 * forms only to the portal. A configured map tile server is the one exception, for images only.
 */
final class ContentSecurityPolicy {

    private ContentSecurityPolicy() {
    }

    static String of(PortalProperties properties) {
        String tiles = properties.tileUrl().isBlank() ? "" : " " + origin(properties.tileUrl());
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                + "base-uri 'none'; object-src 'none'";
    }

    /** {@code https://tile.example.org/{z}/{x}/{y}.png} → {@code https://tile.example.org}. */
    private static String origin(String template) {
        URI uri = URI.create(template.replaceAll("[{}]", ""));
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
