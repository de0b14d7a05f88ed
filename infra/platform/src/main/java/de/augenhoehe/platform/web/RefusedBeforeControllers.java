package de.augenhoehe.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any controller sees them, as problems like every other error (issue #16: a bare 400).
 * Tomcat itself refuses an encoded {@code /}, {@code \} or NUL in a path and renders the refusal with its host's
 * error report valve (HTML); Spring Security's firewall refuses an encoded {@code %}, {@code ;}, {@code .} or a line
 * break and sends the request to {@code /error} (Spring Boot's JSON without a type). Both now write the platform's
 * problem: the valve replaces Tomcat's (see {@link WebAutoConfiguration}), the handler the firewall's.
 */
public final class RefusedBeforeControllers extends ErrorReportValve implements RequestRejectedHandler {

    static final String REFUSED_PATH = "The request path contains characters that are not allowed "
            + "(an encoded '/', '\\', '%', ';', '.', a control character or a path parameter)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Spring Security's firewall refused the request (an encoded {@code %}, {@code ;}, a line break …). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body(ProblemType.MALFORMED_REQUEST, REFUSED_PATH, request.getRequestURI()));
    }

    /** Tomcat refused the request itself, or an error reached the host with nothing written: a problem, never HTML. */
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemType kind = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 404 -> ProblemType.NOT_FOUND;
            default -> ProblemType.forStatus(HttpStatus.valueOf(status));
        };
        String detail = status == 400 ? REFUSED_PATH : null;
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(kind, detail, request.getRequestURI()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was taken: nothing left to tell
        }
    }

    private static String body(ProblemType kind, String detail, String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", Problems.type(kind.slug()).toString());
        problem.put("title", kind.title());
        problem.put("status", kind.status().value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null && instance.chars().noneMatch(c -> c < 0x20)) {
            problem.put("instance", instance);
        }
        return JSON.writeValueAsString(problem);
    }
}
