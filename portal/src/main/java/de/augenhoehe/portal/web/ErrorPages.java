package de.augenhoehe.portal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a person sees when something is missing or the platform cannot answer: a German page with a way on, never a
 * stack trace or a problem JSON. A page that knows better (a form with field errors, a withdrawn posting's 410)
 * handles its {@link ApiProblem} itself; whatever reaches this advice gets the page of its status.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(ApiProblem.class)
    String apiProblem(ApiProblem problem, HttpServletResponse response, Model model) {
        int status = problem.unavailable() ? 503 : problem.status() == 404 || problem.status() == 410 ? problem.status()
                : problem.status() >= 500 ? 502 : problem.status();
        if (status >= 500) {
            LOG.warn("API answer {} {} shown as {}", problem.status(), problem.slug(), status);
        }
        return page(status, response, model);
    }

    /** Spring MVC's own refusals (no such page, wrong method, a malformed parameter): their status, as a page. */
    @ExceptionHandler(ErrorResponseException.class)
    String refused(ErrorResponse refusal, HttpServletResponse response, Model model) {
        return page(refusal.getStatusCode().value(), response, model);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String mvcRefusal(Exception refusal, HttpServletResponse response, Model model) {
        int status = refusal instanceof ErrorResponse e ? e.getStatusCode().value() : 400;
        return page(status, response, model);
    }

    /** Anything else a page did not expect: logged for the operators, a German page for the person (never a trace). */
    @ExceptionHandler(Exception.class)
    String unexpected(Exception failure, HttpServletResponse response, Model model) {
        LOG.error("page failed", failure);
        return page(500, response, model);
    }

    static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
