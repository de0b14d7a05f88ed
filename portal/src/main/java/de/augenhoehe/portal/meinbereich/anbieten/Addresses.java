package de.augenhoehe.portal.meinbereich.anbieten;

import java.util.regex.Pattern;



/** The values in the workspace's addresses and forms: a page number ({@code seite}, from 1) and the API's ids. */
final class Addresses {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Addresses() {
    }

    /** The page asked for; anything that is no page number is the first page. */
    static int page(String seite) {
        return seite != null && seite.matches("[1-9][0-9]{0,4}") ? Integer.parseInt(seite) : 1;
    }

    static boolean id(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
