package de.augenhoehe.platform.web;

import java.net.URI;

/** The {@code type} of the platform's RFC 9457 problems: {@code urn:augenhoehe:problem:<slug>} (see {@link ProblemType}). */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:augenhoehe:problem:";

    private Problems() {
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }
}
