package de.augenhoehe.portal.rueckkehr;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** After a successful POST: 303 to the result page, so a reload never sends the form twice. */
final class Redirects {

    private Redirects() {
    }

    static RedirectView seeOther(String url) {
        RedirectView view = new RedirectView(url);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
