package de.augenhoehe.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problems with a stable {@code type} per kind of error: {@code urn:augenhoehe:problem:<slug>}. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:augenhoehe:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static URI type(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }
}
