package de.augenhoehe.portal.rueckkehr;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages opened with a personal secret in their address (confirmation, management link): never indexed, never
 * cached. The secret never leaves with a Referer either — the portal sends {@code Referrer-Policy: no-referrer} on
 * every page ({@code PortalSecurity}).
 */
final class PersonalPages {

    private PersonalPages() {
    }

    static void protect(HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "no-store");
    }
}
