package de.augenhoehe.portal.meinbereich.anbieten;

/** The values in the workspace's addresses and forms: a page number ({@code seite}, from 1). */
final class Addresses {

    private Addresses() {
    }

    /** The page asked for; anything that is no page number is the first page. */
    static int page(String seite) {
        return seite != null && seite.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(seite) : 1;
    }
}
