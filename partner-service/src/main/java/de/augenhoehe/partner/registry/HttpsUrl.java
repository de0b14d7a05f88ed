package de.augenhoehe.partner.registry;

/**
 * A public web address of an organisation (website, logo): https only — it is shown on public pages and handed to job
 * search engines, where a plain-http or {@code javascript:} address must never appear —, a host, no spaces, quotes or
 * angle brackets, at most {@link #MAX} characters (the database checks scheme and length too). Linear without
 * possessive quantifiers (no two parts can take the same character), so the documented pattern is plain ECMAScript.
 */
final class HttpsUrl {

    static final String PATTERN = "https://[A-Za-z0-9][A-Za-z0-9.-]*(:[0-9]{1,5})?([/?#][^\\s<>\"]*)?";
    static final int MAX = 500;

    private HttpsUrl() {
    }
}
