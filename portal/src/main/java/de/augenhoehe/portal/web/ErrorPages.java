package de.augenhoehe.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What a person sees when something is missing or the platform cannot answer: a German page with a way on, never a
 * stack trace or a problem JSON. A page that knows better (a form with field errors, a withdrawn posting's 410)
 * handles its {@link ApiProblem} itself; whatever reaches this advice gets the page of its status.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    private final PortalProperties portal;

    ErrorPages(PortalProperties portal) {
        this.portal = portal;
    }

    /**
     * The signed-in person's tokens cannot be renewed (account disabled, refresh token expired or revoked) or the API no
     * longer accepts them: the session ends and the page asked for comes again, which sends the person to the login and
     * afterwards back to it (issue #18).
     */
    @ExceptionHandler(SignedIn.SignInAgain.class)
    String signInAgain(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (HtmxSignIn.isHtmx(request)) {
            HtmxSignIn.reloadPage(request, response);
            return null;
        }
        // an absolute public URL: the gateway does not tell the portal its public host
        String again = "GET".equals(request.getMethod()) && request.getQueryString() == null ? request.getRequestURI()
                : "GET".equals(request.getMethod()) ? request.getRequestURI() + "?" + request.getQueryString() : "/mein-bereich";
        return "redirect:" + portal.publicUrl(again);
    }

    /**
     * An API answer no page handled itself becomes the page of its status. A 401 on a signed-in person's call means the
     * API no longer accepts the session's token (the account was disabled, the key rotated): sign in again.
     */
    @ExceptionHandler(ApiProblem.class)
    String apiProblem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.status() == 401
                && SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken) {
            return signInAgain(request, response);
        }
        int status = problem.unavailable() ? 503 : problem.status() == 404 || problem.status() == 410 ? problem.status()
                : problem.status() >= 500 ? 502 : problem.status();
        if (status >= 500) {
            LOG.warn("API answer {} {} shown as {}", problem.status(), problem.slug(), status);
        }
        return page(status, response, model);
    }

    /**
     * Spring MVC's own refusals (no such page, wrong method, a malformed parameter) become the page of their status;
     * anything else a page did not expect is logged for the operators and a German 500 page (never a trace).
     */
    @ExceptionHandler(Exception.class)
    String failed(Exception failure, HttpServletResponse response, Model model) {
        int status = failure instanceof ErrorResponse refusal ? refusal.getStatusCode().value()
                : failure instanceof TypeMismatchException ? 400 : 500;
        if (status >= 500) {
            LOG.error("page failed", failure);
        }
        return page(status, response, model);
    }

    static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
