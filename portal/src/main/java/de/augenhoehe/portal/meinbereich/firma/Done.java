package de.augenhoehe.portal.meinbereich.firma;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** After a successful change: 303 to the page that shows its result (with the flash message), so a reload sends nothing twice. */
final class Done {

    private Done() {
    }

    static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
